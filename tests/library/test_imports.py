"""Importing an existing collection: a file (CSV from French Excel, or XLSX), the field of each
column, then every line checked by the worker, and all the sheets created as drafts or none."""

import io

import pytest
from django.contrib.auth.models import Group
from django.core.management import call_command
from django.urls import reverse
from openpyxl import Workbook

from essaim.library.models import (
    ExperienceSheet,
    ImportStatus,
    SheetImport,
    SheetSource,
)
from essaim.library.models.sheets import EDITORS_GROUP
from essaim.library.services.imports import guess_mapping
from essaim.territories.models import Territory
from tests.conftest import client_for, make_user
from tests.library.conftest import territory_of

HEADER = "Titre;Code INSEE;Résumé;Thèmes;Publics;Année de début;Date de fin;Type de territoire"
GOOD_LINES = [
    "Covoiturage solidaire;07186;Un réseau d'autostop;mobilité;jeunes;2019;31/12/2022;rural",
    "Épicerie itinérante;29019;Une épicerie qui passe;alimentation; ;2021;;urbain",
    "Café des aînés;07186;Un café associatif;services à la population;personnes âgées;2020;;",
]


def csv_file(lines: list[str], *, header: str = HEADER, encoding: str = "cp1252") -> io.BytesIO:
    data = io.BytesIO("\r\n".join([header, *lines]).encode(encoding))
    data.name = "collection.csv"
    return data


def xlsx_file(rows: list[list]) -> io.BytesIO:
    workbook = Workbook()
    sheet = workbook.active
    for row in rows:
        sheet.append(row)
    data = io.BytesIO()
    workbook.save(data)
    data.seek(0)
    data.name = "collection.xlsx"
    return data


def upload(client, file) -> object:
    return client.post(reverse("library:import_new"), {"file": file})


def choose_columns(client, sheet_import: SheetImport, mapping: dict[int, str] | None = None):
    mapping = (
        mapping
        if mapping is not None
        else {int(index): key for index, key in sheet_import.mapping.items()}
    )
    data = {f"column_{index}": "" for index in range(len(sheet_import.headers))}
    data.update({f"column_{index}": key for index, key in mapping.items()})
    return client.post(reverse("library:import_columns", args=[sheet_import.pk]), data)


# Through the real worker ------------------------------------------------------------------------


@pytest.fixture
def worker_editor(transactional_db, database_tasks, referential):
    """A library editor in a database the worker reads (real transactions); the vocabulary the
    migrations seed is put back before and after."""
    user = make_user("bibliotheque@example.org", "Béatrice Bibliothécaire")
    user.groups.add(Group.objects.get(name=EDITORS_GROUP))
    return user


@pytest.mark.django_db(transaction=True)
def test_a_windows_1252_csv_is_imported_by_the_worker(worker_editor):
    existing = territory_of("07186")  # Privas's shared territory, reused
    client = client_for(worker_editor)
    response = upload(client, csv_file(GOOD_LINES))
    sheet_import = SheetImport.objects.get()
    assert response.url == reverse("library:import_columns", args=[sheet_import.pk])
    assert sheet_import.total_rows == 3
    assert sheet_import.mapping == {
        "0": "title",
        "1": "commune",
        "2": "summary",
        "3": "themes",
        "4": "publics",
        "5": "year_start",
        "6": "year_end",
        "7": "setting",
    }
    response = choose_columns(client, sheet_import)
    assert response.url == sheet_import.get_absolute_url()
    sheet_import.refresh_from_db()
    assert sheet_import.status == ImportStatus.QUEUED
    assert ExperienceSheet.objects.count() == 0

    call_command("worker", batch=True, verbosity=0)

    sheet_import.refresh_from_db()
    assert sheet_import.status == ImportStatus.DONE, sheet_import.errors
    assert (sheet_import.processed_rows, sheet_import.created_count) == (3, 3)
    sheets = {sheet.title: sheet for sheet in ExperienceSheet.objects.all()}
    assert set(sheets) == {"Covoiturage solidaire", "Épicerie itinérante", "Café des aînés"}
    covoiturage = sheets["Covoiturage solidaire"]
    assert covoiturage.publication_status == "draft"
    assert covoiturage.source == SheetSource.IMPORT
    assert covoiturage.imported_by == sheet_import
    assert covoiturage.territory == existing
    assert sheets["Café des aînés"].territory == existing
    assert covoiturage.departement.code == "07" and covoiturage.commune.insee_code == "07186"
    assert (covoiturage.year_start, covoiturage.year_end, covoiturage.setting) == (
        2019,
        2022,
        "rural",
    )
    assert [theme.slug for theme in covoiturage.themes.all()] == ["mobilite"]
    assert [public.slug for public in covoiturage.publics.all()] == ["jeunes"]
    brest = sheets["Épicerie itinérante"].territory
    assert (
        brest.kind,
        brest.shared,
        list(brest.communes.values_list("insee_code", flat=True)),
    ) == (
        "commune",
        True,
        ["29019"],
    )
    assert Territory.objects.filter(communes__insee_code="07186").count() == 1
    page = client.get(sheet_import.get_absolute_url()).content.decode()
    assert "3 fiches créées en brouillon" in page


