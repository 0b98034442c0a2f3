"""A person pseudonymised or erased in a programme is also taken out of what the library holds of
it: the experience sheets copied from its report sheets (their texts, their contacts' names and
the search index) and its notebooks; the other sheets are left as they are."""

import datetime

import pytest
from django.utils import timezone

from essaim.core.search import search
from essaim.library.models import ExperienceSheet, Notebook, SheetContact
from essaim.library.programme_names import replace_in_library
from essaim.programmes.models import (
    Programme,
    ProgrammeTerritory,
    ReportSheet,
    SheetStatus,
    Theme,
)
from essaim.programmes.services.names import EXTRA_REPLACERS, replace_name
from tests.library.conftest import make_sheet, territory_of

pytestmark = pytest.mark.django_db
NAME = "Jean-Marc Bellanger"


@pytest.fixture
def programme(referential) -> Programme:
    return Programme.objects.create(
        title="S'organiser pour innover",
        slug="s-organiser",
        start_date=datetime.date(2014, 11, 1),
        end_date=datetime.date(2016, 2, 29),
    )


def report_sheet_of(programme: Programme) -> ReportSheet:
    territory = ProgrammeTerritory.objects.create(
        programme=programme,
        name="Pays des Trois Vallées",
        perimeter=territory_of("26198"),
        status_since=datetime.date(2014, 11, 1),
    )
    return ReportSheet.objects.create(
        territory=territory, status=SheetStatus.VALIDATED, validated_at=timezone.now()
    )


def test_the_library_registers_its_replacer_with_the_programmes():
    assert replace_in_library in EXTRA_REPLACERS


def test_a_name_is_replaced_in_the_copied_sheets_their_contacts_and_the_notebooks(programme):
    copied = make_sheet(
        "Le bus de Jean-Marc Bellanger",
        summary="Porté par jean-marc  BELLANGER, président.",
        internal_notes="Appeler Jean-Marc Bellanger.",
        report_sheet=report_sheet_of(programme),
    )
    contact = SheetContact.objects.create(sheet=copied, name=NAME, email="jm@example.org")
    other = make_sheet("Autre fiche", summary="Avec Jean-Marc Bellanger.")
    notebook = Notebook.objects.create(
        title="Cahier mobilité",
        programme=programme,
        programme_theme=Theme.objects.create(programme=programme, name="Mobilité"),
        introduction="Ouvert par Jean-Marc Bellanger.",
        conclusion="Merci à Jean-Marc Bellanger.",
    )
    assert search(ExperienceSheet.objects.filter(pk=copied.pk), "Bellanger").exists()

    changed = replace_name(programme, NAME, "Élu A")

    copied.refresh_from_db()
    assert copied.title == "Le bus de Élu A"
    assert copied.summary == "Porté par Élu A, président."
    assert copied.internal_notes == "Appeler Élu A."
    contact.refresh_from_db()
    assert contact.name == "Élu A"
    notebook.refresh_from_db()
    assert (notebook.introduction, notebook.conclusion) == (
        "Ouvert par Élu A.",
        "Merci à Élu A.",
    )
    other.refresh_from_db()
    assert other.summary == "Avec Jean-Marc Bellanger."  # not the programme's
    assert not search(ExperienceSheet.objects.filter(pk=copied.pk), "Bellanger").exists()
    assert search(ExperienceSheet.objects.filter(pk=copied.pk), "Élu").exists()
    assert changed >= 3
