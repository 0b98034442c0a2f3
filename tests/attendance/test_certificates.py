"""Certificates (certificat de réalisation): one PDF per participant, all sent in one action,
to attendees only, once."""

import html

import pytest
from django.urls import reverse
from django.utils import timezone

from essaim.attendance.models import Certificate, Source
from essaim.attendance.services import default_place, issue_certificate
from essaim.attendance.tasks import send_certificate
from essaim.mail.models import FailedEmail
from essaim.territories.models import TerritoryKind
from essaim.trainings.models import Format
from tests.attendance.factories import AttendanceFactory
from tests.attendance.pdfs import is_a4, read_pdf
from tests.conftest import client_for
from tests.mail.test_failures import UNREACHABLE
from tests.territories.factories import TerritoryFactory

pytestmark = pytest.mark.django_db


def page_text(response) -> str:
    return html.unescape(response.content.decode())


def pdf_url(session, registration):
    return reverse("attendance:certificate_pdf", args=[session.pk, registration.pk])


def send_url(session):
    return reverse("attendance:send_certificates", args=[session.pk])


@pytest.fixture
def attended(webconferences):
    """Marie attended the first day (the afternoon for 75 minutes), Élodie and Jean-Michel one
    slot each; Claire was recorded absent and Sophie never came."""
    marie, elodie, jean_michel, claire = (
        webconferences.registrations[name] for name in ["Marie", "Élodie", "Jean-Michel", "Claire"]
    )
    first, second, third, _ = webconferences.slots
    AttendanceFactory(registration=marie, slot=first, source=Source.CHECK_IN)
    AttendanceFactory(registration=marie, slot=second, minutes=75, source=Source.REPORT)
    AttendanceFactory(registration=elodie, slot=third)
    AttendanceFactory(registration=jean_michel, slot=first)
    AttendanceFactory(registration=claire, slot=first, absent=True)
    return webconferences


def test_the_certificate_says_who_what_when_and_the_hours_attended(attended, editor, reader):
    session, marie = attended.session, attended.registrations["Marie"]

    issued = client_for(editor).post(pdf_url(session, marie))

    assert issued.status_code == 302
    assert issued.url == pdf_url(session, marie)
    certificate = Certificate.objects.get(registration=marie)
    assert certificate.number == "ESS-2020-000001"
    assert str(certificate.hours) == "3.25"
    response = client_for(reader).get(pdf_url(session, marie))
    assert response.status_code == 200
    assert response["Content-Type"] == "application/pdf"
    assert response["Content-Disposition"] == 'inline; filename="attestation-ESS-2020-000001.pdf"'
    pdf, pages = read_pdf(response.content)
    assert is_a4(pdf) and len(pages) == 1
    assert pdf.metadata.title == "Certificat de réalisation n° ESS-2020-000001 — Marie Dupont"
    text = pages[0]
    for expected in [
        "CAP RURAL",
        "Certificat de réalisation",
        "Attestation de présence · n° ESS-2020-000001",
        "Je soussigné·e Mylène Thou, pour Cap Rural, organisateur de l'action, atteste que :",
        "Marie Dupont Communauté de communes du Diois",
        "« L'innovation sociale et territoriale : expérimenter pour inventer de nouvelles "
        "solutions »",
        "Action de formation à distance (webconférence)",
        "Du 30 juin 2020 au 8 juillet 2020",
        "Durée prévue 8 h",
        "Durée suivie 3 h 15 sur 8 h prévues (41 %)",
        "Mieux cerner les concepts et démarches d'expérimentation",
        "Identifier les éléments qui les caractérisent",
        "Mardi 30 juin 2020 10h-12h L'expérimentation : premiers éléments de repère 2 h 2 h",
        "Mardi 30 juin 2020 14h-16h Cadrage préalable, définition de la démarche, pilotage "
        "2 h 1 h 15",
        "Mercredi 8 juillet 2020 10h-12h Apprentissage et évaluation 2 h absent·e",
        "Total 8 h 3 h 15",
        f"le {timezone.localdate().day if timezone.localdate().day > 1 else '1er'}",
        "Pour Cap Rural, Mylène Thou",
        "Signature et cachet",
    ]:
        assert expected in text, expected


