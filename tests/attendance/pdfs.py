"""Reading the PDFs the attendance pages give, with pypdf."""

import io

from pypdf import PdfReader


def read_pdf(content: bytes) -> tuple[PdfReader, list[str]]:
    """The document and the text of each page, spaces collapsed."""
    reader = PdfReader(io.BytesIO(content))
    pages = [" ".join(page.extract_text().replace("\xa0", " ").split()) for page in reader.pages]
    return reader, pages


def is_a4(reader: PdfReader) -> bool:
    return all(
        (round(float(page.mediabox.width)), round(float(page.mediabox.height))) == (595, 842)
        for page in reader.pages
    )
