"""The demo programme: the seed's national experiment with its five organisers and stages, nine
fictitious territories labelled as such on real perimeters, a few dozen interviews whose themes
the synthesis shows, and the first pages of the programme answering."""

import pytest
from django.urls import reverse

from essaim.demo.data.programmes.content import PROGRAMME
from essaim.demo.owner import DEMO_ADMIN_EMAIL
from essaim.programmes.models import (
    Interview,
    Interviewee,
    Programme,
    ProgrammeTerritory,
    Quote,
    TerritoryStatus,
)
from essaim.programmes.services.synthesis import theme_grid
from essaim.territories.snapshot import read_referential, shipped_snapshot
from tests.conftest import client_for


def test_the_content_names_only_what_exists():
    themes = {theme.name for theme in PROGRAMME.themes}
    experts = {member.name for member in PROGRAMME.group if member.is_expert}
    for territory in PROGRAMME.territories:
        assert territory.description.startswith("Exemple fictif")
        if territory.visit is not None:
            assert set(territory.visit.experts) <= experts
            slots = {slot.title for slot in territory.visit.slots}
            for interview in territory.interviews:
                assert interview.slot in slots | {""}
                assert set(interview.themes) <= themes
                assert all(set(quote.themes) <= themes for quote in interview.quotes)
    assert {workshop.theme for workshop in PROGRAMME.workshops} <= themes


def test_every_perimeter_is_a_real_epci_of_the_referential():
    sirens = {epci.siren for epci in read_referential(shipped_snapshot()).epcis}
    assert {territory.perimeter_epci_siren for territory in PROGRAMME.territories} <= sirens


@pytest.fixture
def programme(demo) -> Programme:
    return Programme.objects.get(slug=PROGRAMME.slug)


def test_the_programme_is_the_seed_s_with_nine_fictitious_territories(programme):
    assert [stage.position for stage in programme.stages.all()] == [1, 2, 3, 4, 5]
    assert programme.organisers.count() == 5
    taking_part = ProgrammeTerritory.objects.filter(
        programme=programme, status=TerritoryStatus.CONFIRMED
    )
    assert taking_part.count() == 9
    assert not ProgrammeTerritory.objects.filter(programme=programme, illustrative=False).exists()
    assert all(territory.perimeter.epci_id for territory in taking_part)
    assert Interview.objects.filter(programme=programme).count() >= 30
    assert Quote.objects.filter(interview__programme=programme).count() >= 60
    assert Interviewee.objects.filter(programme=programme, pseudonymised=True).count() >= 3


def test_the_grid_shows_themes_across_the_territories(programme):
    grid = theme_grid(programme)
    assert len(grid.territories) == 9
    spread = sorted((grid.territories_of(theme) for theme in grid.themes), reverse=True)
    assert spread[0] >= 6  # at least one theme came up in most territories


def test_the_programme_s_pages_answer_for_its_owner(programme, django_user_model):
    owner = django_user_model.objects.get(email=DEMO_ADMIN_EMAIL)
    client = client_for(owner)
    territory = programme.territories.filter(status=TerritoryStatus.CONFIRMED).first()
    for url in (
        reverse("programmes:overview", args=[programme.pk]),
        reverse("programmes:territories", args=[programme.pk]),
        reverse("programmes:visits", args=[programme.pk]),
        reverse("programmes:interviews", args=[programme.pk]),
        reverse("programmes:synthesis", args=[programme.pk]),
        territory.get_absolute_url(),
        territory.visits.get().get_absolute_url(),
    ):
        response = client.get(url)
        assert response.status_code == 200, url
    page = client.get(reverse("programmes:territories", args=[programme.pk])).text
    assert page.count("exemple fictif") >= 10


def test_the_expenses_off_the_rules_are_caught_by_the_same_checks(programme):
    from essaim.programmes.models import ClaimStatus, ExpenseClaim

    claims = ExpenseClaim.objects.filter(programme=programme)
    assert claims.count() == len(PROGRAMME.expenses)
    flagged = " ".join(claim.flags for claim in claims)
    assert "Repas de 24,80\xa0€ : plafond de 17,50\xa0€." in flagged  # the meal over the cap
    assert "hébergement" in flagged.lower()  # a representative's night at a workshop
    assert "justificatif" in flagged.lower()  # a meal without receipt
    approved_off_rules = claims.exclude(flags="").filter(
        status__in=[ClaimStatus.APPROVED, ClaimStatus.PAID]
    )
    assert all(claim.override_reason for claim in approved_off_rules)