def test_issuing_again_keeps_the_number_and_updates_the_hours_until_sent(attended):
    marie, elodie = attended.registrations["Marie"], attended.registrations["Élodie"]
    first = issue_certificate(registration=marie, place="Valence")
    second = issue_certificate(registration=elodie)
    assert (first.number, second.number) == ("ESS-2020-000001", "ESS-2020-000002")
    AttendanceFactory(registration=marie, slot=attended.slots[3])

    again = issue_certificate(registration=marie)

    assert again.pk == first.pk and again.number == "ESS-2020-000001"
    assert str(again.hours) == "5.25"
    assert again.place == "Valence"


def test_an_absentee_gets_no_certificate(attended, editor):
    claire = attended.registrations["Claire"]

    response = client_for(editor).post(pdf_url(attended.session, claire), follow=True)

    assert "Claire Galland n'a assisté à aucune séance : pas d'attestation." in page_text(response)
    assert not Certificate.objects.exists()


def test_a_certificate_not_issued_yet_is_not_shown(attended, reader):
    response = client_for(reader).get(pdf_url(attended.session, attended.registrations["Marie"]))
    assert response.status_code == 302
    assert response.url.endswith("#attestations")


def test_certificates_are_sent_to_attendees_only_and_once(
    attended, editor, mailoutbox, django_capture_on_commit_callbacks
):
    session = attended.session
    client = client_for(editor)

    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(send_url(session), {"place": "Valence"}, follow=True)

    assert "3 attestations envoyées ; 2 absent·es n'en reçoivent pas." in page_text(response)
    assert sorted(message.to[0] for message in mailoutbox) == [
        "elodie.faure@example.org",
        "jm.bostetter@example.org",
        "marie.dupont@example.org",
    ]
    marie_mail = next(m for m in mailoutbox if m.to == ["marie.dupont@example.org"])
    assert marie_mail.subject == (
        "Votre attestation de présence — L'innovation sociale et territoriale : expérimenter "
        "pour inventer de nouvelles solutions"
    )
    assert marie_mail.reply_to == ["valorisations.innovations@example.org"]
    assert "Bonjour Marie," in marie_mail.body
    assert "pour une durée suivie de 3\xa0h\xa015" in marie_mail.body
    [(filename, content, mimetype)] = marie_mail.attachments
    certificate = Certificate.objects.get(registration=attended.registrations["Marie"])
    assert filename == f"attestation-{certificate.number}.pdf"
    assert mimetype == "application/pdf" and content.startswith(b"%PDF")
    text = read_pdf(content)[1][0]
    assert "Marie Dupont" in text and "Fait à Valence" in text and "3 h 15 sur 8 h" in text
    assert Certificate.objects.filter(sent_at__isnull=False, queued_at__isnull=False).count() == 3
    assert not Certificate.objects.filter(
        registration__in=[attended.registrations["Claire"], attended.registrations["Sophie"]]
    ).exists()

    # A second click sends nothing again…
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(send_url(session), {"place": "Valence"}, follow=True)
    assert len(mailoutbox) == 3
    assert (
        "Aucune nouvelle attestation à envoyer (3 déjà envoyées auparavant, pas renvoyées) ; "
        "2 absent·es n'en reçoivent pas."
    ) in page_text(response)

    # …but someone found present later receives theirs, alone.
    AttendanceFactory(registration=attended.registrations["Sophie"], slot=attended.slots[2])
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(send_url(session), {"place": "Valence"}, follow=True)
    assert [message.to for message in mailoutbox[3:]] == [["sophie.roy@example.org"]]
    summary = "1 attestation envoyée (3 déjà envoyées auparavant, pas renvoyées) ; 1 absent"
    assert summary in page_text(response)


def test_the_task_run_twice_sends_one_email(
    attended, mailoutbox, django_capture_on_commit_callbacks
):
    certificate = issue_certificate(registration=attended.registrations["Élodie"])
    with django_capture_on_commit_callbacks(execute=True):
        assert send_certificate.call(certificate_id=certificate.pk) is True
        assert send_certificate.call(certificate_id=certificate.pk) is False
        assert send_certificate.call(certificate_id=certificate.pk + 1000) is False
    assert len(mailoutbox) == 1


