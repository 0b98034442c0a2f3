"""The referential kept aside after its first load comes back whole where a test emptied it."""

import pytest
from django.core.management import call_command

from essaim.territories.models import Commune, ReferentialImport
from tests.prepared import row_counts


@pytest.mark.django_db(transaction=True)
def test_the_referential_emptied_by_a_test_comes_back_whole(django_db_setup):
    loaded = row_counts()
    crest = Commune.objects.get(insee_code="26108")
    call_command("flush", interactive=False, verbosity=0)
    assert not Commune.objects.exists()

    django_db_setup.restore()

    assert {table: row_counts()[table] for table in django_db_setup.tables} == {
        table: loaded[table] for table in django_db_setup.tables
    }
    assert Commune.objects.get(insee_code="26108").name == crest.name == "Crest"
    assert Commune.objects.get(insee_code="26108").epci.name == crest.epci.name
    # New rows take identifiers after the restored ones.
    restored = max(ReferentialImport.objects.values_list("pk", flat=True))
    assert ReferentialImport.objects.create(source="essai", version="1").pk > restored
