"""The referential kept aside after its first load comes back whole where a test emptied it."""

import pytest
from django.core.management import call_command

from essaim.territories.models import Commune, Departement, Epci, ReferentialImport, Region


@pytest.mark.django_db(transaction=True)
def test_the_referential_emptied_by_a_test_comes_back_whole(django_db_setup):
    call_command("flush", interactive=False, verbosity=0)
    assert not Commune.objects.exists()

    django_db_setup.restore()

    loaded = ReferentialImport.objects.get()
    assert {
        "regions": Region.objects.count(),
        "departements": Departement.objects.count(),
        "communes": Commune.objects.count(),
        "epci": Epci.objects.count(),
    } == loaded.counts
    crest = Commune.objects.get(insee_code="26108")
    assert crest.name == "Crest"
    assert crest.epci.communes.filter(name="Saillans").exists()
    # New rows take identifiers after the restored ones.
    assert ReferentialImport.objects.create(source="essai", version="1").pk > loaded.pk
