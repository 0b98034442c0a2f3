"""Import of a webconference's connection report: preview, matching by e-mail and by name,
minutes added up, presence from a threshold, and bad files refused with nothing saved."""

import html
import re
from pathlib import Path

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from essaim.attendance.models import Attendance, ConnectionReport, Source
from essaim.attendance.reports import read_connections
from tests.attendance.factories import AttendanceFactory
from tests.conftest import client_for

pytestmark = pytest.mark.django_db
CORPUS = Path(__file__).parent / "report_corpus"


def url(session):
    return reverse("attendance:import_report", args=[session.pk])


def page_text(response) -> str:
    return " ".join(html.unescape(response.content.decode()).split())


def text_of(response) -> str:
    """The words of the page, without its markup."""
    return " ".join(html.unescape(re.sub(r"<[^>]+>", " ", response.content.decode())).split())


def upload(client, session, slot, name: str, threshold: int = 50):
    data = (CORPUS / name).read_bytes()
    return client.post(
        url(session),
        {
            "step": "preview",
            "slot": slot.pk,
            "threshold": threshold,
            "file": SimpleUploadedFile(name, data, content_type="text/csv"),
        },
    )


def confirm(client, session, preview, **assignments):
    data = {"step": "confirm", "payload": preview.context["token"], **assignments}
    return client.post(url(session), data, follow=True)


def test_a_zoom_report_is_previewed_then_imported(webconferences, editor):
    session, morning = webconferences.session, webconferences.slots[0]
    client = client_for(editor)

    preview = upload(client, session, morning, "good_zoom.csv")

    assert preview.status_code == 200
    assert not Attendance.objects.exists() and not ConnectionReport.objects.exists()
    text = page_text(preview)
    assert "Aperçu : rien n'est encore enregistré" in text
    assert "« good_zoom.csv » (CSV, UTF-8 avec BOM, séparateur « virgule ») : 8 connexions" in text
    assert "Présent·e à partir de 1 h de connexion" in text
    plan = preview.context["plan"]
    found = {person.registration.first_name: person for person in plan.matched}
    assert {name: (p.minutes, p.present, p.lines) for name, p in found.items()} == {
        # Two connections, counted within 10h-12h only: 40 + 75,5 minutes.
        "Marie": (116, True, [6, 7]),
        "Élodie": (33, False, [8]),  # « FAURE Élodie », without an address
        "Jean-Michel": (120, True, [9]),  # by e-mail, whatever the name
    }
    unmatched = {", ".join(p.names): p.reason for p in plan.unmatched}
    assert unmatched == {
        "Mylène Thou": "intervenant·e de la session",
        "iPhone de Claire": "aucune inscription à ce nom ni à cette adresse",
        "Pascale Vincent": "intervenant·e de la session",
        "Dominique Inconnue": "aucune inscription à ce nom ni à cette adresse",
    }
    assert [r.first_name for r in plan.missing] == ["Claire", "Sophie"]
    assert "Inscrit·es absent·es du rapport" in text

    done = confirm(client, session, preview)

    assert done.redirect_chain[-1][0].endswith("/presences/#rapports")
    assert (
        "Rapport « good_zoom.csv » importé : 3 inscrit·es rapproché·es (2 présent·es, "
        "1 absent·e) ; 4 personnes sans inscription."
    ) in page_text(done)
    records = {
        record.registration.first_name: record
        for record in Attendance.objects.select_related("registration")
    }
    assert {name: (r.present, r.minutes) for name, r in records.items()} == {
        "Marie": (True, 116),
        "Élodie": (False, 33),
        "Jean-Michel": (True, 120),
    }
    assert all(r.source == Source.REPORT and r.slot == morning for r in records.values())
    assert all(r.recorded_by == editor for r in records.values())
    report = ConnectionReport.objects.get()
    assert (report.file_name, report.slot, report.matched, report.threshold_minutes) == (
        "good_zoom.csv",
        morning,
        4,
        60,
    )
    assert report.imported_by == editor
    assert {person["name"] for person in report.unmatched} == set(unmatched)
    assert "iPhone de Claire" in page_text(done)  # kept and shown in the tab


