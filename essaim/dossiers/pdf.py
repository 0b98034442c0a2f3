"""The dossier as a PDF: the HTML template printed by WeasyPrint with its own stylesheet."""

import logging
from pathlib import Path

from django.template.loader import render_to_string

from essaim.dossiers.builder import Dossier

STATIC = Path(__file__).resolve().parent / "static" / "dossiers"
STYLESHEET = STATIC / "dossier.css"


def render_dossier_html(dossier: Dossier) -> str:
    return render_to_string(
        "dossiers/dossier.html", {"dossier": dossier, "experiment": dossier.experiment}
    )


def render_dossier_pdf(dossier: Dossier) -> bytes:
    # Imported here: WeasyPrint loads Pango when imported, which only this document needs.
    import weasyprint

    # WeasyPrint reports each step of its layout at the INFO level: too chatty for a server log.
    logging.getLogger("weasyprint.progress").setLevel(logging.WARNING)
    document = weasyprint.HTML(
        string=render_dossier_html(dossier),
        base_url=STATIC.as_uri() + "/",
        url_fetcher=_refuse_fetching,
    )
    return document.write_pdf(
        stylesheets=[weasyprint.CSS(filename=str(STYLESHEET), url_fetcher=_refuse_fetching)],
        pdf_variant="pdf/ua-1",
        pdf_identifier=f"essaim-dossier-{dossier.experiment.pk}".encode(),
    )


def _refuse_fetching(url: str, *args, **kwargs):
    """The dossier is self-contained (inline SVG, no images, no web fonts): nothing written
    by users may make the server fetch a URL."""
    raise ValueError(f"Ressource externe refusée dans le dossier : {url[:100]}")
