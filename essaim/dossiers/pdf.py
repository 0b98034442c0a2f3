"""The dossier as a PDF: the HTML template printed by WeasyPrint with its own stylesheet."""

from pathlib import Path

from django.template.loader import render_to_string

from essaim.dossiers.builder import Dossier
from essaim.lib.pdf import print_pdf

STATIC = Path(__file__).resolve().parent / "static" / "dossiers"
STYLESHEET = STATIC / "dossier.css"


def render_dossier_html(dossier: Dossier) -> str:
    return render_to_string(
        "dossiers/dossier.html", {"dossier": dossier, "experiment": dossier.experiment}
    )


def render_dossier_pdf(dossier: Dossier) -> bytes:
    return print_pdf(
        render_dossier_html(dossier),
        stylesheet=STYLESHEET,
        identifier=f"essaim-dossier-{dossier.experiment.pk}",
    )
