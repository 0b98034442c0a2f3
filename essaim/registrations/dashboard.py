"""The registrations an organiser has to look at, on their dashboard: the upcoming sessions they
organise that received registrations in the last seven days or have some pending their
decision."""

from essaim.core.dashboard import Block, Card, dashboard_block
from essaim.registrations.digest import dashboard_sessions


@dashboard_block
def registrations_block(user) -> Block:
    sessions = dashboard_sessions(user)
    cards = [Card(15, "registrations/_dashboard_card.html", sessions)] if sessions else []
    return Block(in_use=bool(sessions), cards=cards)
