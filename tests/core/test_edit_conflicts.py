"""Every edit page refuses a change to a field someone else changed meanwhile — whether it is
found when the form is checked or only when it is saved — with the French message and the
person's values kept, and saves a change to another field, keeping both."""

from dataclasses import dataclass, field
from decimal import Decimal

import pytest
from django import forms
from django.urls import reverse

from essaim.core.concurrency import VersionedFormMixin
from essaim.core.models import HistoryEntry
from essaim.roles.models import Role
from essaim.territories.models import Commune
from tests.conftest import client_for
from tests.evaluation.factories import IndicatorFactory, JournalEntryFactory, MeasurementFactory
from tests.experiments.factories import ExperimentFactory, HypothesisFactory
from tests.memberships.factories import MembershipFactory, MembershipTypeFactory
from tests.organisations.factories import OrganisationFactory, PersonFactory, TerritoryFactory
from tests.surveys.factories import SurveyFactory, SurveyQuestionFactory
from tests.trainings.factories import CycleFactory, TrainingSessionFactory

pytestmark = pytest.mark.django_db

CONFLICT = "Ce champ a été modifié par quelqu'un d'autre pendant que vous l'éditiez"
THEIRS = "Changé par une autre personne"
MINE = "Changé par moi"


def owned(obj, user):
    obj.grant(user, Role.OWNER)
    return obj


def experiment_of(user):
    return owned(ExperimentFactory(framed=True), user)


def session_page(user):
    session = owned(TrainingSessionFactory(), user)
    return reverse("trainings:session_edit", args=[session.pk]), session


def cycle_page(user):
    cycle = owned(CycleFactory(), user)
    return reverse("trainings:cycle_edit", args=[cycle.pk]), cycle


def survey_page(user):
    survey = SurveyFactory(session=owned(TrainingSessionFactory(), user))
    return reverse("surveys:edit_survey", args=[survey.session.pk, survey.pk]), survey


def survey_question_page(user):
    question = SurveyQuestionFactory(
        survey=SurveyFactory(session=owned(TrainingSessionFactory(), user))
    )
    url = reverse("surveys:edit_question", args=[question.survey.session.pk, question.pk])
    return url, question


def organisation_page(user):
    organisation = owned(OrganisationFactory(), user)
    return reverse("organisations:edit", args=[organisation.pk]), organisation


def person_page(user):
    person = owned(PersonFactory(), user)
    return reverse("organisations:person_edit", args=[person.pk]), person


def territory_page(user):
    territory = owned(TerritoryFactory(description="Un territoire rural."), user)
    territory.communes.add(Commune.objects.order_by("insee_code").first())
    return reverse("territories:edit", args=[territory.pk]), territory


def membership_page(user):
    membership = MembershipFactory(membership_type=owned(MembershipTypeFactory(), user))
    return reverse("memberships:edit", args=[membership.pk]), membership


def membership_type_page(user):
    membership_type = owned(MembershipTypeFactory(description="Pour les personnes."), user)
    return reverse("memberships:type_edit", args=[membership_type.pk]), membership_type


def framing_page(user):
    experiment = experiment_of(user)
    return reverse("experiments:framing_step", args=[experiment.pk, "besoin"]), experiment


def hypothesis_page(user):
    hypothesis = HypothesisFactory(experiment=experiment_of(user))
    url = reverse("experiments:edit_hypothesis", args=[hypothesis.experiment.pk, hypothesis.pk])
    return url, hypothesis


def indicator_page(user):
    indicator = IndicatorFactory(experiment=experiment_of(user))
    url = reverse("evaluation:edit_indicator", args=[indicator.experiment.pk, indicator.pk])
    return url, indicator


def measurement_page(user):
    measurement = MeasurementFactory(
        indicator=IndicatorFactory(experiment=experiment_of(user)), comment="Premier relevé."
    )
    experiment = measurement.indicator.experiment
    return reverse("evaluation:edit_measurement", args=[experiment.pk, measurement.pk]), measurement


def journal_page(user):
    entry = JournalEntryFactory(experiment=experiment_of(user))
    return reverse("evaluation:edit_journal_entry", args=[entry.experiment.pk, entry.pk]), entry


@dataclass(frozen=True)
class EditPage:
    """An edit page, the text field changed by both people, and another field changed only
    by someone else (with the value they give it)."""

    open: object
    same: str
    other: str
    theirs: object = field(default=THEIRS)


