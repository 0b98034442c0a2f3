"""Every form that changes an existing object carries, in a hidden field, the version it was
loaded from: the values of its fields, signed."""

import importlib
import pkgutil

import pytest
from django import forms

import essaim
from essaim.core.concurrency import VersionedFormMixin, fingerprint_of, read_version
from essaim.evaluation.forms.indicators import (
    EvaluationQuestionForm,
    IndicatorForm,
    IndicatorTargetForm,
    MeasurementForm,
)
from essaim.evaluation.forms.journal import JournalEntryForm
from essaim.evaluation.forms.verdicts import HypothesisVerdictForm
from essaim.experiments.forms import framing, method, risks
from essaim.governance import forms as governance
from essaim.memberships.forms import FeeBracketForm, MembershipForm, MembershipTypeForm
from essaim.memberships.models import MembershipType
from essaim.organisations.forms import OrganisationForm, PersonForm
from essaim.surveys.forms import QuestionForm as SurveyQuestionForm
from essaim.surveys.forms import SurveyForm
from essaim.territories.forms import TerritoryForm
from essaim.trainings.forms import programme
from essaim.trainings.forms.cycles import CycleForm
from essaim.trainings.forms.sessions import SessionForm
from tests.evaluation import factories as evaluation
from tests.experiments import factories as experiments
from tests.memberships import factories as memberships
from tests.organisations import factories as organisations
from tests.surveys import factories as surveys
from tests.territories.factories import TerritoryFactory
from tests.trainings import factories as trainings

pytestmark = pytest.mark.django_db

FRAMING_STEPS = [
    framing.NeedForm,
    framing.TypeForm,
    framing.PerimeterForm,
    framing.CalendarForm,
    framing.EvaluationForm,
    framing.RisksForm,
    framing.ActorsForm,
]

# Each edit form, how to make the object it changes, and the other arguments it takes.
EDIT_FORMS = [
    *[
        (form, experiments.ExperimentFactory, lambda obj, user: {"user": user})
        for form in FRAMING_STEPS
    ],
    (framing.HypothesisForm, experiments.HypothesisFactory, None),
    (framing.FundingForm, experiments.FundingFactory, None),
    (framing.StopGoCriterionForm, experiments.StopGoCriterionFactory, None),
    (risks.RiskForm, experiments.RiskFactory, None),
    (method.StepForm, experiments.StepFactory, None),
    (method.OutcomeForm, experiments.OutcomeFactory, None),
    (
        method.OutcomeLinkForm,
        experiments.OutcomeLinkFactory,
        lambda obj, user: {"experiment": obj.source.experiment},
    ),
    (governance.BodyForm, experiments.BodyFactory, None),
    (governance.BodyMemberForm, experiments.BodyMemberFactory, lambda obj, user: {"user": user}),
    (
        governance.MeetingForm,
        experiments.MeetingFactory,
        lambda obj, user: {"owner": obj.body.owner},
    ),
    (
        governance.LoggedDecisionForm,
        experiments.LoggedDecisionFactory,
        lambda obj, user: {"owner": obj.owner},
    ),
    (EvaluationQuestionForm, evaluation.EvaluationQuestionFactory, None),
    (IndicatorForm, evaluation.IndicatorFactory, lambda obj, user: {"experiment": obj.experiment}),
    (IndicatorTargetForm, evaluation.IndicatorTargetFactory, None),
    (
        MeasurementForm,
        evaluation.MeasurementFactory,
        lambda obj, user: {"indicator": obj.indicator},
    ),
    (
        JournalEntryForm,
        evaluation.JournalEntryFactory,
        lambda obj, user: {"experiment": obj.experiment},
    ),
    (
        HypothesisVerdictForm,
        evaluation.HypothesisVerdictFactory,
        lambda obj, user: {"experiment": obj.hypothesis.experiment},
    ),
    (SessionForm, trainings.TrainingSessionFactory, lambda obj, user: {"user": user}),
    (CycleForm, trainings.CycleFactory, None),
    (programme.SlotForm, trainings.SlotFactory, lambda obj, user: {"session": obj.session}),
    (
        programme.SpeakerForm,
        trainings.SpeakerFactory,
        lambda obj, user: {"session": obj.session, "user": user},
    ),
    (
        programme.TestimonyForm,
        trainings.TestimonyFactory,
        lambda obj, user: {"session": obj.session, "user": user},
    ),
    (
        programme.QuestionForm,
        trainings.RegistrationQuestionFactory,
        lambda obj, user: {"session": obj.session},
    ),
    (SurveyForm, surveys.SurveyFactory, None),
    (SurveyQuestionForm, surveys.SurveyQuestionFactory, None),
    (MembershipTypeForm, memberships.MembershipTypeFactory, None),
    (FeeBracketForm, memberships.FeeBracketFactory, None),
    (
        MembershipForm,
        memberships.MembershipFactory,
        lambda obj, user: {"types": MembershipType.objects.all()},
    ),
    (OrganisationForm, organisations.OrganisationFactory, lambda obj, user: {"user": user}),
    (PersonForm, organisations.PersonFactory, None),
    (TerritoryForm, TerritoryFactory, None),
]


@pytest.mark.parametrize(
    ("form_class", "factory", "arguments"),
    EDIT_FORMS,
    ids=[f"{form.__module__.split('.')[1]}.{form.__name__}" for form, *_ in EDIT_FORMS],
)
def test_it_carries_the_version_it_was_loaded_from(form_class, factory, arguments, owner):
    instance = factory()
    form = form_class(instance=instance, **(arguments(instance, owner) if arguments else {}))
    version = form["version"]
    assert version.is_hidden
    assert 'type="hidden" name="version"' in str(version)
    loaded = read_version(version.value())
    assert loaded
    assert loaded == fingerprint_of(instance, loaded)
    assert set(loaded) <= set(form.fields)


# Forms of existing objects that other rules protect: a person's own registration, profile
# and tokens.
NOT_SHARED = {"RegistrationDetailsForm", "RegistrationForm", "ProfileForm", "ApiTokenForm"}
# Forms that only ever create: an attachment is added or removed, never edited.
ONLY_CREATE = {"AttachmentForm"}
# Rows of a formset versioned as a whole with their parent: the quotes of an interview note
# (``programmes.services.interviews.quotes_version``).
VERSIONED_WITH_PARENT = {"QuoteForm"}


def model_forms(cls=forms.ModelForm):
    for subclass in cls.__subclasses__():
        if subclass.__module__.startswith("essaim.") and subclass._meta.model is not None:
            yield subclass
        yield from model_forms(subclass)


def test_every_model_form_of_a_shared_object_is_versioned():
    for module in pkgutil.walk_packages(essaim.__path__, "essaim."):
        if module.name.endswith((".forms", ".forms.__init__")) or ".forms." in module.name:
            importlib.import_module(module.name)
    found = {
        form
        for form in model_forms()
        if form.__name__ not in NOT_SHARED | ONLY_CREATE | VERSIONED_WITH_PARENT
    }
    assert len(found) > 30
    assert {form.__name__ for form in found if not issubclass(form, VersionedFormMixin)} == set()
