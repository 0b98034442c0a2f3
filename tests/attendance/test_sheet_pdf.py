"""The attendance sheet (feuille d'émargement) of a half-day, opened with pypdf."""

import pytest
from django.urls import reverse

from tests.attendance.pdfs import is_a4, read_pdf
from tests.conftest import client_for
from tests.registrations.factories import RegistrationFactory

pytestmark = pytest.mark.django_db


def url(session, half_day: str):
    return reverse("attendance:sheet_pdf", args=[session.pk, half_day])


def test_the_sheet_of_a_morning_lists_registrants_by_name_and_the_trainers(webconferences, reader):
    response = client_for(reader).get(url(webconferences.session, "2020-06-30-matin"))

    assert response.status_code == 200
    assert response["Content-Type"] == "application/pdf"
    assert response["Content-Disposition"] == (
        'inline; filename="emargement-linnovation-sociale-et-territoriale-experimenter-'
        '2020-06-30-matin.pdf"'
    )
    pdf, pages = read_pdf(response.content)
    assert is_a4(pdf)
    assert pdf.metadata.title.startswith("Feuille d'émargement — L'innovation sociale")
    text = " ".join(pages)
    for expected in [
        "CAP RURAL · FEUILLE D'ÉMARGEMENT",
        "L'innovation sociale et territoriale : expérimenter pour inventer de nouvelles solutions",
        "Mardi 30 juin 2020, matin",
        "10h-12h (2 h)",
        "L'expérimentation : premiers éléments de repère",
        "En ligne",
        "Cap Rural — contact : Mylène Thou",
        "Nom et prénom Organisation Signature",
        "ARCHE Agglo",
        "Centrales villageoises",
        # The trainers' lines: name, role, function and organisation.
        "Intervenants",
        "Pascale Vincent Intervenant·e chargée de mission, de recherche et de formation, Ciedel",
        "Mylène Thou Animateur·rice chargée de mission Valorisations des recherches et "
        "Innovations, Cap Rural",
        "Nombre de participant·es présent·es : ………… sur 5 inscrit·es.",
    ]:
        assert expected in text, expected
    names = [
        "Bostetter Jean-Michel",
        "Dupont Marie",
        "Fauré Élodie",
        "Galland Claire",
        "Roy Sophie",
    ]
    positions = [text.index(name) for name in names]
    assert positions == sorted(positions)
    assert "1 Bostetter Jean-Michel" in text and "5 Roy Sophie" in text
    assert "Daniel Helle" not in text  # a witness does not sign as a trainer
    assert "Zorro" not in text  # cancelled


def test_the_afternoon_sheet_lists_those_registered_for_the_afternoon(webconferences, reader):
    session = webconferences.session
    morning, afternoon, *_ = webconferences.slots
    only_mornings = RegistrationFactory(session=session, first_name="Lucie", last_name="Matin")
    only_mornings.slots.set([morning])
    only_afternoons = RegistrationFactory(session=session, first_name="Paul", last_name="Soir")
    only_afternoons.slots.set([afternoon])

    afternoon_text = " ".join(
        read_pdf(client_for(reader).get(url(session, "2020-06-30-apres-midi")).content)[1]
    )
    morning_text = " ".join(
        read_pdf(client_for(reader).get(url(session, "2020-06-30-matin")).content)[1]
    )

    assert "Mardi 30 juin 2020, après-midi" in afternoon_text
    assert "14h-16h (2 h)" in afternoon_text
    assert "Soir Paul" in afternoon_text and "Matin Lucie" not in afternoon_text
    assert "Matin Lucie" in morning_text and "Soir Paul" not in morning_text


def test_a_long_sheet_repeats_its_header_row_on_every_page(webconferences, reader):
    for number in range(40):
        RegistrationFactory(
            session=webconferences.session,
            first_name="Camille",
            last_name=f"Participant {number:02d}",
        )

    _, pages = read_pdf(
        client_for(reader).get(url(webconferences.session, "2020-07-08-matin")).content
    )

    assert len(pages) >= 3
    for page in pages:
        assert "Nom et prénom Organisation Signature" in page or "Nom Fonction Signature" in page
        assert "page " in page and f"sur {len(pages)}" in page
    assert "Participant 39" in " ".join(pages)
    assert "Pascale Vincent" in pages[-1]


@pytest.mark.parametrize("half_day", ["2020-06-30-soir", "2020-07-01-matin", "demain"])
def test_a_half_day_without_slot_does_not_exist(webconferences, reader, half_day):
    assert client_for(reader).get(url(webconferences.session, half_day)).status_code == 404


@pytest.mark.parametrize(("persona", "status"), [("outsider", 404), ("anonymous", 302)])
def test_only_organisers_print_sheets(webconferences, request, persona, status):
    user = None if persona == "anonymous" else request.getfixturevalue(persona)
    response = client_for(user).get(url(webconferences.session, "2020-06-30-matin"))
    assert response.status_code == status


def test_it_refuses_a_post(webconferences, owner):
    response = client_for(owner).post(url(webconferences.session, "2020-06-30-matin"))
    assert response.status_code == 405
