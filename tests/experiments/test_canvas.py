"""The framing canvas: the whole framing on one page, printable on one A4 landscape sheet."""

from pathlib import Path

import pytest
from django.conf import settings
from django.template.loader import render_to_string
from django.urls import reverse

from essaim.experiments import services
from essaim.experiments.models import Experiment, Partner, PartnerRole, Risk
from essaim.organisations.models import Organisation
from tests.conftest import client_for
from tests.experiments.factories import (
    ExperimentFactory,
    FundingFactory,
    HypothesisFactory,
    StopGoCriterionFactory,
)
from tests.territories.factories import TerritoryFactory

pytestmark = pytest.mark.django_db

BOXES = [
    "Besoin ou problème",
    "Finalités",
    "Type d'expérimentation",
    "Hypothèses à tester",
    "Public visé",
    "Périmètre territorial",
    "Calendrier",
    "Budget et financeurs",
    "Partenaires",
    "Réussite et évaluation",
    "Critères d'arrêt ou de poursuite",
    "Risques et droit à l'erreur",
    "Acteurs publics et base juridique",
]


def url(experiment) -> str:
    return reverse("experiments:canvas", args=[experiment.pk])


def test_it_shows_every_box_and_what_is_still_to_complete(reader):
    experiment = ExperimentFactory(title="Bricobus")
    experiment.grant(reader, "reader")
    text = client_for(reader).get(url(experiment)).text
    for box in BOXES:
        assert f">{box}</h3>" in text
    assert text.count('<p class="canvas__todo">À compléter</p>') == len(BOXES)
    # The legal basis has an answer from the start: no rule is set aside.
    assert "Base juridique :</span> aucune règle écartée" in text
    assert "Modifier<span" not in text  # readers get no edit links


def test_it_shows_the_whole_framing(editor, experiment):
    experiment.need_origins = ["crise", "transition_sociale"]
    experiment.nature = "experimentation"
    experiment.legal_basis = "derogation_locale"
    experiment.legal_reference = "Délibération n° 2024-12"
    experiment.possible_failures = "Trop peu de conducteurs"
    experiment.save()
    HypothesisFactory(experiment=experiment, statement="Si on signale les arrêts, alors…")
    FundingFactory(experiment=experiment, funder_name="Région", amount=12000)
    StopGoCriterionFactory(experiment=experiment, threshold="au moins 150 trajets par mois")
    experiment.territories.add(TerritoryFactory(name="Pays de Saillans", communes=["26289"]))
    organisation = Organisation.objects.create(name="PNR de Chartreuse", kind="pnr")
    Partner.objects.create(
        experiment=experiment,
        organisation=organisation,
        role=PartnerRole.CARRIER,
        contribution="Animation du réseau",
    )
    Risk.objects.create(experiment=experiment, description="Météo", likelihood=2, impact=1)
    text = client_for(editor).get(url(experiment)).text
    for expected in (
        "Les habitants sans voiture ne peuvent pas rejoindre la gare.",
        "Origine :</span> crise, transition sociale",
        "Expérimentation (cadrée, limitée dans le temps, évaluée)",
        "Si on signale les arrêts, alors…",
        'Pays de Saillans <span class="canvas__muted">(1 commune, 1\xa0460\xa0habitants)',
        "15 janvier 2024",
        "14 janvier 2025",
        "12 mois",
        "12\xa0000\xa0€",
        "<strong>PNR de Chartreuse</strong> — porteur : Animation du réseau",
        "au moins 150 trajets par mois",
        "Trop peu de conducteurs",
        "1 risque au registre.",
        "dérogation d&#x27;une collectivité (Constitution, art. 72 al. 4) — "
        "Délibération n° 2024-12",
    ):
        assert expected in text
    # Editors get a link from each box to its step of the guided form.
    step = reverse("experiments:framing_step", args=[experiment.pk, "acteurs"])
    assert f'<a href="{step}">Modifier' in text


def test_it_prints_without_inline_script_and_with_an_a4_landscape_page(reader, experiment):
    text = client_for(reader).get(url(experiment)).text
    assert '<button type="button" class="button" data-print hidden>Imprimer</button>' in text
    assert '<script src="/static/experiments/print.js" defer></script>' in text
    assert "onclick" not in text and "javascript:" not in text
    assert "Ctrl+P" in text
    css = (Path(settings.BASE_DIR) / "core/static/essaim/essaim.css").read_text()
    assert "@page canvas { size: A4 landscape; margin: 10mm; }" in css


def test_the_canvas_partial_renders_without_a_query(experiment, django_assert_num_queries):
    FundingFactory(experiment=experiment)
    HypothesisFactory(experiment=experiment)
    experiment.territories.add(TerritoryFactory())
    fetched = services.with_framing(Experiment.objects.filter(pk=experiment.pk)).get()
    with django_assert_num_queries(0):
        html = render_to_string("experiments/_canvas.html", {"experiment": fetched})
    assert "Canevas de cadrage" in html


def test_the_number_of_queries_does_not_grow_with_the_framing(
    reader, experiment, django_assert_num_queries
):
    client = client_for(reader)
    client.get(url(experiment))
    for total in (3, 30):
        HypothesisFactory.create_batch(total - experiment.hypotheses.count(), experiment=experiment)
        FundingFactory.create_batch(total - experiment.fundings.count(), experiment=experiment)
        StopGoCriterionFactory.create_batch(
            total - experiment.stop_go_criteria.count(), experiment=experiment
        )
        # 1 session, 2 user, 3 the experiment with its carrier and the user's role,
        # 4 hypotheses, 5 territories, 6 fundings, 7 partners, 8 criteria, 9 risks
        with django_assert_num_queries(9):
            assert client.get(url(experiment)).status_code == 200


def test_outsiders_do_not_see_it_and_anonymous_users_log_in(outsider, experiment):
    assert client_for(outsider).get(url(experiment)).status_code == 404
    response = client_for(None).get(url(experiment))
    assert response.status_code == 302
    assert response["Location"].startswith(reverse("accounts:login"))


def test_it_refuses_posts(editor, experiment):
    assert client_for(editor).post(url(experiment)).status_code == 405
