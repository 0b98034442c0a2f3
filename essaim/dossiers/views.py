"""The dossier of an experiment, to hand to elected officials: as PDF and as DOCX."""

from django.contrib.auth.decorators import login_required
from django.http import HttpRequest, HttpResponse
from django.utils.text import slugify
from django.views.decorators.http import require_safe

from essaim.core.downloads import DOCX_TYPE, PDF_TYPE, file_response
from essaim.dossiers.builder import Dossier, build_dossier
from essaim.dossiers.docx import render_dossier_docx
from essaim.dossiers.pdf import render_dossier_pdf
from essaim.experiments.access import get_experiment_for


@login_required
@require_safe
def dossier_pdf(request: HttpRequest, pk: int) -> HttpResponse:
    dossier = build_dossier(get_experiment_for(request.user, pk))
    return _attachment(render_dossier_pdf(dossier), PDF_TYPE, dossier, "pdf")


@login_required
@require_safe
def dossier_docx(request: HttpRequest, pk: int) -> HttpResponse:
    dossier = build_dossier(get_experiment_for(request.user, pk))
    return _attachment(render_dossier_docx(dossier), DOCX_TYPE, dossier, "docx")


def _attachment(
    content: bytes, content_type: str, dossier: Dossier, extension: str
) -> HttpResponse:
    experiment = dossier.experiment
    slug = slugify(experiment.title)[:60].strip("-") or f"experimentation-{experiment.pk}"
    return file_response(
        content,
        filename=f"dossier-{slug}-{dossier.generated_on:%Y-%m-%d}.{extension}",
        content_type=content_type,
    )
