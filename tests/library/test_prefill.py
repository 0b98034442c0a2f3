"""A sheet started from an experiment is pre-filled with what Essaim knows of it, part by part;
one started from a programme's report sheet needs the sheet validated and its territory's
agreement."""

import datetime
from decimal import Decimal

import pytest
from django.urls import reverse
from django.utils import timezone

from essaim.experiments.models import DecisionKind, Stage
from essaim.experiments.models.decisions import Decision
from essaim.library.models import ExperienceSheet, SheetSource
from essaim.library.services.prefill import draft_from_report_sheet
from essaim.library.services.sheets import SheetError
from essaim.programmes.models import Programme, ProgrammeTerritory, ReportSheet, SheetStatus
from essaim.roles.models import Role
from essaim.scaling.models import (
    KitItem,
    KitItemKind,
    Replication,
    ReplicationStatus,
    ScalingStrategy,
    StrategyKind,
    TransferKit,
)
from essaim.territories.models import Commune
from tests.conftest import client_for
from tests.evaluation.factories import (
    HypothesisVerdictFactory,
    IndicatorFactory,
    JournalEntryFactory,
    MeasurementFactory,
)
from tests.experiments.factories import ExperimentFactory, HypothesisFactory, StepFactory
from tests.library.conftest import territory_of


@pytest.fixture
def experiment(referential, owner):
    experiment = ExperimentFactory(
        framed=True,
        title="Rezo Pouce en Ardèche",
        summary="De l'autostop organisé entre villages.",
        target_public="Jeunes et personnes âgées sans voiture",
        success_conditions="Des élus qui en parlent",
        stage=Stage.SCALING,
        illustrative=True,
    )
    experiment.grant(owner, Role.OWNER)
    experiment.territories.add(territory_of("07186"))
    StepFactory(experiment=experiment, title="Pose des arrêts", description="Douze arrêts signalés")
    hypothesis = HypothesisFactory(experiment=experiment, statement="Les arrêts signalés attirent")
    HypothesisVerdictFactory(hypothesis=hypothesis, rationale="Les trajets ont doublé.")
    indicator = IndicatorFactory(
        experiment=experiment, name="Trajets par mois", unit="trajets", target_value=Decimal(1500)
    )
    MeasurementFactory(
        indicator=indicator, measured_on=datetime.date(2024, 9, 30), value=Decimal("1234.5")
    )
    JournalEntryFactory(
        experiment=experiment, title="Les panneaux", what_learned="La signalétique compte."
    )
    Decision.objects.create(
        experiment=experiment,
        kind=DecisionKind.SCALE,
        decided_on=datetime.date(2024, 10, 15),
        rationale="Trois communautés de communes le demandent.",
        stage_before=Stage.DECISION,
        stage_after=Stage.SCALING,
    )
    kit = TransferKit.objects.create(
        experiment=experiment,
        slug="rezo-pouce",
        title="Rezo Pouce",
        charter_conditions="Signer la charte des arrêts",
    )
    KitItem.objects.create(kit=kit, kind=KitItemKind.PREREQUISITE, title="Une commune motrice")
    KitItem.objects.create(kit=kit, kind=KitItemKind.CORE, title="SOCLE-NON-REPRIS")
    for name, insee in (("Réplique de Die", "26113"), ("Réplique de Crest", "26108")):
        Replication.objects.create(
            model_experiment=experiment,
            name=name,
            commune=Commune.objects.get(insee_code=insee),
            status=ReplicationStatus.ACTIVE,
        )
    ScalingStrategy.objects.create(experiment=experiment, strategy=StrategyKind.LOOSE_NETWORK)
    return experiment


def test_it_prefills_each_part_from_the_experiment(experiment, owner):
    response = client_for(owner).post(
        reverse("library:new_sheet"),
        {"start": SheetSource.EXPERIMENT, "experiment": experiment.pk},
    )
    assert response.status_code == 302
    sheet = ExperienceSheet.objects.get()
    assert sheet.source == SheetSource.EXPERIMENT and sheet.experiment == experiment
    assert sheet.title == "Rezo Pouce en Ardèche"
    assert sheet.summary == "De l'autostop organisé entre villages."
    # The framing
    assert "Les habitants sans voiture ne peuvent pas rejoindre la gare." in sheet.context
    assert "Permettre à chacun de se déplacer sans voiture personnelle." in sheet.context
    assert "Jeunes et personnes âgées sans voiture" in sheet.context
    # The method
    assert "- Pose des arrêts (depuis le 1er février 2024) : Douze arrêts signalés" in sheet.tried
    # The results: the figure written the French way, the verdict, the decision
    assert (
        "Trajets par mois : 1\xa0234,5\xa0trajets pour une cible de 1\xa0500\xa0trajets "
        "(dernière mesure le 30 septembre 2024)"
    ) in sheet.results
    assert "Les arrêts signalés attirent — confirmée : Les trajets ont doublé." in sheet.results
    assert (
        "15 octobre 2024, décision de changer d'échelle : Trois communautés de communes le "
        "demandent."
    ) in sheet.results
    # The journal
    assert sheet.learned == "- Les panneaux : La signalétique compte."
    # The framing's conditions, the kit's prerequisites and charter, the network
    assert "Des élus qui en parlent" in sheet.conditions
    assert "- Une commune motrice" in sheet.conditions
    assert "SOCLE-NON-REPRIS" not in sheet.conditions
    assert "Signer la charte des arrêts" in sheet.conditions
    assert "Le modèle a été repris par 2 territoires : Crest et Die." in sheet.conditions
    # Where, when, what
    assert sheet.territory == experiment.territories.get()
    assert sheet.commune.insee_code == "07186" and sheet.departement.code == "07"
    assert sheet.year_start == 2024 and sheet.year_end == 2025
    assert sheet.stage == Stage.SCALING
    assert sheet.strategy == StrategyKind.LOOSE_NETWORK
    assert [theme.slug for theme in sheet.themes.all()] == ["mobilite"]
    assert sheet.illustrative
    assert sheet.publication_status == "draft"


