"""The page behind the personal link, and its JSON export."""

import datetime
import json
import time
from unittest import mock

import pytest
from django.urls import reverse
from django.utils import timezone
from django.utils.formats import date_format
from django.utils.html import escape

from essaim.core.models import HistoryEntry
from essaim.memberships.models import PaymentMethod
from essaim.privacy.tokens import sign_email
from essaim.registrations.models import Category
from tests.conftest import client_for
from tests.memberships.factories import MembershipFactory, MembershipTypeFactory
from tests.organisations.factories import OrganisationFactory
from tests.privacy.factories import full_registrant, past_session
from tests.registrations.factories import RegistrationFactory
from tests.trainings.factories import TrainingSessionFactory

pytestmark = pytest.mark.django_db
EMAIL = "maia.roussel@example.org"


def signed_at(hours_ago: float, email: str = EMAIL) -> str:
    with mock.patch("django.core.signing.time.time", return_value=time.time() - hours_ago * 3600):
        return sign_email(email)


@pytest.fixture
def cap_rural():
    organisation = OrganisationFactory(name="Cap Rural")
    TrainingSessionFactory(
        organiser=organisation, contact_name="Mylène Thou", contact_email="mylene.thou@example.org"
    )
    return organisation


@pytest.fixture
def maia(cap_rural):
    """Maïa: a past session (answers, attendance, survey), an upcoming one, a membership."""
    past = full_registrant(
        past_session(ended_days_ago=60, title="L'expérimentation : repères"),
        first_name="Maïa",
        last_name="Roussel",
        email=EMAIL,
        category=Category.PROJECT,
        organisation_name="Tiers-lieu La Fabrique",
    )
    upcoming = RegistrationFactory(
        session=TrainingSessionFactory(title="La pérennisation et le changement d'échelle"),
        first_name="Maïa",
        last_name="Roussel",
        email=EMAIL,
    )
    membership = MembershipFactory(
        membership_type=MembershipTypeFactory(organiser=cap_rural),
        first_name="Maïa",
        last_name="Roussel",
        email=EMAIL,
        postal_address="1 place de la Mairie, 26400 Crest",
        payment_method=PaymentMethod.CHEQUE,
    )
    return past, upcoming, membership


def test_it_shows_what_essaim_holds_about_the_address(maia):
    past, _, _ = maia
    RegistrationFactory(first_name="Oscar", email="oscar@example.org")

    response = client_for(None).get(reverse("privacy:mine", args=[sign_email(EMAIL)]))

    assert response.status_code == 200
    assert "no-store" in response["Cache-Control"]
    page = response.content.decode()
    assert EMAIL in page
    for text in (
        "L&#x27;expérimentation : repères",
        "La pérennisation et le changement d&#x27;échelle",
        "Maïa Roussel",
        "Porteur de projet, Tiers-lieu La Fabrique (Crest)",
        "Sous-titrage de la webconférence",
        "Présentez-vous en une phrase",
        escape(past.text_answer.value),
        "Votre avis sur la session",
        "Répondu le" if past.survey_answer.invitation.answered_at else "Pas de réponse",
        "Adhésion individuelle — Cap Rural",
        '<td data-label="Montant">30\xa0€</td>',
        'Mylène Thou, <a href="mailto:mylene.thou@example.org">',
        "Vous êtes inscrit·e à 1 session à venir",
    ):
        assert text in page, text
    assert "Oscar" not in page
    assert reverse("privacy:export", args=[sign_email(EMAIL)]).rsplit(":", 2)[0] in page


def test_the_contact_for_memberships_is_the_one_of_the_membership_type(cap_rural):
    MembershipFactory(
        membership_type=MembershipTypeFactory(
            organiser=cap_rural, contact_email="adhesions@example.org"
        ),
        email=EMAIL,
    )

    page = client_for(None).get(reverse("privacy:mine", args=[sign_email(EMAIL)]))

    assert 'Cap Rural — <a href="mailto:adhesions@example.org">' in page.content.decode()
    assert "mylene.thou@example.org" not in page.content.decode()


def test_an_address_without_data_sees_that_nothing_is_held():
    response = client_for(None).get(reverse("privacy:mine", args=[sign_email("rien@example.org")]))

    assert response.status_code == 200
    page = response.content.decode()
    assert "Essaim ne conserve aucune donnée à cette adresse" in page
    assert "Effacer mes données</a>" not in page


def test_a_forged_link_is_refused(maia):
    genuine = sign_email(EMAIL)
    forged = sign_email("autre@example.org").split(":")[0] + ":" + genuine.split(":", 1)[1]

    for url in (
        reverse("privacy:mine", args=[forged]),
        reverse("privacy:mine", args=["bonjour"]),
        reverse("privacy:export", args=[forged]),
        reverse("privacy:erase", args=[forged]),
    ):
        response = client_for(None).get(url)
        assert response.status_code == 400, url
        page = response.content.decode()
        assert "Ce lien n'est pas valable" in page
        assert "Maïa" not in page


