"""The guided framing form: one page per step, saved as it goes, with its gauge."""

import datetime

import pytest
from django.urls import reverse

from essaim.core.models import HistoryEntry
from essaim.experiments.models import (
    FRAMING_QUESTIONS,
    LegalBasis,
    NeedOrigin,
    Partner,
    PartnerRole,
    Stage,
)
from essaim.experiments.views.framing import STEPS
from essaim.organisations.models import Organisation
from essaim.roles.models import Role
from tests.conftest import client_for
from tests.experiments.factories import (
    ExperimentFactory,
    FundingFactory,
    HypothesisFactory,
    StopGoCriterionFactory,
)
from tests.territories.factories import TerritoryFactory

pytestmark = pytest.mark.django_db


def framing_url(experiment) -> str:
    return reverse("experiments:framing", args=[experiment.pk])


def step_url(experiment, step: str) -> str:
    return reverse("experiments:framing_step", args=[experiment.pk, step])


def history(experiment) -> list[HistoryEntry]:
    return list(HistoryEntry.objects.of(experiment))


def test_it_has_one_step_per_step_of_the_framing_questions_in_their_order():
    asked = list(dict.fromkeys(step for _, _, step in FRAMING_QUESTIONS))
    assert [step.key for step in STEPS] == asked


# The framing tab ---------------------------------------------------------------------------


def test_it_shows_editors_the_first_open_question(editor, experiment):
    # The framed experiment has its need and purposes, but not where the need comes from.
    response = client_for(editor).get(framing_url(experiment))
    assert response.status_code == 200
    assert "Besoin et finalités" in response.text
    assert "Étape 1 sur 9" in response.text
    assert f'action="{step_url(experiment, "besoin")}"' in response.text


def test_it_shows_editors_the_first_open_step_further_on(editor, experiment):
    experiment.need_origins = [NeedOrigin.UNMET_NEED]
    experiment.save()
    response = client_for(editor).get(framing_url(experiment))
    assert "Étape 2 sur 9" in response.text
    assert "Expérience ou expérimentation ?" in response.text


def test_it_shows_readers_the_summary_and_the_canvas(reader, experiment):
    response = client_for(reader).get(framing_url(experiment))
    assert response.status_code == 200
    assert "Canevas de cadrage" in response.text
    assert "Les habitants sans voiture ne peuvent pas rejoindre la gare." in response.text
    assert '<progress id="jauge-cadrage-barre" max="100" value="25">' in response.text
    assert "<form" not in response.text.split('class="experiment-content"')[1]


def test_it_shows_the_summary_once_every_question_is_answered(editor):
    experiment = complete_experiment()
    experiment.grant(editor, Role.EDITOR)
    response = client_for(editor).get(framing_url(experiment))
    assert "Toutes les questions du cadrage ont une réponse." in response.text
    assert 'value="100"' in response.text
    assert "Revoir le cadrage pas à pas" in response.text


def test_the_framing_tab_refuses_posts(editor, experiment):
    assert client_for(editor).post(framing_url(experiment)).status_code == 405


# A step ------------------------------------------------------------------------------------


def test_a_step_shows_the_steps_with_the_complete_ones_and_the_gauge(editor, experiment):
    response = client_for(editor).get(step_url(experiment, "calendrier"))
    assert response.status_code == 200
    text = response.text
    assert "Étape 5 sur 9" in text
    assert f'<a href="{step_url(experiment, "calendrier")}" aria-current="step">' in text
    assert 'Calendrier et budget<span class="visually-hidden"> (complète)' not in text
    # 4 questions answered out of 16: need, purposes, calendar, legal basis (none set aside)
    assert '<progress id="jauge-cadrage-barre" max="100" value="25">25 %</progress>' in text
    assert "4 questions traitées sur 16" in text
    assert "12 questions encore ouvertes" in text
    assert f'<a href="{step_url(experiment, "hypotheses")}">Quelles hypothèses tester ?</a>' in text
    assert "Durée : <strong>12 mois</strong>" in text
    assert "Enregistrer et continuer" in text