def test_the_overview_link_preselects_the_experiment(experiment, owner):
    url = reverse("library:new_sheet") + f"?experimentation={experiment.pk}"
    form = client_for(owner).get(url).context["form"]
    assert form["start"].value() == SheetSource.EXPERIMENT
    assert form["experiment"].value() == experiment.pk


@pytest.fixture
def report_sheet(referential, owner) -> ReportSheet:
    programme = Programme.objects.create(
        title="S'organiser pour innover",
        slug="s-organiser",
        start_date=datetime.date(2014, 11, 1),
        end_date=datetime.date(2016, 2, 29),
    )
    programme.grant(owner, Role.OWNER)
    territory = ProgrammeTerritory.objects.create(
        programme=programme,
        name="Pays des Trois Vallées",
        perimeter=territory_of("26198"),
        status_since=datetime.date(2014, 11, 1),
    )
    return ReportSheet.objects.create(
        territory=territory,
        context="Un pays de trente communes.",
        governance="Un comité de pilotage élargi.",
        participation="Des ateliers d'habitants.",
        strengths="Des élus engagés.",
        difficulties="Peu d'ingénierie.",
        keys="La confiance.",
        levers="Mutualiser un poste.",
        status=SheetStatus.VALIDATED,
        validated_at=timezone.now(),
    )


def test_a_report_sheet_without_the_territory_s_agreement_is_refused(report_sheet, owner):
    with pytest.raises(SheetError, match="pas encore accepté"):
        draft_from_report_sheet(report_sheet)
    client = client_for(owner)
    assert "Pays des Trois Vallées" not in client.get(reverse("library:new_sheet")).text
    response = client.post(
        reverse("library:new_sheet"),
        {"start": SheetSource.REPORT_SHEET, "report_sheet": report_sheet.pk},
    )
    assert response.status_code == 400
    assert not ExperienceSheet.objects.exists()


def test_a_report_sheet_not_validated_is_refused(report_sheet):
    report_sheet.status = SheetStatus.SENT
    report_sheet.publication_agreed_at = timezone.now()
    with pytest.raises(SheetError, match="validée"):
        draft_from_report_sheet(report_sheet)


def test_an_agreed_report_sheet_prefills_the_sheet(report_sheet, owner):
    report_sheet.publication_agreed_at = timezone.now()
    report_sheet.save()
    response = client_for(owner).post(
        reverse("library:new_sheet"),
        {"start": SheetSource.REPORT_SHEET, "report_sheet": report_sheet.pk},
    )
    assert response.status_code == 302
    sheet = ExperienceSheet.objects.get()
    assert sheet.source == SheetSource.REPORT_SHEET and sheet.report_sheet == report_sheet
    assert sheet.title == "Pays des Trois Vallées — S'organiser pour innover"
    assert sheet.context == "Un pays de trente communes."
    assert "Gouvernance :\nUn comité de pilotage élargi." in sheet.tried
    assert "Participation :\nDes ateliers d'habitants." in sheet.tried
    assert "Atouts :\nDes élus engagés." in sheet.results
    assert "Difficultés :\nPeu d'ingénierie." in sheet.results
    assert sheet.learned == "La confiance."
    assert sheet.conditions == "Mutualiser un poste."
    assert sheet.territory == report_sheet.territory.perimeter
    assert sheet.departement.code == "26"
    assert (sheet.year_start, sheet.year_end) == (2014, 2016)


def test_prefilled_values_are_cut_to_their_column(report_sheet, owner):
    """A territory and a programme whose names together pass the 200 characters of a title
    still make a draft: the title is cut, and the sheet saves on PostgreSQL too."""
    programme = report_sheet.territory.programme
    programme.title = "Un programme au très long intitulé " * 7  # 245 characters
    programme.save()
    report_sheet.publication_agreed_at = timezone.now()
    report_sheet.save()

    draft = draft_from_report_sheet(report_sheet)
    assert len(draft.fields["title"]) == 200
    assert draft.fields["title"].startswith("Pays des Trois Vallées — Un programme")

    response = client_for(owner).post(
        reverse("library:new_sheet"),
        {"start": SheetSource.REPORT_SHEET, "report_sheet": report_sheet.pk},
    )
    assert response.status_code == 302
    assert ExperienceSheet.objects.get().title == draft.fields["title"]


@pytest.mark.parametrize("given", ["²", "١٢", "9" * 40, "12345678901"])
def test_a_malformed_experiment_number_shows_the_form(referential, owner, given):
    url = reverse("library:new_sheet") + f"?experimentation={given}"
    response = client_for(owner).get(url)
    assert response.status_code == 200
    assert response.context["form"]["experiment"].value() is None
