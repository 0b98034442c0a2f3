import datetime

import factory

from essaim.organisations.models import Organisation, OrganisationKind, Person
from essaim.territories.models import Territory, TerritoryKind


class TerritoryFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Territory

    name = factory.Sequence(lambda n: f"Territoire {n}")
    kind = TerritoryKind.EPCI


class OrganisationFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Organisation

    name = factory.Sequence(lambda n: f"Association numéro {n}")
    kind = OrganisationKind.ASSOCIATION

    class Params:
        with_territory = factory.Trait(territory=factory.SubFactory(TerritoryFactory))


class PersonFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Person

    first_name = factory.Sequence(lambda n: f"Camille{n}")
    last_name = factory.Sequence(lambda n: f"Martin{n}")
    function = "chargée de mission"
    organisation = factory.SubFactory(OrganisationFactory)
    email = factory.LazyAttribute(lambda person: f"{person.first_name.lower()}@example.org")

    class Params:
        consenting = factory.Trait(
            consents_to_contact=True, consent_date=datetime.date(2023, 11, 9)
        )