def test_a_complete_step_has_a_tick(editor):
    experiment = complete_experiment()
    experiment.grant(editor, Role.EDITOR)
    text = client_for(editor).get(step_url(experiment, "type")).text
    assert text.count('<span class="visually-hidden"> (complète)</span>') == len(STEPS)
    assert text.count("✓") == len(STEPS)


def test_an_unknown_step_does_not_exist(editor, experiment):
    assert client_for(editor).get(step_url(experiment, "inconnue")).status_code == 404


def test_readers_are_sent_to_the_canvas(reader, contributor, experiment):
    for user in (reader, contributor):
        response = client_for(user).get(step_url(experiment, "perimetre"))
        assert response.status_code == 302
        assert response["Location"] == (
            reverse("experiments:canvas", args=[experiment.pk]) + "#cadre-perimetre"
        )


def test_readers_and_contributors_may_not_change_a_step(reader, contributor, experiment):
    for user in (reader, contributor):
        response = client_for(user).post(
            step_url(experiment, "risques"), {"possible_failures": "x"}
        )
        assert response.status_code == 403
    experiment.refresh_from_db()
    assert experiment.possible_failures == ""


def test_outsiders_do_not_see_the_steps(outsider, experiment):
    assert client_for(outsider).get(step_url(experiment, "besoin")).status_code == 404
    assert client_for(outsider).post(step_url(experiment, "besoin")).status_code == 404
    assert client_for(outsider).get(framing_url(experiment)).status_code == 404


def test_anonymous_users_log_in_first(experiment):
    for response in (
        client_for(None).get(step_url(experiment, "besoin")),
        client_for(None).post(step_url(experiment, "besoin")),
    ):
        assert response.status_code == 302
        assert response["Location"].startswith(reverse("accounts:login"))


def test_a_step_refuses_other_methods(editor, experiment):
    assert client_for(editor).put(step_url(experiment, "besoin")).status_code == 405


# Saving as it goes ---------------------------------------------------------------------------


def need_data(experiment, **changes) -> dict:
    data = {
        "title": experiment.title,
        "theme": experiment.theme_id,
        "summary": experiment.summary,
        "carrier": "",
        "need": experiment.need,
        "need_origins": [],
        "need_origin_detail": "",
        "purposes": experiment.purposes,
        "ensuite": "continuer",
    }
    data.update(changes)
    return data


def test_saving_a_step_saves_writes_the_history_and_goes_on(editor, experiment):
    before = len(history(experiment))
    response = client_for(editor).post(
        step_url(experiment, "besoin"),
        need_data(
            experiment,
            need_origins=[NeedOrigin.ENERGY, NeedOrigin.UNMET_NEED],
            need_origin_detail="Fermeture de la ligne de car en 2019.",
        ),
    )
    assert response.status_code == 302
    assert response["Location"] == step_url(experiment, "type")
    experiment.refresh_from_db()
    assert experiment.need_origins == ["transition_energetique", "besoin_non_satisfait"]
    assert experiment.need_origin_detail == "Fermeture de la ligne de car en 2019."
    entries = history(experiment)
    assert len(entries) == before + 1
    entry = entries[0]
    assert entry.actor == editor
    assert entry.verb == "updated"
    assert entry.summary == (
        "Cadrage, « Besoin et finalités » : origine du besoin, précisions sur l'origine"
    )
    assert entry.changes == {
        "D'où vient ce besoin ?": {
            "avant": "—",
            "après": "transition énergétique, besoin non satisfait",
        },
        "Précisions sur l'origine du besoin": {
            "avant": "—",
            "après": "Fermeture de la ligne de car en 2019.",
        },
    }
    assert experiment.framing_completeness() == 31  # 5 questions out of 16


def test_the_history_names_the_carrier_before_and_after(editor, experiment):
    carrier = Organisation.objects.create(name="PNR de Chartreuse", kind="pnr")
    client_for(editor).post(
        step_url(experiment, "besoin"), need_data(experiment, carrier=carrier.pk)
    )
    entry = history(experiment)[0]
    assert entry.summary == "Cadrage, « Besoin et finalités » : structure porteuse"
    assert entry.changes == {"Structure porteuse": {"avant": "—", "après": "PNR de Chartreuse"}}


