"""Every export and personal download is named in ``Content-Disposition`` and kept by no cache;
the public calendar feeds of published sessions may be cached."""

import io
from pathlib import PurePath

import pytest
from django.core.files.base import ContentFile
from django.urls import reverse
from django.utils import timezone
from django.utils.text import slugify

from essaim.attendance.halfdays import half_days
from essaim.attendance.services import issue_certificate
from essaim.core.downloads import file_response, stored_file_response
from essaim.memberships import services as memberships
from essaim.memberships.models import PaymentMethod, Status
from essaim.privacy.models import AccessLink
from essaim.roles.models import Role
from tests.attendance.factories import AttendanceFactory
from tests.conftest import client_for
from tests.evaluation.factories import (
    IndicatorFactory,
    JournalEntryFactory,
    JournalEvidenceFactory,
    MeasurementFactory,
)
from tests.experiments.factories import BodyFactory, ExperimentFactory, MeetingFactory
from tests.memberships.factories import MembershipFactory, MembershipTypeFactory
from tests.organisations.factories import OrganisationFactory, PersonFactory
from tests.registrations.factories import RegistrationFactory
from tests.trainings.factories import CycleFactory, TrainingSessionFactory

pytestmark = pytest.mark.django_db

EMAIL = "maia.durand@example.org"


def test_file_response_names_the_file_with_its_accents_and_forbids_caching():
    response = file_response(b"a;b", filename="relevé d'été.csv", content_type="text/csv")
    assert response["Content-Disposition"] == (
        "attachment; filename*=utf-8''relev%C3%A9%20d%27%C3%A9t%C3%A9.csv"
    )
    assert response["Cache-Control"] == "private, no-store"
    assert response.content == b"a;b"
    inline = file_response(b"%PDF", filename="a.pdf", content_type="application/pdf", inline=True)
    assert inline["Content-Disposition"] == 'inline; filename="a.pdf"'
    public = file_response(b"", filename="a.ics", content_type="text/calendar", cacheable=True)
    assert not public.has_header("Cache-Control")


def test_a_stored_file_keeps_its_type_and_is_never_sniffed():
    response = stored_file_response(
        io.BytesIO(b"x"), filename="compte rendu été.odt", content_type="application/octet-stream"
    )
    assert response["Content-Type"] == "application/octet-stream"
    assert (
        response["Content-Disposition"]
        == "attachment; filename*=utf-8''compte%20rendu%20%C3%A9t%C3%A9.odt"
    )
    assert response["X-Content-Type-Options"] == "nosniff"
    assert response["Cache-Control"] == "private, no-store"
    assert b"".join(response.streaming_content) == b"x"


