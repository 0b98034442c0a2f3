"""The report sheet of a territory: prepared from the quotes that may be cited, sent to the
referent who gets access, comments and validates; its PDF and DOCX opened and read."""

import io

import pytest
from django.core import mail
from django.urls import reverse
from docx import Document as WordDocument
from pypdf import PdfReader

from essaim.programmes.models import (
    Interview,
    Quote,
    ReportSheet,
    SheetStatus,
)
from essaim.programmes.services.interviews import pseudonymise
from essaim.programmes.services.reports import prepare_sheet, section_of
from essaim.roles.models import Invitation
from tests.conftest import client_for

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize(
    ("theme", "section"),
    [
        ("Ingénierie territoriale", "engineering"),
        ("Coopération entre intercommunalités", "cooperation"),
        ("Participation des habitants", "participation"),
        ("Gouvernance et élus", "governance"),
        ("Transition énergétique", "strategy"),
        ("Météo", ""),
    ],
)
def test_a_theme_feeds_the_section_its_name_calls_for(theme, section):
    assert section_of(theme) == section


def test_a_sheet_is_prepared_from_the_quotes_that_may_be_cited(interview, themes, editor):
    silent = Interview.objects.create(
        programme=interview.programme,
        visit=interview.visit,
        group_description="Conseil de développement",
        consent_given=False,
    )
    secret = Quote.objects.create(interview=silent, text="Ne me citez pas, mais l'ingénierie fuit.")
    secret.themes.set([themes["Ingénierie territoriale"]])
    sheet = prepare_sheet(territory=interview.visit.territory, actor=editor)
    assert "« Sans techniciens partagés, nous ne tiendrons pas. » (Jean-Marc Bellanger, élu)" in (
        sheet.engineering
    )
    assert "Ne me citez pas" not in sheet.engineering
    assert (
        "Thèmes abordés lors de l'écoute territoriale : Ingénierie territoriale." in sheet.context
    )
    assert prepare_sheet(territory=interview.visit.territory, actor=editor) == sheet


def test_a_pseudonymised_person_is_cited_under_their_pseudonym(interview, editor):
    pseudonymise(interviewee=interview.interviewee, pseudonym="Élu A", actor=editor)
    sheet = prepare_sheet(territory=interview.visit.territory, actor=editor)
    assert "(Élu A, élu)" in sheet.engineering
    assert "Bellanger" not in "".join(text for _, _, text in sheet.sections())


def test_the_referent_receives_the_sheet_comments_and_validates_it(
    interview, editor, referent_user, django_capture_on_commit_callbacks
):
    programme = interview.programme
    territory = interview.visit.territory
    prepare_sheet(territory=territory, actor=editor)
    url = reverse("programmes:report_sheet", args=[programme.pk, territory.pk])
    # A draft is the team's.
    assert client_for(referent_user).get(url).status_code == 404
    with django_capture_on_commit_callbacks(execute=True):
        response = client_for(editor).post(
            reverse("programmes:send_report_sheet", args=[programme.pk, territory.pk])
        )
    assert response.status_code == 302
    sheet = ReportSheet.objects.get()
    assert sheet.status == SheetStatus.SENT
    assert "referente@trois-vallees.example.org" in mail.outbox[-1].to
    assert "fiche reportage de « Pays des Trois Vallées »" in mail.outbox[-1].subject
    referent = client_for(referent_user)
    page = referent.get(url)
    assert page.status_code == 200 and "Valider la fiche" in page.text
    referent.post(
        reverse("programmes:comment_report_sheet", args=[programme.pk, territory.pk]),
        {"section": "engineering", "body": "Le chiffre des techniciens est de quatre, pas trois."},
    )
    assert sheet.comments.get().section == "engineering"
    referent.post(reverse("programmes:validate_report_sheet", args=[programme.pk, territory.pk]))
    sheet.refresh_from_db()
    assert sheet.status == SheetStatus.VALIDATED
    assert sheet.validated_by == referent_user


def test_a_referent_without_an_account_is_invited(interview, editor):
    territory = interview.visit.territory
    sheet = prepare_sheet(territory=territory, actor=editor)
    client_for(editor).post(
        reverse("programmes:send_report_sheet", args=[territory.programme_id, territory.pk])
    )
    invitation = Invitation.objects.get()
    assert invitation.email == "referente@trois-vallees.example.org"
    assert invitation.target == territory
    sheet.refresh_from_db()
    assert sheet.status == SheetStatus.SENT


