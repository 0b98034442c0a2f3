"""The page behind the personal link, and its JSON export."""

import datetime
import json

import pytest
from django.urls import reverse
from django.utils import timezone
from django.utils.formats import date_format
from django.utils.html import escape

from essaim.attendance.models import ConnectionReport
from essaim.core.models import HistoryEntry
from essaim.memberships.models import PaymentMethod
from essaim.privacy.models import AccessLink
from essaim.privacy.scheduled import delete_expired_access_links
from essaim.registrations.models import Category
from tests.conftest import client_for
from tests.memberships.factories import MembershipFactory, MembershipTypeFactory
from tests.organisations.factories import OrganisationFactory
from tests.privacy.factories import full_registrant, link_client, past_session
from tests.registrations.factories import RegistrationFactory
from tests.trainings.factories import TrainingSessionFactory

pytestmark = pytest.mark.django_db
EMAIL = "maia.roussel@example.org"


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

    response = link_client(EMAIL).get(reverse("privacy:mine"))

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
    assert f'href="{reverse("privacy:export")}"' in page


def test_the_contact_for_memberships_is_the_one_of_the_membership_type(cap_rural):
    MembershipFactory(
        membership_type=MembershipTypeFactory(
            organiser=cap_rural, contact_email="adhesions@example.org"
        ),
        email=EMAIL,
    )

    page = link_client(EMAIL).get(reverse("privacy:mine"))

    assert 'Cap Rural — <a href="mailto:adhesions@example.org">' in page.content.decode()
    assert "mylene.thou@example.org" not in page.content.decode()


def test_an_address_without_data_sees_that_nothing_is_held():
    response = link_client("rien@example.org").get(reverse("privacy:mine"))

    assert response.status_code == 200
    page = response.content.decode()
    assert "Essaim ne conserve aucune donnée à cette adresse" in page
    assert "Effacer mes données</a>" not in page


def test_a_forged_link_is_refused(maia):
    _, genuine = AccessLink.issue(email=EMAIL)

    for token in (genuine[:-1], genuine[:-1] + ("A" if genuine[-1] != "A" else "B"), "bonjour"):
        client = client_for(None)
        response = client.get(reverse("privacy:open", args=[token]))
        assert response.status_code == 400, token
        page = response.content.decode()
        assert "Ce lien n'est pas valable" in page
        assert "Maïa" not in page
        assert client.get(reverse("privacy:mine")).status_code == 403


def test_the_token_is_exchanged_for_pages_whose_addresses_carry_none(maia):
    _, token = AccessLink.issue(email=EMAIL)
    client = client_for(None)

    response = client.get(reverse("privacy:open", args=[token]))

    assert response.status_code == 302
    assert response["Location"] == reverse("privacy:mine")
    page = client.get(response["Location"]).content.decode()
    assert "Maïa" in page
    assert token not in page
    # Essaim keeps a hash of the token, never the token.
    assert not AccessLink.objects.filter(token_hash__contains=token).exists()
    assert EMAIL.split("@")[0] not in token


def test_the_pages_need_the_link_opened_in_this_browser(maia):
    link_client(EMAIL)  # someone else's browser

    for name in ("privacy:mine", "privacy:export", "privacy:erase"):
        response = client_for(None).get(reverse(name))
        assert response.status_code == 403
        page = response.content.decode()
        assert "Ouvrez le lien reçu par e-mail" in page
        assert "Maïa" not in page


def test_a_link_older_than_a_day_has_expired(maia):
    assert link_client(EMAIL, hours_ago=23).get(reverse("privacy:mine")).status_code == 200
    _, token = AccessLink.issue(email=EMAIL, now=timezone.now() - datetime.timedelta(hours=25))

    response = client_for(None).get(reverse("privacy:open", args=[token]))
    assert response.status_code == 410
    assert "Ce lien a expiré" in response.content.decode()


def test_a_link_opened_before_it_expired_no_longer_opens_the_pages_after(maia):
    client = link_client(EMAIL, hours_ago=23)
    AccessLink.objects.update(expires_at=timezone.now() - datetime.timedelta(minutes=1))

    for name in ("privacy:mine", "privacy:export", "privacy:erase"):
        response = client.get(reverse(name))
        assert response.status_code == 410
        page = response.content.decode()
        assert "Ce lien a expiré" in page
        assert "Maïa" not in page
        assert reverse("privacy:request") in page


def test_the_page_shows_when_the_link_expires(maia):
    client = link_client(EMAIL, hours_ago=1)

    page = client.get(reverse("privacy:mine")).content.decode()

    expires = timezone.localtime(AccessLink.objects.get().expires_at)
    assert f"Ce lien personnel est valable jusqu'au {date_format(expires, 'j F Y à H:i')}" in page


def test_the_page_reads_a_fixed_number_of_queries(maia, django_assert_max_num_queries):
    for days in (90, 120, 150):
        registrant = full_registrant(past_session(ended_days_ago=days), email=EMAIL)
        MembershipFactory(email=EMAIL, year=2020 + days // 30)
        session = registrant.registration.session
        ConnectionReport.objects.create(
            session=session,
            slot=session.slots.first(),
            file_name="participants.csv",
            unmatched=[{"name": "M. R.", "email": EMAIL, "minutes": 30, "lines": [2]}],
        )
    client = link_client(EMAIL)

    # The session and the link; the registrations (with their session, commune and
    # certificate), their slots, answers and attendance; the survey invitations and their
    # answers; the memberships; the contacts of the structures receiving them; the
    # registrations' names and the connection reports with their session and slot; the requests
    # to join a network and the messages of replicas' threads; the people met, the territories'
    # contacts, the accompaniment groups and the expense claims of the programmes; the e-mails
    # on their way and those that could not be sent; the links sent; the contacts of the
    # library's sheets and its imports.
    with django_assert_max_num_queries(23):
        response = client.get(reverse("privacy:mine"))

    assert response.content.decode().count('data-label="Dates"') == 5
    assert response.content.decode().count("M. R. (") == 3


def test_the_export_holds_everything_as_json(maia):
    past, _, membership = maia
    client = link_client(EMAIL)

    response = client.get(reverse("privacy:export"))

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

    link_client(EMAIL).get(reverse("privacy:export"))

    for session in (past.registration.session, upcoming.session):
        entry = HistoryEntry.objects.of(session).get(verb="privacy_export")
        assert entry.summary == "Export par une personne de ses données personnelles."
        assert EMAIL not in entry.summary


def test_the_pages_behind_the_link_only_read(maia):
    client = link_client(EMAIL)

    assert client.post(reverse("privacy:mine")).status_code == 405
    assert client.post(reverse("privacy:export")).status_code == 405


def test_expired_links_are_deleted_by_the_scheduled_job_and_fresh_ones_kept():
    now = timezone.now()
    AccessLink.issue(email=EMAIL, now=now - datetime.timedelta(hours=25))
    fresh, _ = AccessLink.issue(email=EMAIL, now=now - datetime.timedelta(hours=23))

    assert delete_expired_access_links(now) == 1

    assert list(AccessLink.objects.all()) == [fresh]


def test_the_links_sent_are_in_the_export(maia):
    document = json.loads(link_client(EMAIL).get(reverse("privacy:export")).content)

    (link,) = document["liens_d_acces"]
    assert set(link) == {"envoye_le", "valable_jusqu_au"}
