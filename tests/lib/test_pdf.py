import io

import pytest
from pypdf import PdfReader

from essaim.lib import pdf

PAGE = """<html lang="fr"><body><h1>Reçu de cotisation</h1>
<img src="http://example.org/suivi.png" alt="">
<img src="file:///etc/hostname" alt=""></body></html>"""


def test_it_prints_html_and_never_fetches_what_users_wrote(tmp_path, monkeypatch):
    asked = []

    def refuse(url):
        asked.append(url)
        raise ValueError("refusé")

    monkeypatch.setattr(pdf, "refuse_fetching", refuse)
    stylesheet = tmp_path / "document.css"
    stylesheet.write_text("@page { size: A4; } body { font-family: sans-serif; }")
    document = pdf.print_pdf(PAGE, stylesheet=stylesheet, identifier="essai")
    assert document.startswith(b"%PDF")
    assert "Reçu de cotisation" in PdfReader(io.BytesIO(document)).pages[0].extract_text()
    assert set(asked) == {"http://example.org/suivi.png", "file:///etc/hostname"}


def test_the_fetcher_refuses_in_french():
    with pytest.raises(ValueError, match="Ressource externe refusée"):
        pdf.refuse_fetching("file:///etc/passwd")


@pytest.mark.parametrize(
    ("text", "printed"),
    [
        ("Session 🚀 de rentrée", "Session de rentrée"),
        ("Bravo 👏🏽 !", "Bravo !"),  # with its skin tone
        ("En famille 👨‍👩‍👧 le samedi", "En famille le samedi"),  # joined by ZWJ
        ("🇫🇷 Territoires", " Territoires"),  # a flag
        ("1️⃣ Cadrer ⚡ vite ✅", "1 Cadrer vite"),  # keycap, symbols shown as emoji
        ("✓ fait, ★ noté, → suite, « Été » – œuvre", "✓ fait, ★ noté, → suite, « Été » – œuvre"),
    ],
)
def test_emoji_are_left_out_of_documents(text, printed):
    assert pdf.without_emoji(text) == printed


def test_a_document_prints_no_emoji(tmp_path):
    stylesheet = tmp_path / "document.css"
    stylesheet.write_text("@page { size: A4; } body { font-family: sans-serif; }")
    html = '<html lang="fr"><body><h1>Atelier 🌱 transitions 🚲</h1></body></html>'
    document = pdf.print_pdf(html, stylesheet=stylesheet, identifier="essai")
    text = PdfReader(io.BytesIO(document)).pages[0].extract_text()
    assert "Atelier transitions" in text
    assert "🌱" not in text and "🚲" not in text