@pytest.fixture
def downloads(owner) -> dict[str, tuple[str, str]]:
    """{what: (address, the Content-Disposition expected)} for every download of the owner."""
    today = f"{timezone.localdate():%Y-%m-%d}"
    experiment = ExperimentFactory(title="Réseau d'entraide en Chartreuse", framed=True)
    experiment.grant(owner, Role.OWNER)
    slug = slugify(experiment.title)
    measurement = MeasurementFactory(
        indicator=IndicatorFactory(experiment=experiment), with_evidence=True
    )
    evidence = JournalEvidenceFactory(
        entry=JournalEntryFactory(experiment=experiment),
        file=ContentFile(b"%PDF-1.4 releve", name="relevé-été.pdf"),
    )
    evidence_name = PurePath(evidence.file.name).name
    assert evidence_name.startswith("relevé-été")
    meeting = MeetingFactory(body=BodyFactory(experiment=experiment))

    # Certificates are issued from the session's first day on.
    session = TrainingSessionFactory(title="Atelier mobilité", start_date=timezone.localdate())
    session.grant(owner, Role.OWNER)
    registration = RegistrationFactory(session=session, email=EMAIL)
    slot = session.slots.get()
    AttendanceFactory(registration=registration, slot=slot)
    certificate = issue_certificate(registration=registration)
    half_day = half_days([slot])[0].key

    organiser = OrganisationFactory(name="Cap Rural")
    membership_type = MembershipTypeFactory(organiser=organiser)
    membership_type.grant(owner, Role.OWNER)
    membership = MembershipFactory(
        membership_type=membership_type, email=EMAIL, status=Status.PENDING, paid_on=None
    )
    memberships.record_payment(
        membership=membership,
        paid_on=timezone.localdate(),
        method=PaymentMethod.CHEQUE,
        by=owner,
    )
    membership.refresh_from_db()
    person = PersonFactory(organisation=organiser)
    person.grant(owner, Role.OWNER)

    def attachment(filename: str) -> str:
        return f'attachment; filename="{filename}"'

    def inline(filename: str) -> str:
        return f'inline; filename="{filename}"'

    return {
        "indicateurs": (
            reverse("evaluation:export_xlsx", args=[experiment.pk]),
            attachment(f"indicateurs-{slug}-{today}.xlsx"),
        ),
        "modèle de mesures": (
            reverse("evaluation:import_measurements_model", args=[experiment.pk]),
            attachment(f"modele-mesures-{slug}-{today}.csv"),
        ),
        "journal CSV": (
            reverse("evaluation:journal_export_csv", args=[experiment.pk]),
            attachment(f"journal-{slug}-{today}.csv"),
        ),
        "journal XLSX": (
            reverse("evaluation:journal_export_xlsx", args=[experiment.pk]),
            attachment(f"journal-{slug}-{today}.xlsx"),
        ),
        "justificatif": (
            reverse("evaluation:measurement_evidence", args=[experiment.pk, measurement.pk]),
            attachment(PurePath(measurement.evidence.name).name),
        ),
        "pièce du journal": (
            reverse("evaluation:journal_evidence", args=[experiment.pk, evidence.pk]),
            "attachment; filename*=utf-8''"
            + evidence_name.replace("é", "%C3%A9").replace(" ", "%20"),
        ),
        "dossier PDF": (
            reverse("dossiers:pdf", args=[experiment.pk]),
            attachment(f"dossier-{slug}-{today}.pdf"),
        ),
        "dossier DOCX": (
            reverse("dossiers:docx", args=[experiment.pk]),
            attachment(f"dossier-{slug}-{today}.docx"),
        ),
        "invitation": (
            reverse("experiments:meeting_ics", args=[experiment.pk, meeting.pk]),
            attachment("reunion-2024-03-12.ics"),
        ),
        "inscriptions CSV": (
            reverse("registrations:manage_export_csv", args=[session.pk]),
            attachment(f"inscriptions-{session.slug}.csv"),
        ),
        "inscriptions XLSX": (
            reverse("registrations:manage_export_xlsx", args=[session.pk]),
            attachment(f"inscriptions-{session.slug}.xlsx"),
        ),
        "agenda de l'inscrit": (
            reverse("registrations:calendar", args=[registration.token]),
            attachment(f"session-{session.start_date:%Y-%m-%d}.ics"),
        ),
        "émargement": (
            reverse("attendance:sheet_pdf", args=[session.pk, half_day]),
            inline(f"emargement-atelier-mobilite-{half_day}.pdf"),
        ),
        "attestation": (
            reverse("attendance:certificate_pdf", args=[session.pk, registration.pk]),
            inline(f"attestation-{certificate.number}.pdf"),
        ),
        "reçu": (
            reverse("memberships:receipt_pdf", args=[membership.pk]),
            attachment(f"recu-cotisation-{membership.receipt_number}.pdf"),
        ),
        "bulletin": (
            reverse("memberships:application_form"),
            inline(f"bulletin-adhesion-{timezone.localdate().year}.pdf"),
        ),
        "adhésions CSV": (
            reverse("memberships:export_csv") + "?year=toutes",
            attachment(f"adhesions-toutes-annees-{today}.csv"),
        ),
        "adhésions XLSX": (
            reverse("memberships:export_xlsx"),
            attachment(f"adhesions-{timezone.localdate().year}-{today}.xlsx"),
        ),
        "mes données": (
            reverse("privacy:export"),
            attachment(f"mes-donnees-essaim-{timezone.localdate().isoformat()}.json"),
        ),
        "contact": (
            reverse("organisations:person_export", args=[person.pk]),
            attachment(f"contact-{person.pk}.json"),
        ),
    }


def test_every_download_is_named_and_kept_by_no_cache(owner, downloads):
    client = client_for(owner)
    _, token = AccessLink.issue(email=EMAIL)
    client.get(reverse("privacy:open", args=[token]))  # for « mes données »
    for what, (url, disposition) in downloads.items():
        response = client.get(url)
        assert response.status_code == 200, what
        assert response["Content-Disposition"] == disposition, what
        assert "no-store" in response["Cache-Control"], what
        assert "private" in response["Cache-Control"], what


def test_the_public_calendar_feeds_may_be_cached():
    cycle = CycleFactory(slug="mobilites")
    session = TrainingSessionFactory(title="Atelier mobilité", cycle=cycle)
    client = client_for(None)
    for url, filename in [
        (
            reverse("trainings:session_ics", args=[session.slug]),
            f"session-{session.start_date:%Y-%m-%d}.ics",
        ),
        (reverse("trainings:cycle_ics", args=[cycle.slug]), "cycle-mobilites.ics"),
    ]:
        response = client.get(url)
        assert response.status_code == 200
        assert response["Content-Disposition"] == f'attachment; filename="{filename}"'
        assert "no-store" not in response.get("Cache-Control", "")