def test_enregistrer_stays_on_the_step(editor, experiment):
    client = client_for(editor)
    response = client.post(
        step_url(experiment, "besoin"), need_data(experiment, need="Autre besoin", ensuite="rester")
    )
    assert response["Location"] == step_url(experiment, "besoin")
    page = client.get(response["Location"]).text
    assert "Étape « Besoin et finalités » enregistrée." in page


def test_a_step_saved_without_change_writes_no_history(editor, experiment):
    before = len(history(experiment))
    response = client_for(editor).post(step_url(experiment, "besoin"), need_data(experiment))
    assert response["Location"] == step_url(experiment, "type")
    assert len(history(experiment)) == before


def test_the_type_step_saves_purpose_object_and_nature(editor, experiment):
    response = client_for(editor).post(
        step_url(experiment, "type"),
        {"purpose_type": "tester_solution", "object_type": "service", "nature": "experimentation"},
    )
    assert response["Location"] == step_url(experiment, "hypotheses")
    experiment.refresh_from_db()
    assert (experiment.purpose_type, experiment.object_type, experiment.nature) == (
        "tester_solution",
        "service",
        "experimentation",
    )


def test_the_type_step_explains_experience_and_experimentation(editor, experiment):
    text = client_for(editor).get(step_url(experiment, "type")).text
    assert "Une <strong>expérience</strong>, c'est quelque chose que l'on essaie." in text
    assert "limitée dans le temps, pilotée et évaluée" in text


def test_the_perimeter_offers_the_territories_the_user_sees(editor, outsider, experiment):
    shared = TerritoryFactory(name="Pays de Saillans", communes=["26289", "26015"])
    hidden = TerritoryFactory(name="Territoire caché", private=True, owner=outsider)
    client = client_for(editor)
    text = client.get(step_url(experiment, "perimetre")).text
    assert "Pays de Saillans — pays, 2 communes, 1\xa0534\xa0habitants" in text
    assert "Territoire caché" not in text

    refused = client.post(step_url(experiment, "perimetre"), {"territories": [hidden.pk]})
    assert refused.status_code == 200
    assert "Sélectionnez un choix valide" in refused.text

    response = client.post(
        step_url(experiment, "perimetre"),
        {"target_public": "Habitants sans voiture", "territories": [shared.pk]},
    )
    assert response["Location"] == step_url(experiment, "calendrier")
    assert list(experiment.territories.all()) == [shared]
    entry = history(experiment)[0]
    assert entry.summary == "Cadrage, « Public et périmètre » : public visé, périmètre territorial"
    assert entry.changes["Sur quels territoires ?"] == {"avant": "—", "après": "Pays de Saillans"}


def test_a_territory_already_chosen_stays_for_someone_who_does_not_see_it(
    editor, outsider, experiment
):
    hidden = TerritoryFactory(name="Territoire caché", private=True, owner=outsider)
    experiment.territories.add(hidden)
    client = client_for(editor)
    assert "Territoire caché" in client.get(step_url(experiment, "perimetre")).text
    client.post(
        step_url(experiment, "perimetre"), {"target_public": "", "territories": [hidden.pk]}
    )
    assert list(experiment.territories.all()) == [hidden]


def test_the_calendar_refuses_an_end_before_the_start(editor, experiment):
    response = client_for(editor).post(
        step_url(experiment, "calendrier"), {"start_date": "2025-03-01", "end_date": "2025-01-01"}
    )
    assert response.status_code == 200
    assert "La date de fin doit suivre la date de début." in response.text
    experiment.refresh_from_db()
    assert experiment.end_date == datetime.date(2025, 1, 14)


def test_the_calendar_step_lists_the_budget_by_funder_with_its_total(editor, experiment):
    FundingFactory(experiment=experiment, funder_name="Région", amount=12000)
    FundingFactory(experiment=experiment, funder_name="Commune", amount="2500.50", secured=True)
    text = client_for(editor).get(step_url(experiment, "calendrier")).text
    assert "Région" in text and "Commune" in text
    assert "14\xa0500,50\xa0€" in text
    assert reverse("experiments:add_funding", args=[experiment.pk]) in text


