"""Printing HTML to PDF with WeasyPrint, the same way for every document Essaim makes (dossiers,
attendance sheets, certificates, receipts, membership forms): tagged PDF/UA-1, one stylesheet
beside its templates, and never a fetch of anything outside it."""

import logging
from functools import cache
from pathlib import Path


def print_pdf(html: str, *, stylesheet: Path, identifier: str) -> bytes:
    """``html`` printed with ``stylesheet``; relative URLs resolve next to the stylesheet.
    ``identifier`` names the document in the PDF (the same for every print of one document)."""
    # Imported here: WeasyPrint loads Pango when imported, which only documents need.
    import weasyprint

    # WeasyPrint reports each step of its layout at the INFO level: too chatty for a server log.
    logging.getLogger("weasyprint.progress").setLevel(logging.WARNING)
    fetcher = refusing_fetcher()
    document = weasyprint.HTML(
        string=html, base_url=stylesheet.parent.as_uri() + "/", url_fetcher=fetcher
    )
    return document.write_pdf(
        stylesheets=[weasyprint.CSS(filename=str(stylesheet), url_fetcher=fetcher)],
        pdf_variant="pdf/ua-1",
        pdf_identifier=identifier.encode(),
    )


def refuse_fetching(url: str) -> None:
    """Documents are self-contained (inline SVG, no images, no web fonts): nothing written by
    users may make the server fetch a URL. WeasyPrint leaves the resource out and goes on."""
    raise ValueError(f"Ressource externe refusée dans le document : {url[:100]}")


@cache
def refusing_fetcher():
    from weasyprint.urls import URLFetcher

    class RefusingFetcher(URLFetcher):
        def fetch(self, url, headers=None):
            refuse_fetching(url)

    return RefusingFetcher()
