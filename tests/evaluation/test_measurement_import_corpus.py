"""The import of measurements against a corpus of files as French spreadsheets write them: every
file with an error is refused as a whole, with the exact French message of each line."""

import datetime
import io
from decimal import Decimal
from pathlib import Path

import pytest
from openpyxl import Workbook

from essaim.core.models import HistoryEntry
from essaim.evaluation.models import IndicatorKind, Measurement
from essaim.evaluation.spreadsheets import (
    MAX_IMPORT_ROWS,
    MeasurementImportError,
    import_measurements,
)
from tests.evaluation.factories import IndicatorFactory, MeasurementFactory

CORPUS = Path(__file__).parent / "import_corpus"
INDICATORS = "« Trajets mensuels », « Satisfaction des usagers », « Conducteurs inscrits »"
LEVELS = "1 = insatisfaits, 2 = mitigés, 3 = satisfaits, 4 = très satisfaits"
SAVE_AS = (
    "Enregistrez-le depuis votre tableur au format « CSV UTF-8 » ou « CSV (séparateur : "
    "point-virgule) », ou au format XLSX."
)
UNREADABLE = (
    "Ce fichier n'est pas un tableau lisible : son encodage n'est pas reconnu, ou c'est un "
    "fichier binaire. " + SAVE_AS
)

REFUSED = {
    "bad_dates.csv": [
        "Ligne 2 : la date « 31/02/2024 » n'existe pas.",
        "Ligne 3 : « 2024/03/12 » n'est pas une date au format jj/mm/aaaa.",
        "Ligne 4 : « mars 2024 » n'est pas une date au format jj/mm/aaaa.",
        "Ligne 5 : la date est vide.",
        "Ligne 6 : la date 01/01/2099 est dans le futur.",
        "Ligne 7 : « 45363 » n'est pas une date au format jj/mm/aaaa.",
    ],
    "bad_indicators.csv": [
        f"Ligne 2 : l'indicateur « Trajets » est inconnu ; indicateurs de cette "
        f"expérimentation : {INDICATORS}. Vouliez-vous dire « Trajets mensuels » ?",
        f"Ligne 3 : l'indicateur « Covoiturage solidaire » est inconnu ; indicateurs de cette "
        f"expérimentation : {INDICATORS}.",
        "Ligne 4 : l'indicateur n'est pas indiqué.",
    ],
    "bad_duplicates.csv": [
        "Ligne 4 : même indicateur et même date qu'à la ligne 2 (« Trajets mensuels », "
        "05/01/2024).",
        "Ligne 5 : une mesure existe déjà le 12/03/2024 pour « Trajets mensuels ».",
    ],
    "bad_values.csv": [
        "Ligne 2 : « 12 trajets » n'est pas un nombre.",
        "Ligne 3 : « 1,234.5 » n'est pas un nombre.",
        "Ligne 4 : la valeur est vide.",
        "Ligne 5 : « 12 5 » n'est pas un nombre.",
        f"Ligne 6 : le niveau « excellent » n'existe pas pour « Satisfaction des usagers » ; "
        f"niveaux : {LEVELS}.",
        f"Ligne 7 : le niveau 7 n'existe pas pour « Satisfaction des usagers » : les niveaux "
        f"vont de 1 à 4 ({LEVELS}).",
        "Ligne 8 : la valeur « 123456789012 » est trop grande.",
        "Ligne 9 : la date « 32/13/2024 » n'existe pas.",
        "Ligne 9 : « abc » n'est pas un nombre.",
    ],
    "bad_errors.xlsx": [
        "Ligne 2 : la cellule contient l'erreur de formule « #DIV/0! ».",
        "Ligne 3 : la date « 31/04/2024 » n'existe pas.",
        "Ligne 4 : la date « 45363 » est un nombre : mettez la colonne au format date "
        "(jj/mm/aaaa).",
        f"Ligne 5 : l'indicateur « Trajet mensuel » est inconnu ; indicateurs de cette "
        f"expérimentation : {INDICATORS}. Vouliez-vous dire « Trajets mensuels » ?",
        f"Ligne 6 : le niveau « 2,5 » n'existe pas pour « Satisfaction des usagers » ; "
        f"niveaux : {LEVELS}.",
        "Ligne 7 : « VRAI » n'est pas un nombre.",
    ],
    "bad_comma_unquoted.csv": [
        "Ligne 2 : un nombre à virgule a été coupé en deux cellules : dans un fichier séparé par "
        'des virgules, écrivez-le entre guillemets ("12,5"), ou enregistrez le fichier avec le '
        "point-virgule comme séparateur."
    ],
    "bad_unclosed_quote.csv": [
        "Ligne 3 : un guillemet n'est pas fermé ou est mal placé ; le fichier ne peut pas être "
        "lu au-delà."
    ],
    "bad_missing_header.csv": [
        "Colonnes manquantes : indicateur, date, valeur. La première ligne doit contenir les "
        "intitulés des colonnes ; elle contient : « Trajets mensuels » ; « 05/01/2024 » ; "
        "« 10 »."
    ],
    "bad_missing_column.csv": [
        "Colonne manquante : valeur. La première ligne doit contenir les intitulés des colonnes "
        "; elle contient : « indicateur » ; « date » ; « commentaire »."
    ],
    "bad_wrong_separator.csv": [
        "Colonnes manquantes : indicateur, date, valeur. La première ligne doit contenir les "
        "intitulés des colonnes ; elle contient : « indicateur date valeur ». Les colonnes "
        "doivent être séparées par des points-virgules."
    ],
    "bad_duplicate_column.csv": ["La colonne « date » apparaît deux fois dans la ligne d'en-tête."],
    "bad_empty.csv": ["Le fichier est vide."],
    "bad_blank_lines.csv": ["Le fichier est vide."],
    "bad_header_only.csv": ["Le fichier ne contient aucune mesure : seulement la ligne d'en-tête."],
    "bad_binary_junk.csv": [UNREADABLE],
    "bad_undecodable.csv": [UNREADABLE],
    "bad_converted_twice.csv": [
        "Le fichier a été mal converti : ligne 2, « rÃ©alisÃ© » au lieu de « réalisé ». "
        "Ouvrez-le dans votre tableur et enregistrez-le à nouveau au format « CSV UTF-8 »."
    ],
    "bad_old_excel.xls": [
        "Ce fichier est au format Excel 97-2003 (.xls) ou protégé par un mot de passe : "
        "enregistrez-le au format XLSX ou CSV, sans mot de passe."
    ],
    "bad_libreoffice.ods": [
        "Ce fichier est au format OpenDocument (.ods) : enregistrez-le depuis LibreOffice au "
        "format XLSX ou CSV."
    ],
    "bad_damaged.xlsx": [
        "Ce fichier XLSX est illisible ou endommagé : ouvrez-le dans votre tableur et "
        "enregistrez-le à nouveau."
    ],
    "bad_document.pdf": ["Ce fichier est un PDF, pas un tableau. " + SAVE_AS],
}

