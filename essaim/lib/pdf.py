"""Printing HTML to PDF with WeasyPrint, the same way for every document Essaim makes (dossiers,
attendance sheets, certificates, receipts, membership forms): tagged PDF/UA-1, one stylesheet
beside its templates, and never a fetch of anything outside it.

Emoji typed in a title or an answer (« Session 🚀 ») are left out of the documents: the fonts of
the servers have none, and a printed empty box reads as an error."""

import logging
import re
from functools import cache
from pathlib import Path

# The pictographs drawn in colour (U+1F000 to U+1FAFF: emoticons, symbols, transport, flags…),
# the symbols of the first plane shown as emoji by default (⌚, ⏰, ⚡, ✅, ❌, ⭐…), and what
# joins or alters them (variation selector, zero-width joiner, skin tones, keycap, tags). The
# symbols printed as text (✓, ★, ☎, →) stay: the fonts have them.
_EMOJI = re.compile(
    "["
    "\U0001f000-\U0001faff"
    "\u231a\u231b\u23e9-\u23ec\u23f0\u23f3\u25fd\u25fe\u2614\u2615\u2648-\u2653"
    "\u267f\u2693\u26a1\u26aa\u26ab\u26bd\u26be\u26c4\u26c5\u26ce\u26d4\u26ea"
    "\u26f2\u26f3\u26f5\u26fa\u26fd\u2705\u270a\u270b\u2728\u274c\u274e"
    "\u2753-\u2755\u2757\u2795-\u2797\u27b0\u27bf\u2b1b\u2b1c\u2b50\u2b55"
    "\ufe0e\ufe0f\u200d\u20e3\U000e0020-\U000e007f"
    "]+"
)


def without_emoji(text: str) -> str:
    """``text`` without its emoji, and without the space before each: « Session 🚀 de
    rentrée » gives « Session de rentrée », « Bravo 👏🏽 ! » gives « Bravo ! »."""
    return re.sub(f" ?{_EMOJI.pattern}", "", text)


def print_pdf(html: str, *, stylesheet: Path, identifier: str) -> bytes:
    """``html`` printed with ``stylesheet``; relative URLs resolve next to the stylesheet.
    ``identifier`` names the document in the PDF (the same for every print of one document)."""
    # Imported here: WeasyPrint loads Pango when imported, which only documents need.
    import weasyprint

    # WeasyPrint reports each step of its layout at the INFO level: too chatty for a server log.
    logging.getLogger("weasyprint.progress").setLevel(logging.WARNING)
    fetcher = refusing_fetcher()
    document = weasyprint.HTML(
        string=without_emoji(html), base_url=stylesheet.parent.as_uri() + "/", url_fetcher=fetcher
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
