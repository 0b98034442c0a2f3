"""The list of the user's experiments: stage, next step, last decision, indicator progress."""

import datetime
from decimal import Decimal

import pytest
from django.urls import reverse

from essaim.experiments.models import Decision, DecisionKind, Stage, StepStatus
from essaim.roles.models import Role
from tests.conftest import client_for
from tests.evaluation.factories import IndicatorFactory, MeasurementFactory
from tests.experiments.factories import ExperimentFactory, StepFactory
from tests.territories.factories import TerritoryFactory
from tests.themes.factories import theme

pytestmark = pytest.mark.django_db

URL = reverse("experiments:list")


def shared_with(user, role=Role.READER, **fields):
    experiment = ExperimentFactory(**fields)
    experiment.grant(user, role)
    return experiment


def decide(experiment, kind: DecisionKind, on: datetime.date) -> Decision:
    return Decision.objects.create(
        experiment=experiment,
        kind=kind,
        decided_on=on,
        rationale="Les trajets progressent.",
        stage_before=Stage.RUNNING,
        stage_after=Stage.RUNNING,
    )


def with_indicators(experiment, count: int = 2) -> None:
    """``count`` indicators from 0 to 20, each measured at 4 then 10: 50 % each."""
    for _ in range(count):
        indicator = IndicatorFactory(experiment=experiment)
        MeasurementFactory(indicator=indicator, value=Decimal("4"))
        MeasurementFactory(indicator=indicator, value=Decimal("10"))


def test_it_requires_login(client, db):
    response = client.get(URL)
    assert response.status_code == 302
    assert response["Location"].startswith(reverse("accounts:login"))


def test_it_lists_only_the_experiments_the_user_sees(reader, experiment):
    ExperimentFactory(title="Une expérimentation d'ailleurs")
    text = client_for(reader).get(URL).text
    assert "Autostop organisé en Chartreuse" in text
    assert "Une expérimentation d&#x27;ailleurs" not in text
    assert "1 expérimentation" in text


def test_it_shows_stage_theme_territories_next_step_decision_and_progress(reader):
    experiment = shared_with(reader, title="Rezo Pouce", stage=Stage.RUNNING)
    experiment.territories.add(TerritoryFactory(name="PNR de Chartreuse"))
    StepFactory(experiment=experiment, title="Lancement", status=StepStatus.DONE)
    StepFactory(
        experiment=experiment,
        title="Bilan à six mois",
        start_date=datetime.date(2024, 7, 1),
        end_date=None,
    )
    StepFactory(
        experiment=experiment,
        title="Bilan final",
        start_date=datetime.date(2024, 12, 1),
        end_date=None,
    )
    decide(experiment, DecisionKind.ADJUST, datetime.date(2024, 3, 1))
    decide(experiment, DecisionKind.CONTINUE, datetime.date(2024, 6, 1))
    with_indicators(experiment)
    IndicatorFactory(experiment=experiment, qualitative=True)  # no progress: left out
    text = client_for(reader).get(URL).text
    assert '<span class="badge badge--stage badge--en_cours">En cours</span>' in text
    assert "Mobilité" in text
    assert "PNR de Chartreuse" in text
    assert "Bilan à six mois" in text and "Bilan final" not in text and "Lancement" not in text
    assert "Poursuivre" in text and "Ajuster" not in text
    assert '<progress max="100" value="50" aria-hidden="true"></progress> 50 %' in text


def test_it_filters_by_title_stage_theme_and_territory(owner):
    drome = TerritoryFactory(name="Vallée de la Drôme")
    bricobus = shared_with(owner, title="Bricobus", theme=theme("habitat"), stage=Stage.RUNNING)
    shared_with(owner, title="Centrales villageoises", theme=theme("energie"))
    saillans = shared_with(owner, title="Saillans", theme=theme("democratie"), stage=Stage.RUNNING)
    saillans.territories.add(drome)
    client = client_for(owner)

    def titles(**query) -> set[str]:
        text = client.get(URL, query).text
        return {
            title
            for title in ("Bricobus", "Centrales villageoises", "Saillans")
            if f">{title}</a>" in text
        }

    assert titles(q="brico") == {"Bricobus"}
    assert titles(stage=Stage.RUNNING) == {"Bricobus", "Saillans"}
    assert titles(theme="energie") == {"Centrales villageoises"}
    assert titles(territory=drome.pk) == {"Saillans"}
    assert titles(stage=Stage.RUNNING, theme="habitat") == {"Bricobus"}
    assert bricobus.pk  # used
    text = client.get(URL, {"q": "zzz"}).text
    assert "Aucune expérimentation ne correspond à votre recherche." in text


def test_the_territory_filter_offers_the_territories_of_the_users_experiments(owner):
    shared_with(owner).territories.add(TerritoryFactory(name="Pays de Saillans"))
    ExperimentFactory().territories.add(TerritoryFactory(name="Pays d'ailleurs"))
    text = client_for(owner).get(URL).text
    assert "Pays de Saillans</option>" in text
    assert "Pays d&#x27;ailleurs" not in text


def test_it_invites_to_create_the_first_experiment(outsider):
    text = client_for(outsider).get(URL).text
    assert "Aucune expérimentation pour l'instant" in text
    assert reverse("experiments:create") in text


def test_it_paginates_by_25(reader):
    for number in range(30):
        shared_with(reader, title=f"Expérimentation {number:02d}")
    client = client_for(reader)
    first = client.get(URL).text
    assert "Page 1 sur 2" in first and "Expérimentation 29" not in first
    assert "Expérimentation 29" in client.get(URL, {"page": 2}).text


def test_it_refuses_posts(reader):
    assert client_for(reader).post(URL).status_code == 405


def test_the_number_of_queries_does_not_grow_with_the_experiments(
    reader, django_assert_num_queries
):
    client = client_for(reader)
    client.get(URL)
    territory = TerritoryFactory()
    for total in (3, 30):
        while reader.object_roles.count() < total:
            experiment = shared_with(reader)
            experiment.territories.add(territory)
            with_indicators(experiment, count=2)
            StepFactory(experiment=experiment)
            decide(experiment, DecisionKind.CONTINUE, datetime.date(2024, 6, 1))
        # 1 session, 2 user, 3 the territories the filter offers (which also check the one
        # filtered on), 4 the page of experiments with their count, next step and last
        # decision, 5 their territories, 6 indicators with their current values (the
        # measurements are not read), 7 the themes the filter offers
        # + 1: the generations of the tables, read before the page is made (page_cache.py)
        with django_assert_num_queries(8):
            response = client.get(URL, {"territory": territory.pk, "stage": Stage.IDEA})
        assert response.status_code == 200