PAGES = {
    "session": EditPage(session_page, "title", "audience"),
    "cycle": EditPage(cycle_page, "title", "summary"),
    "questionnaire": EditPage(survey_page, "title", "introduction"),
    "question": EditPage(survey_question_page, "label", "required", theirs=False),
    "organisation": EditPage(organisation_page, "name", "description"),
    "contact": EditPage(person_page, "function", "last_name"),
    "territoire": EditPage(territory_page, "name", "description"),
    "adhesion": EditPage(membership_page, "first_name", "note"),
    "type-adhesion": EditPage(membership_type_page, "name", "description"),
    "cadrage": EditPage(framing_page, "need", "summary"),
    "hypothese": EditPage(hypothesis_page, "statement", "rationale"),
    "indicateur": EditPage(indicator_page, "name", "owner"),
    "mesure": EditPage(measurement_page, "comment", "value", theirs=Decimal("9")),
    "journal": EditPage(journal_page, "title", "what_learned"),
}


def opened_form(client, url) -> dict:
    """What the edit page sends back if nothing is changed, with the version it carries."""
    response = client.get(url)
    assert response.status_code == 200
    data = {}
    form = response.context["form"]
    data.update(_values(form))
    # The fee brackets of a membership type, sent with it.
    if (brackets := response.context.get("brackets")) is not None:
        for each in [brackets.management_form, *brackets.forms]:
            data.update(_values(each))
    return data


def _values(form) -> dict:
    data = {}
    for name, form_field in form.fields.items():
        key = form.add_prefix(name)
        value = form[name].value()
        widget = form_field.widget
        if isinstance(form_field, forms.FileField):
            continue
        if isinstance(widget, forms.CheckboxInput):
            if value:
                data[key] = "on"
            continue
        if getattr(widget, "allow_multiple_selected", False) or isinstance(value, list):
            # A picked commune is sent by its INSEE code, another choice by its key.
            data[key] = [
                str(getattr(item, "value", getattr(item, "pk", item))) for item in value or []
            ]
            continue
        shown = "" if value is None else widget.format_value(value)
        if isinstance(shown, list):
            shown = shown[0] if shown else ""
        data[key] = "" if shown is None else shown
    return data


def change_behind(obj, **values) -> None:
    type(obj)._default_manager.filter(pk=obj.pk).update(**values)


def text_of(response) -> str:
    return response.content.decode().replace("&#x27;", "'").replace("&#39;", "'")


@pytest.mark.parametrize("page", PAGES.values(), ids=PAGES.keys())
def test_it_refuses_a_field_someone_else_changed_since_the_form_was_opened(page, owner):
    url, obj = page.open(owner)
    client = client_for(owner)
    loaded = opened_form(client, url)
    before = getattr(obj, page.same)
    change_behind(obj, **{page.same: THEIRS})
    entries = HistoryEntry.objects.count()

    response = client.post(url, {**loaded, page.same: MINE})

    assert response.status_code == 200
    assert CONFLICT in text_of(response)
    assert response.context["form"][page.same].value() == MINE
    obj.refresh_from_db()
    assert getattr(obj, page.same) == THEIRS != before
    assert HistoryEntry.objects.count() == entries


@pytest.mark.parametrize("page", PAGES.values(), ids=PAGES.keys())
def test_it_refuses_a_field_someone_else_changed_while_it_was_being_saved(page, owner, monkeypatch):
    url, obj = page.open(owner)
    client = client_for(owner)
    loaded = opened_form(client, url)
    entries = HistoryEntry.objects.count()
    checked = VersionedFormMixin._post_clean

    def checked_then_changed_by_someone_else(form) -> None:
        checked(form)
        if isinstance(form.instance, type(obj)) and form.instance.pk == obj.pk:
            change_behind(obj, **{page.same: THEIRS})

    monkeypatch.setattr(VersionedFormMixin, "_post_clean", checked_then_changed_by_someone_else)
    response = client.post(url, {**loaded, page.same: MINE})

    assert response.status_code == 200
    assert CONFLICT in text_of(response)
    assert f"— {THEIRS}" in text_of(response)
    assert response.context["form"][page.same].value() == MINE
    obj.refresh_from_db()
    assert getattr(obj, page.same) == THEIRS
    assert HistoryEntry.objects.count() == entries


@pytest.mark.parametrize("page", PAGES.values(), ids=PAGES.keys())
def test_it_keeps_both_changes_to_different_fields(page, owner):
    url, obj = page.open(owner)
    client = client_for(owner)
    loaded = opened_form(client, url)
    change_behind(obj, **{page.other: page.theirs})

    response = client.post(url, {**loaded, page.same: MINE})

    assert response.status_code == 302, response.context["form"].errors
    obj.refresh_from_db()
    assert getattr(obj, page.same) == MINE
    assert getattr(obj, page.other) == page.theirs
