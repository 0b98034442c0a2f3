import factory
from factory.django import DjangoModelFactory

from essaim.lib.text import search_key
from essaim.roles.models import Role
from essaim.territories.models import Commune, Territory, TerritoryKind


class TerritoryFactory(DjangoModelFactory):
    """A territory of real communes (Saillans by default); ``owner=user`` grants the owner role,
    ``roles={user: Role.READER}`` other roles."""

    class Meta:
        model = Territory
        skip_postgeneration_save = True

    class Params:
        private = factory.Trait(shared=False)

    name = factory.Sequence(lambda n: f"Territoire {n:03d}")
    kind = TerritoryKind.PAYS
    shared = True
    search_text = factory.LazyAttribute(lambda territory: search_key(territory.name))

    @factory.post_generation
    def communes(self, create, extracted, **kwargs):
        codes = ["26289"] if extracted is None else extracted
        self.communes.add(*Commune.objects.filter(insee_code__in=codes))

    @factory.post_generation
    def owner(self, create, extracted, **kwargs):
        if extracted is not None:
            self.grant(extracted, Role.OWNER)
            self.created_by = extracted
            self.save(update_fields=["created_by"])

    @factory.post_generation
    def roles(self, create, extracted, **kwargs):
        for user, role in (extracted or {}).items():
            self.grant(user, role)
