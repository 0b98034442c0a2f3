"""A user's organisations and contacts, on their dashboard."""

from essaim.core.dashboard import Block, Card, Figure, FirstStep, dashboard_block
from essaim.lib import french
from essaim.organisations.models import Organisation, Person


@dashboard_block
def organisations_block(user) -> Block:
    organisations = Organisation.objects.with_role(user)
    mine = list(organisations.order_by("name")[:5])
    organisation_count = organisations.count() if mine else 0
    contact_count = Person.objects.visible_to(user).count()
    return Block(
        in_use=bool(mine) or contact_count > 0,
        figures=[
            Figure(20, organisation_count, french.plural(organisation_count, "organisation")),
            Figure(30, contact_count, french.plural(contact_count, "contact")),
        ],
        cards=[Card(30, "organisations/_dashboard_card.html", mine)],
        first_steps=[
            FirstStep(
                10,
                done=bool(mine),
                title="Rattachez-vous à votre organisation",
                text="Votre structure (commune, intercommunalité, PNR, association, centre de "
                "ressources…) existe peut-être déjà dans l'annuaire : demandez à son "
                "responsable de vous y ajouter, ou créez-la.",
                url_name="organisations:list",
                action="Voir les organisations",
            ),
            FirstStep(
                30,
                done=contact_count > 0,
                title="Ajoutez les personnes avec qui vous travaillez",
                text="Élus, techniciens, porteurs de projet : notez leur fonction et leur "
                "accord pour être contactés.",
                url_name="organisations:person_create",
                action="Ajouter un contact",
            ),
        ],
    )