@pytest.mark.django_db(transaction=True)
def test_an_xlsx_file_is_imported_by_the_worker(worker_editor):
    client = client_for(worker_editor)
    rows = [
        ["Nom du projet", "Commune", "Thèmes", "Depuis", "Colonne libre"],
        ["Tiers-lieu rural", 7186, "numerique; culture", 2018, "ignorée"],
        ["Navette des marchés", "29019", "mobilite", 2022.0, ""],
    ]
    upload(client, xlsx_file(rows))
    sheet_import = SheetImport.objects.get()
    assert sheet_import.mapping == {"0": "title", "1": "commune", "2": "themes", "3": "year_start"}
    choose_columns(client, sheet_import)
    call_command("worker", batch=True, verbosity=0)
    sheet_import.refresh_from_db()
    assert sheet_import.status == ImportStatus.DONE, sheet_import.errors
    tiers_lieu = ExperienceSheet.objects.get(title="Tiers-lieu rural")
    assert tiers_lieu.commune.insee_code == "07186"  # the number 7186 of a cell
    assert sorted(theme.slug for theme in tiers_lieu.themes.all()) == ["culture", "numerique"]
    assert ExperienceSheet.objects.get(title="Navette des marchés").year_start == 2022


# Refusals ---------------------------------------------------------------------------------------


@pytest.fixture
def editor_client(library_editor, referential):
    return client_for(library_editor)


def run_in_worker(client, file, django_capture_on_commit_callbacks) -> SheetImport:
    """Upload ``file``, keep the proposed columns and run the import (immediate backend)."""
    upload(client, file)
    sheet_import = SheetImport.objects.latest("pk")
    with django_capture_on_commit_callbacks(execute=True):
        choose_columns(client, sheet_import)
    sheet_import.refresh_from_db()
    return sheet_import


@pytest.mark.django_db
def test_a_file_with_errors_on_lines_3_and_5_imports_nothing_and_says_both(
    editor_client, django_capture_on_commit_callbacks
):
    lines = [
        GOOD_LINES[0],  # line 2
        "Atelier vélo;99999;;;;;;",  # line 3: no such commune
        GOOD_LINES[1],  # line 4
        "Covoiturage solidaire;07186;Encore;;;;;",  # line 5: the same as line 2
    ]
    sheet_import = run_in_worker(editor_client, csv_file(lines), django_capture_on_commit_callbacks)
    assert sheet_import.status == ImportStatus.FAILED
    assert sheet_import.errors == [
        {"line": 3, "message": "la commune « 99999 » n'existe pas dans le référentiel"},
        {
            "line": 5,
            "message": "doublon de la ligne 2 : même titre et même commune (Privas)",
        },
    ]
    assert ExperienceSheet.objects.count() == 0
    assert Territory.objects.filter(communes__insee_code="29019").count() == 0
    page = editor_client.get(sheet_import.get_absolute_url()).content.decode()
    assert "Aucune fiche n'a été importée" in page
    assert "Ligne 3 : la commune « 99999 » n&#x27;existe pas dans le référentiel" in page
    assert "Ligne 5 : doublon de la ligne 2" in page


@pytest.mark.django_db
def test_each_line_is_checked_in_french(editor_client, django_capture_on_commit_callbacks):
    from tests.library.conftest import make_sheet

    make_sheet("Jardin partagé", insee_code="07186")
    header = "Titre;Commune;Thèmes;Année de début;Année de fin;Contexte;Étape"
    lines = [
        "Jardin  PARTAGÉ;07186;;;;;",  # line 2: already in the library
        "Marché;07186;astronomie;;;;",  # line 3
        "Ferme;07186;;2150;;;",  # line 4
        "Forge;07186;;2020;2015;;",  # line 5
        f"Moulin;07186;;;;{'x' * 20_001};",  # line 6
        ";07186;;;;;",  # line 7
        "Four;07186;;;;;lancement",  # line 8
        "Scierie;07186;;12/03/1850;;;",  # line 9
    ]
    sheet_import = run_in_worker(
        editor_client,
        csv_file(lines, header=header, encoding="utf-8"),
        django_capture_on_commit_callbacks,
    )
    messages = {error["line"]: error["message"] for error in sheet_import.errors}
    assert messages[2] == (
        "la fiche « Jardin partagé » existe déjà dans la bibliothèque pour la commune Privas"
    )
    assert messages[3] == "le thème « astronomie » n'existe pas dans la bibliothèque"
    assert messages[4] == "année de début : 2150 doit être comprise entre 1900 et 2100"
    assert messages[5] == "l'année de fin (2015) précède l'année de début (2020)"
    assert messages[6].startswith("le champ « contexte » est trop long : 20001 caractères")
    assert messages[7] == "le titre est vide"
    assert messages[8].startswith("« lancement » n'est pas un choix du champ « étape »")
    assert messages[9].startswith("année de début : la date doit être comprise")
    assert ExperienceSheet.objects.count() == 1