def test_the_legal_basis_needs_the_reference_of_the_deliberation(editor, experiment):
    client = client_for(editor)
    response = client.post(
        step_url(experiment, "acteurs"),
        {"public_actors": "La commune et le département", "legal_basis": "derogation_locale"},
    )
    assert response.status_code == 200
    assert (
        "Indiquez la référence de la délibération de la collectivité qui décide de la "
        "dérogation (Constitution, art. 72 al. 4)."
    ) in response.text
    response = client.post(step_url(experiment, "acteurs"), {"legal_basis": "loi_experimentale"})
    assert "Indiquez la référence de la loi ou du règlement expérimental" in response.text
    assert "art. 37-1" in response.text
    experiment.refresh_from_db()
    assert experiment.legal_basis == LegalBasis.NONE


def test_the_last_step_leads_to_the_canvas(editor, experiment):
    response = client_for(editor).post(
        step_url(experiment, "acteurs"),
        {
            "public_actors": "Conseil municipal",
            "legal_basis": "derogation_locale",
            "legal_reference": "Délibération n° 2024-12 du 3 avril 2024",
            "ensuite": "continuer",
        },
    )
    assert response["Location"] == reverse("experiments:canvas", args=[experiment.pk])
    experiment.refresh_from_db()
    assert experiment.legal_reference == "Délibération n° 2024-12 du 3 avril 2024"


def test_steps_without_a_form_lead_to_the_next(editor, experiment):
    client = client_for(editor)
    text = client.get(step_url(experiment, "hypotheses")).text
    assert "Aucune hypothèse pour l'instant." in text
    assert f'href="{step_url(experiment, "perimetre")}" rel="next" class="button"' in text
    response = client.post(step_url(experiment, "hypotheses"))
    assert response["Location"] == step_url(experiment, "perimetre")


def test_the_risk_step_links_to_the_risk_register(editor, experiment):
    text = client_for(editor).get(step_url(experiment, "risques")).text
    assert reverse("experiments:risks", args=[experiment.pk]) in text
    assert "droit à l'erreur" in text


def test_the_gauge_follows_the_answers(editor, experiment):
    client = client_for(editor)
    client.post(step_url(experiment, "type"), {"purpose_type": "tester_solution"})
    assert 'value="25"' in client.get(step_url(experiment, "type")).text  # still one part missing
    client.post(
        step_url(experiment, "type"),
        {"purpose_type": "tester_solution", "object_type": "regle", "nature": "experience"},
    )
    assert 'value="31"' in client.get(step_url(experiment, "type")).text


def test_a_step_runs_the_same_queries_whatever_the_number_of_children(
    editor, experiment, django_assert_num_queries
):
    client = client_for(editor)
    client.get(step_url(experiment, "evaluation"))
    for total in (3, 30):
        HypothesisFactory.create_batch(total - experiment.hypotheses.count(), experiment=experiment)
        StopGoCriterionFactory.create_batch(
            total - experiment.stop_go_criteria.count(), experiment=experiment
        )
        FundingFactory.create_batch(total - experiment.fundings.count(), experiment=experiment)
        # 1 session, 2 user, 3 the experiment with its carrier and the user's role,
        # 4 hypotheses, 5 territories, 6 fundings, 7 partners, 8 criteria, 9 risks
        with django_assert_num_queries(9):
            assert client.get(step_url(experiment, "evaluation")).status_code == 200


def complete_experiment():
    """An experiment whose every framing question has an answer."""
    experiment = ExperimentFactory(
        framed=True,
        stage=Stage.FRAMING,
        need_origins=[NeedOrigin.SOCIAL],
        purpose_type="tester_solution",
        object_type="service",
        nature="experimentation",
        target_public="Habitants sans voiture",
        success_conditions="150 trajets par mois",
        possible_failures="Trop peu de conducteurs",
        reversibility="Les panneaux se démontent",
        failure_lessons="Les freins à l'autostop",
        public_actors="PNR de Chartreuse",
    )
    HypothesisFactory(experiment=experiment)
    FundingFactory(experiment=experiment)
    StopGoCriterionFactory(experiment=experiment)
    experiment.territories.add(TerritoryFactory())
    organisation = Organisation.objects.create(name="PNR de Chartreuse", kind="pnr")
    Partner.objects.create(
        experiment=experiment, organisation=organisation, role=PartnerRole.CARRIER
    )
    return experiment