D = datetime.date
# file → the measurements it creates: (indicator, date, value, level, comment)
ACCEPTED = {
    "ok_windows1252.csv": [
        (
            "Trajets mensuels",
            D(2024, 1, 5),
            Decimal("1234.5"),
            None,
            "Comptage réalisé à la mairie",
        ),
        ("Trajets mensuels", D(2024, 2, 5), Decimal("1300"), None, "Hausse après l'été"),
        ("Conducteurs inscrits", D(2024, 2, 5), Decimal("42"), None, ""),
        ("Satisfaction des usagers", D(2024, 2, 5), None, 1, "Enquête rapide"),
        ("Satisfaction des usagers", D(2024, 3, 5), None, 2, "Deuxième enquête"),
    ],
    "ok_utf8_bom.csv": [
        ("Trajets mensuels", D(2024, 1, 5), Decimal("12.5"), None, "Première mesure — été indien"),
        ("Conducteurs inscrits", D(2024, 2, 5), Decimal("7"), None, "Date courte"),
        ("Conducteurs inscrits", D(2024, 3, 5), Decimal("8"), None, "Date ISO"),
        ("Conducteurs inscrits", D(2024, 4, 1), Decimal("9"), None, "Date en toutes lettres"),
        ("Conducteurs inscrits", D(2024, 5, 5), Decimal("10"), None, "Date et heure"),
    ],
    "ok_comma_separator.csv": [
        ("Trajets mensuels", D(2024, 1, 5), Decimal("1234.5"), None, "Virgule, entre guillemets"),
        ("Conducteurs inscrits", D(2024, 1, 5), Decimal("12"), None, ""),
        ("Conducteurs inscrits", D(2024, 2, 5), Decimal("12.5"), None, "point décimal"),
    ],
    "ok_unicode_text.txt": [
        ("Trajets mensuels", D(2024, 1, 5), Decimal("1234.5"), None, "Texte Unicode d'Excel"),
        ("Satisfaction des usagers", D(2024, 1, 5), None, 3, ""),
    ],
    "ok_sep_line.csv": [("Trajets mensuels", D(2024, 1, 5), Decimal("-3.25"), None, "Baisse")],
    "ok_model_lines.csv": [("Trajets mensuels", D(2024, 1, 5), Decimal("140"), None, "")],
    "ok_excel.xlsx": [
        ("Trajets mensuels", D(2024, 1, 5), Decimal("1234.5"), None, "cellule date et nombre"),
        ("Trajets mensuels", D(2024, 2, 5), Decimal("1300.25"), None, "texte à virgule"),
        ("Satisfaction des usagers", D(2024, 1, 5), None, 1, "niveau par son numéro"),
        ("Satisfaction des usagers", D(2024, 2, 5), None, 3, ""),
        ("Conducteurs inscrits", D(2024, 2, 5), Decimal("0.3"), None, "arrondi"),
    ],
}


