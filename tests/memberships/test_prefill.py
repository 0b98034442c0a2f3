"""The membership form filled in from a token held by an app above memberships
(``memberships/prefill.py``, filled in by ``registrations/hooks.py``)."""

import pytest

from essaim.memberships import prefill
from essaim.memberships.documents import Applicant
from tests.registrations.factories import RegistrationFactory

pytestmark = pytest.mark.django_db


def test_a_registration_token_names_its_holder_and_the_sessions_organiser():
    registration = RegistrationFactory(first_name="Mylène", last_name="Thou")
    applicant, organiser_id = prefill.find_applicant({"inscription": f" {registration.token} "})
    assert (applicant.first_name, applicant.last_name) == ("Mylène", "Thou")
    assert applicant.organisation == "Communauté de communes du Diois"
    assert organiser_id == registration.session.organiser_id


def test_an_unknown_token_gives_a_blank_applicant_and_no_token_nothing():
    assert prefill.find_applicant({"inscription": "inconnu"}) == (Applicant(), None)
    assert prefill.find_applicant({"inscription": "  "}) is None
    assert prefill.find_applicant({"prenom": "Pascale"}) is None


def test_each_app_registers_its_own_parameter(monkeypatch):
    monkeypatch.setattr(prefill, "FINDERS", {})

    @prefill.applicant_finder("adhesion")
    def find(token: str) -> tuple[Applicant, int | None] | None:
        return (Applicant(first_name="Lina"), 7) if token == "abc" else None

    assert prefill.find_applicant({"adhesion": "abc"}) == (Applicant(first_name="Lina"), 7)
    assert prefill.find_applicant({"inscription": "abc"}) is None