@pytest.mark.parametrize(
    ("content", "name", "message"),
    [
        (b"%PDF-1.4 un document", "fiches.pdf", "Ce fichier est un PDF"),
        (b"", "vide.csv", "est vide"),
        (b"Titre\r\nCovoiturage\r\n", "seul.csv", "La première ligne doit contenir"),
        (f"{HEADER}\r\n".encode(), "entete.csv", "ne contient aucune fiche"),
    ],
)
@pytest.mark.django_db
def test_a_bad_file_is_refused_at_upload(editor_client, content, name, message):
    file = io.BytesIO(content)
    file.name = name
    response = upload(editor_client, file)
    assert response.status_code == 200
    assert message in response.content.decode()
    assert SheetImport.objects.count() == 0


@pytest.mark.django_db
def test_a_file_too_big_is_refused(editor_client, monkeypatch):
    from essaim.library.forms import imports as forms

    monkeypatch.setattr(forms, "MAX_IMPORT_BYTES", 10)
    response = upload(editor_client, csv_file(GOOD_LINES))
    assert "Le fichier dépasse" in response.content.decode()
    assert SheetImport.objects.count() == 0


# The columns --------------------------------------------------------------------------------------


def test_the_headers_propose_the_fields():
    headers = ["TITRE", "code insee", "Résumé (court)", "Remarques", "Thèmes", "titre"]
    assert guess_mapping(headers) == {"0": "title", "1": "commune", "2": "summary", "4": "themes"}


@pytest.mark.django_db
def test_the_columns_page_proposes_and_requires_title_and_commune(editor_client):
    upload(editor_client, csv_file(GOOD_LINES))
    sheet_import = SheetImport.objects.get()
    url = reverse("library:import_columns", args=[sheet_import.pk])
    page = editor_client.get(url).content.decode()
    assert "Covoiturage solidaire" in page  # the first values of the column
    assert '<option value="title" selected>' in page
    assert "ne pas importer" in page
    response = choose_columns(editor_client, sheet_import, {0: "title", 2: "title"})
    assert response.status_code == 200
    page = response.content.decode()
    assert "Choisissez la colonne qui donne le champ « commune (code INSEE) »" in page
    assert "Le champ « titre » est choisi pour plusieurs colonnes" in page
    sheet_import.refresh_from_db()
    assert sheet_import.status == ImportStatus.UPLOADED


@pytest.mark.django_db
def test_the_import_page_shows_the_progress_and_htmx_polls_it(editor_client, library_editor):
    sheet_import = SheetImport.objects.create(
        created_by=library_editor,
        original_name="grand.csv",
        status=ImportStatus.RUNNING,
        total_rows=400,
        processed_rows=100,
    )
    page = editor_client.get(sheet_import.get_absolute_url()).content.decode()
    assert 'aria-valuenow="25"' in page and 'value="25"' in page
    assert f'hx-get="{sheet_import.get_absolute_url()}"' in page
    assert "100 lignes sur 400" in page
    fragment = editor_client.get(sheet_import.get_absolute_url(), headers={"HX-Request": "true"})
    assert fragment.content.decode().lstrip().startswith('<div id="import-progress"')
    SheetImport.objects.filter(pk=sheet_import.pk).update(status=ImportStatus.DONE)
    done = editor_client.get(sheet_import.get_absolute_url(), headers={"HX-Request": "true"})
    assert "hx-get" not in done.content.decode()


# Who may import -----------------------------------------------------------------------------------


def import_urls(sheet_import: SheetImport) -> list[str]:
    return [
        reverse("library:imports"),
        reverse("library:import_new"),
        reverse("library:import", args=[sheet_import.pk]),
        reverse("library:import_columns", args=[sheet_import.pk]),
    ]


@pytest.mark.django_db
def test_only_the_library_editors_see_the_imports(library_editor, outsider, staff):
    sheet_import = SheetImport.objects.create(created_by=library_editor, original_name="a.csv")
    for url in import_urls(sheet_import):
        assert client_for(outsider).get(url).status_code == 403, url
        assert client_for(None).get(url).status_code == 302, url  # to the sign-in page
    assert client_for(outsider).post(reverse("library:import_new")).status_code == 403