def test_it_covers_every_file_of_the_corpus():
    assert sorted(
        path.name
        for path in CORPUS.iterdir()
        if path.suffix != ".md" and not path.name.startswith(".")
    ) == sorted([*REFUSED, *ACCEPTED])


@pytest.fixture
def indicators(experiment):
    trips = IndicatorFactory(experiment=experiment, name="Trajets mensuels", position=1)
    IndicatorFactory(
        experiment=experiment,
        name="Satisfaction des usagers",
        kind=IndicatorKind.QUALITATIVE,
        unit="",
        scale=["insatisfaits", "mitigés", "satisfaits", "très satisfaits"],
        position=2,
    )
    IndicatorFactory(experiment=experiment, name="Conducteurs inscrits", position=3)
    MeasurementFactory(indicator=trips, measured_on=D(2024, 3, 12), value=Decimal(9))


@pytest.mark.parametrize("name", sorted(REFUSED))
def test_it_refuses_the_whole_file_and_reports_each_line(name, experiment, indicators, owner):
    with pytest.raises(MeasurementImportError) as raised:
        import_measurements(
            experiment=experiment,
            data=(CORPUS / name).read_bytes(),
            filename=name,
            actor=owner,
        )

    assert [str(problem) for problem in raised.value.problems] == REFUSED[name]
    assert Measurement.objects.count() == 1  # only the one measured before
    assert not experiment_history(experiment, "import")


@pytest.mark.parametrize("name", sorted(ACCEPTED))
def test_it_imports_every_line_of_a_valid_file(name, experiment, indicators, owner):
    result = import_measurements(
        experiment=experiment, data=(CORPUS / name).read_bytes(), filename=name, actor=owner
    )

    created = Measurement.objects.exclude(measured_on=D(2024, 3, 12)).select_related("indicator")
    assert sorted(
        (m.indicator.name, m.measured_on, m.value, m.level, m.comment) for m in created
    ) == sorted(ACCEPTED[name], key=lambda row: (row[0], row[1]))
    assert {m.recorded_by for m in created} == {owner}
    assert result.count == len(ACCEPTED[name])
    assert experiment_history(experiment, "import")[0].changes == {
        "mesures": len(ACCEPTED[name]),
        "fichier": name,
    }


def test_it_refuses_a_file_with_too_many_lines(experiment, indicators, owner):
    lines = ["indicateur;date;valeur"] + [
        f"Trajets mensuels;{D(2000, 1, 1) + datetime.timedelta(days=day):%d/%m/%Y};{day}"
        for day in range(MAX_IMPORT_ROWS + 1)
    ]
    data = "\r\n".join(lines).encode("utf-8")

    with pytest.raises(MeasurementImportError) as raised:
        import_measurements(experiment=experiment, data=data, filename="gros.csv", actor=owner)

    assert [str(problem) for problem in raised.value.problems] == [
        "Le fichier compte plus de 5\u202f000 lignes de données ; la limite est de 5\u202f000 par "
        "import : découpez-le en plusieurs fichiers."
    ]
    assert Measurement.objects.count() == 1


def test_it_imports_a_file_of_the_largest_size_allowed(experiment, indicators, owner):
    lines = ["indicateur;date;valeur"] + [
        f"Conducteurs inscrits;{D(2000, 1, 1) + datetime.timedelta(days=day):%d/%m/%Y};{day}"
        for day in range(MAX_IMPORT_ROWS)
    ]
    data = "\r\n".join(lines).encode("utf-8")

    result = import_measurements(
        experiment=experiment, data=data, filename="plein.csv", actor=owner
    )

    assert result.count == MAX_IMPORT_ROWS
    assert Measurement.objects.count() == MAX_IMPORT_ROWS + 1