def test_a_link_older_than_a_day_has_expired(maia):
    assert client_for(None).get(reverse("privacy:mine", args=[signed_at(23)])).status_code == 200

    for name in ("privacy:mine", "privacy:export", "privacy:erase"):
        response = client_for(None).get(reverse(name, args=[signed_at(25)]))
        assert response.status_code == 410
        page = response.content.decode()
        assert "Ce lien a expiré" in page
        assert "Maïa" not in page
        assert reverse("privacy:request") in page


def test_the_page_shows_when_the_link_expires(maia):
    signed = signed_at(1)

    page = client_for(None).get(reverse("privacy:mine", args=[signed])).content.decode()

    expires = timezone.localtime(timezone.now() + datetime.timedelta(hours=23))
    assert f"Ce lien personnel est valable jusqu'au {date_format(expires, 'j F Y à H:i')}" in page


def test_the_page_reads_a_fixed_number_of_queries(maia, django_assert_max_num_queries):
    for days in (90, 120, 150):
        full_registrant(past_session(ended_days_ago=days), email=EMAIL)
        MembershipFactory(email=EMAIL, year=2020 + days // 30)
    url = reverse("privacy:mine", args=[sign_email(EMAIL)])

    # The registrations (with their session, commune and certificate), their slots, answers
    # and attendance; the survey invitations and their answers; the memberships; the contacts
    # of the structures receiving them; the registrations' names and the connection reports
    # with their session and slot; the e-mails on their way.
    with django_assert_max_num_queries(11):
        response = client_for(None).get(url)

    assert response.content.decode().count('data-label="Dates"') == 5


def test_the_export_holds_everything_as_json(maia):
    past, _, membership = maia
    signed = sign_email(EMAIL)

    response = client_for(None).get(reverse("privacy:export", args=[signed]))

    assert response.status_code == 200
    assert response["Content-Type"] == "application/json; charset=utf-8"
    assert response["Content-Disposition"].startswith('attachment; filename="mes-donnees-essaim-')
    document = json.loads(response.content)
    assert document["adresse_e_mail"] == EMAIL
    assert [r["session"] for r in document["inscriptions"]] == [
        "La pérennisation et le changement d'échelle",
        "L'expérimentation : repères",
    ]
    registration = document["inscriptions"][1]
    assert registration["prenom"] == "Maïa"
    assert registration["nom"] == "Roussel"
    assert registration["telephone"] == "04 00 00 00 00"
    assert registration["categorie"] == "porteur de projet"
    assert registration["commune"] == "Crest"
    assert registration["besoins_d_accessibilite"] == "Sous-titrage de la webconférence"
    assert registration["premier_jour"] == past.registration.session.start_date.isoformat()
    assert registration["reponses"] == [
        {"question": "Présentez-vous en une phrase", "reponse": past.text_answer.value},
        {"question": "Avez-vous déjà mené une expérimentation ?", "reponse": "Oui"},
    ]
    assert registration["presences"] == [
        {"seance": str(past.attendance.slot), "present": True, "minutes": 85}
    ]
    assert registration["attestation"] == past.certificate.number
    (survey,) = registration["questionnaires"]
    assert survey["questionnaire"] == "Votre avis sur la session"
    assert survey["reponses"] == [{"question": "Satisfaction globale", "note": 4, "reponse": ""}]
    (exported_membership,) = document["adhesions"]
    assert exported_membership == {
        "type": "Adhésion individuelle",
        "aupres_de": "Cap Rural",
        "annee": membership.year,
        "statut": "à jour",
        "structure_adherente": "",
        "prenom": "Maïa",
        "nom": "Roussel",
        "adresse_e_mail": EMAIL,
        "adresse_postale": "1 place de la Mairie, 26400 Crest",
        "tranche": "",
        "montant_euros": "30.00",
        "payee_le": membership.paid_on.isoformat(),
        "moyen_de_paiement": "chèque",
        "numero_de_recu": "",
    }
    assert datetime.datetime.fromisoformat(document["exporte_le"])


def test_the_export_is_logged_without_the_address(maia):
    past, upcoming, _ = maia

    client_for(None).get(reverse("privacy:export", args=[sign_email(EMAIL)]))

    for session in (past.registration.session, upcoming.session):
        entry = HistoryEntry.objects.of(session).get(verb="privacy_export")
        assert entry.summary == "Export par une personne de ses données personnelles."
        assert EMAIL not in entry.summary


def test_the_pages_behind_the_link_only_read(maia):
    signed = sign_email(EMAIL)

    assert client_for(None).post(reverse("privacy:mine", args=[signed])).status_code == 405
    assert client_for(None).post(reverse("privacy:export", args=[signed])).status_code == 405