def test_a_teams_report_in_utf16_with_its_sections(webconferences, editor):
    session, afternoon = webconferences.session, webconferences.slots[1]
    client = client_for(editor)

    preview = upload(client, session, afternoon, "good_teams.csv", threshold=75)
    plan = preview.context["plan"]

    assert plan.description == "CSV, UTF-16, séparateur « tabulation »"
    assert plan.connection_count == 4  # the activities below the list are not counted twice
    assert plan.threshold_minutes == 90
    found = {p.registration.first_name: (p.minutes, p.present) for p in plan.matched}
    assert found == {
        "Jean-Michel": (90, True),  # « Jean Michel BOSTETTER »
        "Claire": (45, False),
        "Sophie": (117, True),
    }
    confirm(client, session, preview)
    assert Attendance.objects.filter(slot=afternoon, present=True).count() == 2


def test_a_windows_1252_export_with_durations_only(webconferences, editor):
    session, morning = webconferences.session, webconferences.slots[0]
    preview = upload(client_for(editor), session, morning, "good_bigbluebutton_windows1252.csv")
    plan = preview.context["plan"]
    assert plan.description == "CSV, Windows-1252, séparateur « point-virgule »"
    found = {p.registration.first_name: (p.minutes, p.present) for p in plan.matched}
    assert found == {"Élodie": (96, True), "Sophie": (12, False)}


def test_the_organiser_matches_by_hand_whom_the_report_names_differently(webconferences, editor):
    session, morning = webconferences.session, webconferences.slots[0]
    client = client_for(editor)
    preview = upload(client, session, morning, "good_zoom.csv")
    text = page_text(preview)
    claire = webconferences.registrations["Claire"]
    assert (
        '<label class="visually-hidden" for="rapprocher-2">Rapprocher iPhone de Claire de</label>'
        in text
    )
    assert f'<option value="{claire.pk}">Galland Claire</option>' in text

    confirm(
        client,
        session,
        preview,
        **{"rapprocher-2": str(claire.pk), "personne-2": "nom:claire de iphone"},
    )

    record = Attendance.objects.get(registration=claire)
    assert (record.present, record.minutes, record.source) == (True, 110, Source.REPORT)
    report = ConnectionReport.objects.get()
    assert "iPhone de Claire" not in {person["name"] for person in report.unmatched}


def test_importing_again_replaces_what_the_report_said(webconferences, editor):
    session, morning = webconferences.session, webconferences.slots[0]
    marie = webconferences.registrations["Marie"]
    AttendanceFactory(registration=marie, slot=morning, absent=True)
    client = client_for(editor)
    confirm(client, session, upload(client, session, morning, "good_zoom.csv"))
    confirm(client, session, upload(client, session, morning, "good_zoom.csv", threshold=100))

    record = Attendance.objects.get(registration=marie)
    assert (record.present, record.minutes) == (False, 116)
    assert Attendance.objects.count() == 3
    assert ConnectionReport.objects.count() == 2


def test_a_tampered_or_foreign_preview_is_refused(webconferences, editor, training_session):
    session, morning = webconferences.session, webconferences.slots[0]
    client = client_for(editor)
    preview = upload(client, session, morning, "good_zoom.csv")

    tampered = client.post(
        url(session), {"step": "confirm", "payload": preview.context["token"] + "x"}, follow=True
    )
    from essaim.roles.models import Role

    training_session.grant(editor, Role.EDITOR)
    # Another session already begun: only the preview is foreign to it.
    training_session.start_date = training_session.end_date = morning.date
    training_session.save()
    training_session.slots.update(date=morning.date)
    foreign = client.post(
        url(training_session),
        {"step": "confirm", "payload": preview.context["token"]},
        follow=True,
    )

    for response in (tampered, foreign):
        assert "Le fichier vérifié n'a pas pu être relu" in page_text(response)
    assert not Attendance.objects.exists() and not ConnectionReport.objects.exists()


