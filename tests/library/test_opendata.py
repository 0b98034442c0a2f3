"""The open data of the library: the published sheets only, as CSV for French spreadsheets and
as JSON, with their licence, filtered like the search page, in queries that do not grow with
the sheets."""

import csv
import datetime
import io
import json
from pathlib import Path

import pytest
from django.urls import reverse
from django.utils import timezone

from essaim.library.models import Licence, SheetContact
from essaim.library.services.opendata import FIELD_NAMES, SCHEMA, public_row
from tests.conftest import client_for
from tests.library.conftest import make_sheet

pytestmark = pytest.mark.django_db

ROOT = Path(__file__).resolve().parents[2]


def streamed(response) -> bytes:
    assert response.status_code == 200
    return b"".join(response.streaming_content)


def csv_rows(response) -> list[dict]:
    data = streamed(response)
    assert data.startswith(b"\xef\xbb\xbf")  # UTF-8 with BOM: Excel reads the accents
    return list(csv.DictReader(io.StringIO(data.decode("utf-8-sig")), delimiter=";"))


def json_rows(response) -> list[dict]:
    assert response["Content-Type"].startswith("application/json")
    return json.loads(streamed(response).decode("utf-8"))


@pytest.fixture
def sheets(referential):
    covoiturage = make_sheet(
        "Covoiturage rural à Privas",
        themes=("mobilite",),
        summary="Un réseau d'autostop organisé.",
        setting="rural",
        year_start=2019,
        licence=Licence.CC_BY,
    )
    SheetContact.objects.create(
        sheet=covoiturage,
        name="Anne Martin",
        role="chargée de mission",
        organisation="CA Privas",
        consented=True,
        consented_on=datetime.date(2024, 3, 1),
    )
    epicerie = make_sheet("Épicerie itinérante", insee_code="29019", year_start=2021)  # Brest
    draft = make_sheet("Brouillon secret", published=False)
    withdrawn = make_sheet("Fiche retirée")
    withdrawn.withdraw(None, "Erreur de territoire")
    return {"covoiturage": covoiturage, "epicerie": epicerie, "draft": draft}


def test_it_gives_the_published_sheets_as_csv_for_french_spreadsheets(sheets):
    response = client_for(None).get(reverse("library:opendata_csv"))
    assert response["Content-Type"] == "text/csv; charset=utf-8"
    assert "fiches-experience.csv" in response["Content-Disposition"]
    rows = csv_rows(response)
    assert sorted(row["title"] for row in rows) == [
        "Covoiturage rural à Privas",
        "Épicerie itinérante",
    ]
    row = next(row for row in rows if row["id"] == str(sheets["covoiturage"].pk))
    assert row["licence"] == "cc-by-4.0"
    assert row["licence_url"] == "https://creativecommons.org/licenses/by/4.0/deed.fr"
    assert row["commune_insee"] == "07186"
    assert row["departement_code"] == "07"
    assert row["themes"] == "mobilite"
    assert row["themes_labels"] == "mobilité"
    assert row["contacts"] == "Anne Martin, chargée de mission, CA Privas"
    assert row["illustrative"] == "non"
    assert row["url"].startswith("http://testserver/experiences/")
    published = timezone.localtime(sheets["covoiturage"].published_at)
    assert row["published_at"] == f"{published:%d/%m/%Y %H:%M}"
    epicerie = next(row for row in rows if row["id"] == str(sheets["epicerie"].pk))
    assert epicerie["licence"] == "etalab-2.0"


def test_it_gives_the_published_sheets_as_json(sheets):
    rows = json_rows(client_for(None).get(reverse("library:opendata_json")))
    assert {row["id"] for row in rows} == {sheets["covoiturage"].pk, sheets["epicerie"].pk}
    row = next(row for row in rows if row["id"] == sheets["covoiturage"].pk)
    assert list(row) == list(FIELD_NAMES)
    assert row["themes"] == [{"slug": "mobilite", "label": "mobilité"}]
    assert row["contacts"] == [
        {"name": "Anne Martin", "role": "chargée de mission", "organisation": "CA Privas"}
    ]
    assert row["licence"] == "cc-by-4.0"
    assert row["year_start"] == 2019 and row["year_end"] is None
    assert row["region_name"] == "Auvergne-Rhône-Alpes"
    published = datetime.datetime.fromisoformat(row["published_at"])
    assert abs(published - sheets["covoiturage"].published_at) < datetime.timedelta(seconds=1)