def test_a_certificate_that_cannot_leave_is_listed_for_the_session_s_organisers(
    attended, settings, django_capture_on_commit_callbacks
):
    certificate = issue_certificate(registration=attended.registrations["Élodie"])
    settings.MAILERS = UNREACHABLE
    with django_capture_on_commit_callbacks(execute=True):
        send_certificate.call(certificate_id=certificate.pk)

    failure = FailedEmail.objects.about(attended.session).get()
    assert failure.recipients == certificate.registration.email
    assert failure.subject.startswith("Votre attestation de présence")


def test_the_tab_shows_where_certificates_stand(
    attended, editor, django_capture_on_commit_callbacks
):
    client = client_for(editor)
    tab = client.get(reverse("attendance:manage", args=[attended.session.pk])).content.decode()
    assert "Envoyer les 3 attestations par e-mail" in tab
    assert "0</strong> envoyée" in tab
    assert 'hx-trigger="every 3s"' not in tab

    issue_certificate(registration=attended.registrations["Marie"])
    with django_capture_on_commit_callbacks(execute=True):
        client.post(send_url(attended.session))

    response = client.get(
        reverse("attendance:manage", args=[attended.session.pk]) + "?partie=attestations",
        headers={"HX-Request": "true"},
    )
    fragment = response.content.decode()
    assert fragment.lstrip().startswith('<section aria-labelledby="attestations-titre"')
    assert "<strong>3</strong> envoyées" in fragment
    assert "n° ESS-2020-000001" in fragment
    assert "Envoyer les" not in fragment  # nothing left to send


@pytest.mark.parametrize(
    ("persona", "status"), [("contributor", 403), ("reader", 403), ("outsider", 404)]
)
def test_only_editors_issue_and_send(attended, request, persona, status, mailoutbox):
    client = client_for(request.getfixturevalue(persona))
    assert client.post(send_url(attended.session)).status_code == status
    marie = attended.registrations["Marie"]
    assert client.post(pdf_url(attended.session, marie)).status_code == status
    assert not Certificate.objects.exists()
    assert not mailoutbox


def test_sending_needs_a_post(attended, owner):
    assert client_for(owner).get(send_url(attended.session)).status_code == 405


def test_an_outsider_cannot_read_a_certificate(attended, outsider):
    marie = attended.registrations["Marie"]
    issue_certificate(registration=marie)
    assert client_for(outsider).get(pdf_url(attended.session, marie)).status_code == 404


def test_a_certificate_is_made_in_the_organiser_s_commune_never_in_its_region(attended, editor):
    session = attended.session
    marie, elodie = attended.registrations["Marie"], attended.registrations["Élodie"]
    organiser = session.organiser
    organiser.territory = TerritoryFactory(
        name="Auvergne-Rhône-Alpes", kind=TerritoryKind.REGION, communes=["26289", "26198"]
    )
    organiser.save()
    client_for(editor).post(pdf_url(session, marie))
    assert Certificate.objects.get(registration=marie).place == ""
    _, pages = read_pdf(client_for(editor).get(pdf_url(session, marie)).content)
    assert "Fait le " in pages[0] and "Auvergne" not in pages[0]

    organiser.territory = TerritoryFactory(name="Saillans", kind=TerritoryKind.COMMUNE)
    organiser.save()
    client_for(editor).post(pdf_url(session, elodie))
    _, pages = read_pdf(client_for(editor).get(pdf_url(session, elodie)).content)
    assert "Fait à Saillans, le " in pages[0]


def test_without_the_organiser_s_commune_the_venue_s_commune_is_used(attended):
    session = attended.session
    session.organiser.territory = TerritoryFactory(kind=TerritoryKind.PAYS, communes=[])
    session.organiser.save()
    session.format = Format.IN_PERSON
    session.venue = "Maison des associations"
    session.address = "12 rue Camille Buffardel\n26150 Die"
    assert default_place(session) == "Die"
    session.address = ""
    assert default_place(session) == ""


def test_emoji_of_a_title_are_left_out_of_the_certificate(attended, editor):
    session, marie = attended.session, attended.registrations["Marie"]
    session.title = "Atelier 🌱 transitions 🚲"
    session.save()
    client_for(editor).post(pdf_url(session, marie))
    pdf, pages = read_pdf(client_for(editor).get(pdf_url(session, marie)).content)
    assert "« Atelier transitions »" in pages[0]
    assert "🌱" not in pages[0] and "🚲" not in pages[0]
    assert "🌱" not in pdf.metadata.title