@pytest.mark.django_db
def test_every_library_editor_sees_every_import(library_editor):
    other = make_user("autre-editrice@example.org", "Autre Éditrice")
    other.groups.add(Group.objects.get(name=EDITORS_GROUP))
    sheet_import = SheetImport.objects.create(created_by=library_editor, original_name="a.csv")
    response = client_for(other).get(reverse("library:imports"))
    assert "a.csv" in response.content.decode()
    assert client_for(other).get(sheet_import.get_absolute_url()).status_code == 200
    assert client_for(other).get(reverse("library:import", args=[999999])).status_code == 404


@pytest.mark.django_db
def test_the_list_of_imports_is_read_in_queries_that_do_not_grow(
    library_editor, django_assert_max_num_queries
):
    client = client_for(library_editor)
    client.get(reverse("library:imports"))
    for number in range(25):
        SheetImport.objects.create(created_by=library_editor, original_name=f"{number}.csv")
    # The session, the person, then the page of imports with their count and their authors.
    with django_assert_max_num_queries(6):
        page = client.get(reverse("library:imports")).content.decode()
    assert "24.csv" in page


# Odd numbers, too many columns, the file deleted -------------------------------------------------


@pytest.mark.django_db
def test_a_year_that_is_not_a_number_is_an_error_of_its_line(
    editor_client, django_capture_on_commit_callbacks
):
    header = "Titre;Commune;Année de début;Année de fin"
    lines = ["Marché;07186;²;", f"Ferme;07186;;{'9' * 5000}", "Forge;07186;2020;"]
    sheet_import = run_in_worker(
        editor_client,
        csv_file(lines, header=header, encoding="utf-8"),
        django_capture_on_commit_callbacks,
    )
    assert sheet_import.status == ImportStatus.FAILED
    assert sheet_import.errors == [
        {"line": 2, "message": "année de début : « ² » n'est pas une année"},
        {"line": 3, "message": f"année de fin : « {'9' * 20} » n'est pas une année"},
    ]
    assert ExperienceSheet.objects.count() == 0


@pytest.mark.django_db
def test_a_file_of_more_than_100_columns_is_refused_at_upload(editor_client):
    header = ";".join(["Titre", "Code INSEE", *(f"Colonne {index}" for index in range(99))])
    response = upload(editor_client, csv_file([GOOD_LINES[0]], header=header, encoding="utf-8"))
    assert "Le fichier compte 101 colonnes : 100 au plus." in response.content.decode()
    assert SheetImport.objects.count() == 0
    header = ";".join(["Titre", "Code INSEE", *(f"Colonne {index}" for index in range(98))])
    upload(editor_client, csv_file([GOOD_LINES[0]], header=header, encoding="utf-8"))
    assert SheetImport.objects.count() == 1


@pytest.mark.parametrize("lines", [GOOD_LINES, ["Atelier vélo;99999;;;;;;"]])
@pytest.mark.django_db
def test_the_file_is_deleted_when_the_import_ends(
    editor_client, django_capture_on_commit_callbacks, lines
):
    upload(editor_client, csv_file(lines))
    sheet_import = SheetImport.objects.latest("pk")
    storage, name = sheet_import.file.storage, sheet_import.file.name
    assert storage.exists(name)
    with django_capture_on_commit_callbacks(execute=True):
        choose_columns(editor_client, sheet_import)
    sheet_import.refresh_from_db()
    assert sheet_import.status in (ImportStatus.DONE, ImportStatus.FAILED)
    assert not storage.exists(name)
    assert sheet_import.file.name == ""
    assert sheet_import.mapping and sheet_import.headers  # kept
    assert editor_client.get(sheet_import.get_absolute_url()).status_code == 200


@pytest.mark.django_db
def test_imported_sheets_are_indexed_once_with_their_themes_and_publics(
    editor_client, django_capture_on_commit_callbacks
):
    from essaim.core.models import SearchEntry
    from essaim.core.search import search

    sheet_import = run_in_worker(
        editor_client, csv_file(GOOD_LINES), django_capture_on_commit_callbacks
    )
    assert sheet_import.status == ImportStatus.DONE
    sheets = ExperienceSheet.objects.all()
    assert SearchEntry.objects.filter(content_type__model="experiencesheet").count() == 3
    assert [sheet.title for sheet in search(sheets, "jeunes")] == ["Covoiturage solidaire"]
    assert [sheet.title for sheet in search(sheets, "alimentation")] == ["Épicerie itinérante"]
    assert [sheet.title for sheet in search(sheets, "Privas épicerie")] == []
    assert sheets.get(title="Café des aînés").themes.exists()