def test_it_reads_the_sheet_named_mesures_of_a_workbook(experiment, indicators, owner):
    """The XLSX export has its measurements on its second sheet: importing it finds them."""
    workbook = Workbook()
    workbook.active.append(["autre chose"])
    sheet = workbook.create_sheet("Mesures")
    sheet.append(["Indicateur", "Date", "Valeur", "Niveau", "Commentaire", "Justificatif"])
    sheet.append(["Satisfaction des usagers", D(2024, 1, 5), None, "Satisfaits", None, "non"])
    sheet.append(["Trajets mensuels", D(2024, 1, 5), 12, None, None, "non"])
    buffer = io.BytesIO()
    workbook.save(buffer)

    result = import_measurements(
        experiment=experiment, data=buffer.getvalue(), filename="export.xlsx", actor=owner
    )

    assert result.count == 2
    assert result.ignored_columns == ["Justificatif"]
    assert Measurement.objects.get(indicator__name="Satisfaction des usagers").level == 2


def test_it_refuses_an_indicator_without_scale(experiment, owner):
    IndicatorFactory(experiment=experiment, name="Ambiance", qualitative=True, scale=[])
    data = b"indicateur;date;valeur\r\nAmbiance;05/01/2024;bonne\r\n"

    with pytest.raises(MeasurementImportError) as raised:
        import_measurements(experiment=experiment, data=data, filename="a.csv", actor=owner)

    assert [str(problem) for problem in raised.value.problems] == [
        "Ligne 2 : l'indicateur qualitatif « Ambiance » n'a pas encore d'échelle : définissez "
        "ses niveaux avant d'importer des mesures."
    ]


def test_it_says_when_the_experiment_has_no_indicator(experiment, owner):
    data = b"indicateur;date;valeur\r\nTrajets;05/01/2024;3\r\n"

    with pytest.raises(MeasurementImportError) as raised:
        import_measurements(experiment=experiment, data=data, filename="a.csv", actor=owner)

    assert [str(problem) for problem in raised.value.problems] == [
        "Ligne 2 : l'indicateur « Trajets » est inconnu ; cette expérimentation n'a encore aucun "
        "indicateur."
    ]


def test_it_ignores_the_measurements_of_other_experiments(experiment, indicators, owner):
    other = MeasurementFactory(
        indicator__name="Trajets mensuels", measured_on=D(2024, 1, 5), value=Decimal(1)
    )
    data = b"indicateur;date;valeur\r\nTrajets mensuels;05/01/2024;3\r\n"

    result = import_measurements(experiment=experiment, data=data, filename="a.csv", actor=owner)

    assert result.count == 1
    assert other.indicator.experiment_id != experiment.pk


def experiment_history(experiment, verb):
    return list(HistoryEntry.objects.of(experiment).filter(verb=verb))


def test_it_asks_to_write_a_name_exactly_when_two_indicators_match(experiment, owner):
    IndicatorFactory(experiment=experiment, name="Trajets")
    IndicatorFactory(experiment=experiment, name="TRAJETS")
    data = b"indicateur;date;valeur\r\ntrajets;05/01/2024;3\r\nTRAJETS;05/01/2024;4\r\n"

    with pytest.raises(MeasurementImportError) as raised:
        import_measurements(experiment=experiment, data=data, filename="a.csv", actor=owner)

    assert [str(problem) for problem in raised.value.problems] == [
        "Ligne 2 : l'indicateur « trajets » correspond à plusieurs indicateurs : « Trajets », "
        "« TRAJETS » ; écrivez-le exactement."
    ]


def test_it_imports_nothing_when_someone_recorded_the_same_day_meanwhile(
    experiment, indicators, owner, monkeypatch
):
    """Between the check and the writing, a measurement was recorded for a date of the file:
    the database refuses the duplicate, and the whole import is undone."""
    from essaim.evaluation import spreadsheets

    check = spreadsheets.check_measurement_file

    def check_then_record(**kwargs):
        plan = check(**kwargs)
        MeasurementFactory(
            indicator=plan.measurements[-1].indicator,
            measured_on=plan.measurements[-1].measured_on,
        )
        return plan

    monkeypatch.setattr(spreadsheets, "check_measurement_file", check_then_record)
    data = (
        b"indicateur;date;valeur\r\nConducteurs inscrits;05/01/2024;3\r\n"
        b"Trajets mensuels;05/01/2024;4\r\n"
    )

    with pytest.raises(MeasurementImportError) as raised:
        import_measurements(experiment=experiment, data=data, filename="a.csv", actor=owner)

    assert [str(problem) for problem in raised.value.problems] == [
        "Des mesures ont été saisies pour les mêmes dates pendant l'import : aucune mesure n'a "
        "été importée. Recommencez l'import."
    ]
    assert Measurement.objects.count() == 2  # the one measured before, the one recorded meanwhile
    assert not experiment_history(experiment, "import")