def test_an_empty_library_gives_a_header_and_an_empty_list(db):
    assert streamed(client_for(None).get(reverse("library:opendata_csv"))).count(b"\r\n") == 1
    assert json_rows(client_for(None).get(reverse("library:opendata_json"))) == []


@pytest.mark.parametrize(
    ("query", "expected"),
    [
        ({"departement": "29"}, ["Épicerie itinérante"]),
        ({"theme": "mobilite"}, ["Covoiturage rural à Privas"]),
        ({"year": "2020"}, ["Covoiturage rural à Privas"]),
        ({"setting": "rural", "region": "84"}, ["Covoiturage rural à Privas"]),
        ({"q": "epicerie"}, ["Épicerie itinérante"]),
        ({"theme": "inconnu"}, []),
    ],
)
def test_the_files_are_filtered_like_the_search_page(sheets, query, expected):
    client = client_for(None)
    by_csv = [row["title"] for row in csv_rows(client.get(reverse("library:opendata_csv"), query))]
    by_json = [
        row["title"] for row in json_rows(client.get(reverse("library:opendata_json"), query))
    ]
    assert by_csv == by_json == expected


def test_the_files_are_read_in_queries_that_do_not_grow_with_the_sheets(
    referential, django_assert_max_num_queries
):
    for number in range(3):
        sheet = make_sheet(f"Fiche {number}", themes=("mobilite", "energie"))
        SheetContact.objects.create(
            sheet=sheet,
            name=f"Personne {number}",
            consented=True,
            consented_on=datetime.date.today(),
        )
    client = client_for(None)

    def count_queries(name: str) -> int:
        from django.db import connection
        from django.test.utils import CaptureQueriesContext

        with CaptureQueriesContext(connection) as queries:
            streamed(client.get(reverse(name)))
        return len(queries)

    few = {name: count_queries(name) for name in ("library:opendata_csv", "library:opendata_json")}
    for number in range(3, 20):
        make_sheet(f"Fiche {number}", themes=("mobilite",))
    for name, count in few.items():
        # The sheets with their places, their themes, their publics, their contacts, and the
        # query that finds the chunk empty.
        with django_assert_max_num_queries(count):
            streamed(client.get(reverse(name)))


def test_the_rows_are_read_by_chunks(referential):
    from essaim.library.services.opendata import published_sheets, row_chunks

    for number in range(5):
        make_sheet(f"Fiche {number}")
    chunks = list(row_chunks(published_sheets({}), size=2))
    assert [len(chunk) for chunk in chunks] == [2, 2, 1]
    ids = [row["id"] for chunk in chunks for row in chunk]
    assert ids == sorted(ids) and len(set(ids)) == 5


def test_a_public_row_has_no_contact_without_consent(referential):
    sheet = make_sheet("Fiche")
    SheetContact.objects.create(sheet=sheet, name="Sans accord", email="x@example.org")
    assert public_row(sheet)["contacts"] == []


def test_the_page_explains_the_data_and_links_the_files_with_the_filters(sheets):
    response = client_for(None).get(reverse("library:opendata"), {"departement": "07", "x": "1"})
    assert response.status_code == 200
    page = response.content.decode()
    assert "1 fiche publiée" in page
    assert f"{reverse('library:opendata_csv')}?departement=07" in page
    assert "Licence Ouverte 2.0" in page and "CC-BY 4.0" in page
    for field in SCHEMA:
        assert f"<code>{field.name}</code>" in page


def test_the_documented_schema_names_every_field():
    documentation = (ROOT / "docs" / "open-data.md").read_text()
    for name in FIELD_NAMES:
        assert f"`{name}`" in documentation, name


def test_the_files_refuse_other_methods(db):
    assert client_for(None).post(reverse("library:opendata_csv")).status_code == 405
