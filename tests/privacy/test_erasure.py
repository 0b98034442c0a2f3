"""« Effacer mes données »: upcoming registrations cancelled (the waiting list moves on), past
ones anonymised, memberships kept."""

import datetime

import pytest
from django.urls import reverse
from django.utils import timezone

from essaim.attendance.models import Attendance, Certificate
from essaim.core.models import HistoryEntry
from essaim.memberships.models import Membership
from essaim.privacy.models import AccessLink
from essaim.registrations.anonymisation import ANONYMOUS_NAME
from essaim.registrations.models import Registration, Status
from essaim.surveys.models import SurveyAnswer
from tests.memberships.factories import MembershipFactory
from tests.privacy.factories import full_registrant, link_client, past_session
from tests.registrations.factories import RegistrationFactory
from tests.trainings.factories import TrainingSessionFactory

pytestmark = pytest.mark.django_db
EMAIL = "maia.roussel@example.org"


@pytest.fixture
def maia():
    """Maïa attended a past session, holds the last place of a full upcoming one (someone waits
    behind her) and is a member."""
    past = full_registrant(
        past_session(ended_days_ago=60), first_name="Maïa", last_name="Roussel", email=EMAIL
    )
    full = TrainingSessionFactory(capacity=1, title="La pérennisation et le changement d'échelle")
    upcoming = RegistrationFactory(
        session=full, first_name="Maïa", last_name="Roussel", email=EMAIL
    )
    waiting = RegistrationFactory(
        session=full, status=Status.WAITING, confirmed_at=None, email="hugo@example.org"
    )
    membership = MembershipFactory(first_name="Maïa", last_name="Roussel", email=EMAIL)
    return past, upcoming, waiting, membership


ERASE_URL = reverse("privacy:erase")


def test_it_explains_what_will_happen_before_erasing(maia):
    response = link_client(EMAIL).get(ERASE_URL)

    assert response.status_code == 200
    page = response.content.decode()
    assert "1 inscription à venir sera annulée" in page
    assert "2 inscriptions seront anonymisées" in page
    assert "Vos adhésions sont conservées" in page
    assert 'name="confirm"' in page
    assert Registration.objects.filter(email=EMAIL).count() == 2


def test_nothing_is_erased_without_the_confirmation(maia, mailoutbox):
    response = link_client(EMAIL).post(ERASE_URL, {})

    assert response.status_code == 200
    assert "Cochez la case pour confirmer l&#x27;effacement." in response.content.decode()
    assert Registration.objects.filter(email=EMAIL, anonymised_at=None).count() == 2
    assert mailoutbox == []


def test_erasing_cancels_what_is_to_come_and_anonymises_everything(
    maia, mailoutbox, django_capture_on_commit_callbacks
):
    past, upcoming, waiting, membership = maia
    client = link_client(EMAIL)

    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(reverse("privacy:erase"), {"confirm": "on"}, follow=True)

    assert response.redirect_chain == [(reverse("privacy:mine"), 302)]
    page = response.content.decode()
    assert (
        "Vos données ont été effacées : 1 inscription à venir annulée, 2 inscriptions "
        "anonymisées. Vos adhésions sont conservées : ce sont des pièces comptables."
    ) in page
    assert "Aucune inscription conservée à cette adresse." in page
    # The upcoming place goes to the person waiting, who is told.
    upcoming.refresh_from_db()
    assert upcoming.status == Status.CANCELLED
    waiting.refresh_from_db()
    assert waiting.status == Status.OFFERED
    assert {tuple(message.to) for message in mailoutbox} == {(EMAIL,), ("hugo@example.org",)}
    # Both registrations are anonymised; statistics stay.
    for registration in Registration.objects.filter(pk__in=[past.registration.pk, upcoming.pk]):
        assert registration.full_name == ANONYMOUS_NAME
        assert registration.email.endswith("@anonyme.invalid")
        assert registration.anonymised_at is not None
    assert Attendance.objects.filter(pk=past.attendance.pk).exists()
    assert Certificate.objects.get(pk=past.certificate.pk).number == past.certificate.number
    assert SurveyAnswer.objects.get(pk=past.survey_answer.pk).rating == 4
    assert Registration.objects.get(pk=past.registration.pk).category == "agent"
    # The membership is an accounting record.
    assert Membership.objects.get(pk=membership.pk).email == EMAIL


def test_the_erasure_is_logged_without_the_person(maia, django_capture_on_commit_callbacks):
    past, upcoming, _, membership = maia

    with django_capture_on_commit_callbacks(execute=True):
        link_client(EMAIL).post(ERASE_URL, {"confirm": "on"})

    for session in (past.registration.session, upcoming.session):
        summaries = list(HistoryEntry.objects.of(session).values_list("summary", flat=True))
        assert any(s.startswith("Effacement, à sa demande, des données") for s in summaries)
        assert not any("Maïa" in s or EMAIL in s for s in summaries), summaries
    assert HistoryEntry.objects.of(membership).get().summary == (
        "Demande d'effacement des données personnelles : adhésion conservée (pièce comptable)."
    )


def test_erasing_twice_changes_nothing_more(maia, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        link_client(EMAIL).post(ERASE_URL, {"confirm": "on"})
    snapshot = list(Registration.objects.values().order_by("pk"))

    response = link_client(EMAIL).post(ERASE_URL, {"confirm": "on"}, follow=True)

    assert "Essaim ne conservait aucune inscription à votre adresse." in (response.content.decode())
    assert list(Registration.objects.values().order_by("pk")) == snapshot


def test_an_expired_link_cannot_erase(maia):
    client = link_client(EMAIL, hours_ago=23)
    AccessLink.objects.update(expires_at=timezone.now() - datetime.timedelta(minutes=1))

    response = client.post(reverse("privacy:erase"), {"confirm": "on"})

    assert response.status_code == 410
    assert Registration.objects.filter(email=EMAIL, anonymised_at=None).count() == 2


def test_only_the_address_of_the_link_is_erased(maia, django_capture_on_commit_callbacks):
    other = RegistrationFactory(first_name="Oscar", email="oscar@example.org")

    with django_capture_on_commit_callbacks(execute=True):
        link_client(EMAIL).post(ERASE_URL, {"confirm": "on"})

    other.refresh_from_db()
    assert (other.full_name, other.anonymised_at) == (f"Oscar {other.last_name}", None)
