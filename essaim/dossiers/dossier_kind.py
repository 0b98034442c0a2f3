"""The dossier of an experiment, the kind of document built in: registered at startup
(``apps.py``) like the kinds of the applications above."""

from essaim.dossiers.registry import DOSSIER, DocumentKind, experiment_slug
from essaim.experiments.models import Experiment


def render_pdf(experiment: Experiment) -> bytes:
    from essaim.dossiers.builder import build_dossier
    from essaim.dossiers.pdf import render_dossier_pdf

    return render_dossier_pdf(build_dossier(experiment))


def render_docx(experiment: Experiment) -> bytes:
    from essaim.dossiers.builder import build_dossier
    from essaim.dossiers.docx import render_dossier_docx

    return render_dossier_docx(build_dossier(experiment))


def filename(experiment: Experiment) -> str:
    return f"dossier-{experiment_slug(experiment)}"


DOSSIER_KIND = DocumentKind(
    key=DOSSIER,
    label="dossier",
    render_pdf=render_pdf,
    render_docx=render_docx,
    filename=filename,
)