BAD_FILES = [
    (
        "bad_converted_twice.csv",
        ["Le fichier a été mal converti : ligne 2, « Ã‰lodie » au lieu de « Élodie »."],
    ),
    (
        "bad_binary_junk.csv",
        ["Ce fichier n'est pas un tableau lisible : son encodage n'est pas reconnu"],
    ),
    (
        "bad_no_header.csv",
        [
            "Colonnes manquantes : « Nom » ou « E-mail » ; « Heure d'arrivée » et « Heure de "
            "départ », ou « Durée (minutes) ».",
            "elle contient : « Marie Dupont » ; « marie.dupont@example.org »",
        ],
    ),
    (
        "bad_missing_column.csv",
        [
            "Colonne manquante : « Heure d'arrivée » et « Heure de départ », ou « Durée "
            "(minutes) ». La ligne d'en-tête doit nommer les colonnes du rapport de connexion ; "
            "elle contient : « Nom » ; « E-mail »."
        ],
    ),
    ("bad_missing_departure.csv", ["Colonne manquante : « Heure de départ »."]),
    (
        "bad_times.csv",
        [
            "Le fichier « bad_times.csv » contient 5 erreurs",
            "2 heure d'arrivée : l'heure « 30/06/2020 25:99 » n'existe pas.",
            "3 heure d'arrivée : « hier » n'est pas une date et une heure au format "
            "jj/mm/aaaa hh:mm.",
            "4 l'heure de départ (10:30) précède l'heure d'arrivée (11:00).",
            "5 la connexion date du 01/07/2020, mais la séance choisie a lieu le 30/06/2020 : "
            "vérifiez la séance ou le fichier.",
            "6 l'heure de départ est vide.",
        ],
    ),
    (
        "bad_durations.csv",
        [
            "2 « beaucoup » n'est pas une durée : attendu un nombre de minutes, « 1 h 32 min » ou "
            "« 01:32:00 ».",
            "3 la durée « -5 » est négative.",
            "4 la durée est vide.",
            "5 ni nom ni adresse e-mail : à qui est cette connexion ?",
        ],
    ),
    ("bad_empty.csv", ["Le fichier soumis est vide."]),  # refused by the form itself
    ("bad_only_blank_lines.csv", ["Le fichier est vide."]),
    ("bad_header_only.csv", ["Le rapport ne contient aucune connexion, seulement l'en-tête."]),
    ("bad_report_renamed.csv", ["Ce fichier est un PDF, pas un tableau."]),
    ("bad_unclosed_quote.csv", ["un guillemet n'est pas fermé ou est mal placé"]),
    ("bad_damaged.xlsx", ["Ce fichier XLSX est illisible ou endommagé"]),
]


@pytest.mark.parametrize(("name", "messages"), BAD_FILES, ids=[name for name, _ in BAD_FILES])
def test_a_bad_file_is_refused_line_by_line_and_nothing_is_saved(
    webconferences, editor, name, messages
):
    response = upload(client_for(editor), webconferences.session, webconferences.slots[0], name)

    assert response.status_code == 200
    text = text_of(response)
    if name != "bad_empty.csv":
        assert "Aucune présence n'a été enregistrée" in text
    for message in messages:
        assert message in text, message
    assert response.context["plan"] is None
    assert not Attendance.objects.exists()
    assert not ConnectionReport.objects.exists()


def test_the_corpus_is_described(webconferences):
    described = (CORPUS / "README.md").read_text()
    for path in CORPUS.iterdir():
        if path.name != "README.md":
            assert f"`{path.name}`" in described


def test_the_form_explains_what_is_wrong_with_it(webconferences, editor):
    response = client_for(editor).post(
        url(webconferences.session), {"step": "preview", "threshold": 0}
    )
    errors = response.context["form"].errors
    assert set(errors) == {"slot", "file", "threshold"}
    assert not ConnectionReport.objects.exists()


@pytest.mark.parametrize(
    ("persona", "status"),
    [("contributor", 403), ("reader", 403), ("outsider", 404), ("anonymous", 302)],
)
def test_only_editors_import(webconferences, request, persona, status):
    user = None if persona == "anonymous" else request.getfixturevalue(persona)
    client = client_for(user)
    assert client.get(url(webconferences.session)).status_code == status
    response = upload(client, webconferences.session, webconferences.slots[0], "good_zoom.csv")
    assert response.status_code == status
    assert not ConnectionReport.objects.exists()


def test_the_import_page_explains_the_format(webconferences, editor):
    text = page_text(client_for(editor).get(url(webconferences.session)))
    assert "Le format attendu" in text
    assert "« Nom », « Nom (nom d'origine) »" in text
    assert "Mardi 30 juin 2020, 10h-12h — L'expérimentation : premiers éléments de repère" in text


def test_a_name_written_on_two_lines_is_read_on_one(webconferences):
    morning = webconferences.slots[0]
    day = f"{morning.date:%d/%m/%Y}"
    data = (
        "Nom;E-mail;Heure d'arrivée;Heure de départ\r\n"
        f'"Marie\r\nDupont\x07";;{day} 10:00;{day} 11:30\r\n'
    ).encode()

    connections, _ = read_connections(data, slot=morning)

    assert [connection.name for connection in connections] == ["Marie Dupont"]