def test_another_territory_s_referent_cannot_validate(interview, editor, outsider):
    territory = interview.visit.territory
    prepare_sheet(territory=territory, actor=editor)
    url = reverse("programmes:validate_report_sheet", args=[territory.programme_id, territory.pk])
    assert client_for(outsider).post(url).status_code == 404


def test_the_sheet_is_written_as_pdf_and_docx(interview, editor):
    territory = interview.visit.territory
    sheet = prepare_sheet(territory=territory, actor=editor)
    sheet.strengths = "Une équipe soudée autour du projet de territoire."
    sheet.save()
    client = client_for(editor)
    base = [territory.programme_id, territory.pk]
    pdf = client.get(reverse("programmes:report_sheet_download", args=[*base, "pdf"]))
    assert pdf["Content-Type"] == "application/pdf"
    assert "fiche-reportage-pays-des-trois-vallees" in pdf["Content-Disposition"]
    text = " ".join(page.extract_text() for page in PdfReader(io.BytesIO(pdf.content)).pages)
    for expected in ("FICHE REPORTAGE", "Pays des Trois Vallées", "Organisation de l", "Atouts"):
        assert expected in text
    assert "Une équipe soudée" in text
    docx = client.get(reverse("programmes:report_sheet_download", args=[*base, "docx"]))
    paragraphs = [p.text for p in WordDocument(io.BytesIO(docx.content)).paragraphs]
    assert "Pays des Trois Vallées" in paragraphs
    assert "Leviers d'amélioration" in paragraphs
    assert any("Sans techniciens partagés" in p for p in paragraphs)
    assert (
        client.get(reverse("programmes:report_sheet_download", args=[*base, "odt"])).status_code
        == 404
    )


def test_the_editor_shows_the_material_beside_the_sections(interview, editor):
    territory = interview.visit.territory
    prepare_sheet(territory=territory, actor=editor)
    page = client_for(editor).get(
        reverse("programmes:edit_report_sheet", args=[territory.programme_id, territory.pk])
    )
    assert "Ce que disent les entretiens" in page.text
    assert "Ingénierie territoriale (1)" in page.text


def test_every_document_shows_a_person_pseudonymised_after_it_was_written(
    interview, themes, editor
):
    from essaim.programmes.services.synthesis import synthesis_of

    programme = interview.programme
    territory = interview.visit.territory
    sheet = prepare_sheet(territory=territory, actor=editor)
    assert "Jean-Marc Bellanger" in sheet.engineering
    synthesis_of(programme).selected_quotes.add(interview.quotes.get())
    notebook = programme.notebooks.create(
        programme_theme=themes["Ingénierie territoriale"], title="Cahier"
    )
    pseudonymise(interviewee=interview.interviewee, pseudonym="Élu A", actor=editor)
    client = client_for(editor)
    urls = [
        reverse("programmes:report_sheet_download", args=[programme.pk, territory.pk, "pdf"]),
        reverse("programmes:report_sheet_download", args=[programme.pk, territory.pk, "docx"]),
        reverse("programmes:synthesis_download", args=[programme.pk, "pdf"]),
        reverse("programmes:synthesis_download", args=[programme.pk, "docx"]),
        reverse("programmes:notebook_download", args=[programme.pk, notebook.pk, "pdf"]),
        reverse("programmes:notebook_download", args=[programme.pk, notebook.pk, "docx"]),
    ]
    for url in urls:
        content = client.get(url).content
        if url.endswith("pdf"):
            text = " ".join(page.extract_text() for page in PdfReader(io.BytesIO(content)).pages)
        else:
            text = " ".join(p.text for p in WordDocument(io.BytesIO(content)).paragraphs)
        assert "Bellanger" not in text, url
        assert "Élu A" in text, url


def test_a_validated_sheet_is_neither_rewritten_nor_commented(interview, editor, referent_user):
    territory = interview.visit.territory
    sheet = prepare_sheet(territory=territory, actor=editor)
    sheet.status = SheetStatus.VALIDATED
    sheet.save()
    args = [territory.programme_id, territory.pk]
    response = client_for(editor).post(
        reverse("programmes:edit_report_sheet", args=args), {"context": "Réécrit"}, follow=True
    )
    assert "elle ne se modifie plus" in response.text
    client_for(referent_user).post(
        reverse("programmes:comment_report_sheet", args=args), {"body": "Une de plus"}
    )
    sheet.refresh_from_db()
    assert "Réécrit" not in sheet.context
    assert not sheet.comments.exists()
