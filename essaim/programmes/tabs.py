"""The tabs of a programme's pages, and the context they share."""

from essaim.core.tabs import Tab, TabSet, tabs_context
from essaim.programmes.access import is_team
from essaim.programmes.models import Programme
from essaim.roles.models import Perm

TABS = TabSet(
    Tab("overview", "Programme", "programmes:overview"),
    Tab("territories", "Territoires", "programmes:territories"),
    Tab("visits", "Écoute territoriale", "programmes:visits"),
    Tab("interviews", "Entretiens", "programmes:interviews"),
    Tab("synthesis", "Fiches et synthèse", "programmes:synthesis"),
    Tab("workshops", "Ateliers et séminaires", "programmes:workshops"),
    Tab("expenses", "Frais", "programmes:expenses"),
    Tab("history", "Historique", "programmes:history"),
    Tab("members", "Équipe", "programmes:members"),
)
# Shown to the programme's team only: the interview notes, what is drawn from them, and the
# history that tells of both.
TEAM_TABS = frozenset({"interviews", "synthesis", "history"})


def programme_context(programme: Programme, user, tab: str) -> dict:
    """What ``programmes/programme_base.html`` needs: the tabs, the current one, and what
    ``user`` may do (``can_contribute``, ``can_edit``, ``can_manage``, ``is_team``)."""
    team = is_team(user, programme)
    if Perm.VIEW in programme.permissions_for(user):
        tabs = [item for item in TABS if team or item.key not in TEAM_TABS]
    else:  # the referent of a territory, given a role on it alone: no tab leads anywhere
        tabs = []
    return {
        "programme": programme,
        "is_team": team,
        **tabs_context(programme, user, tabs, tab),
    }
