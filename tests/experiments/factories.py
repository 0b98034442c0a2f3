import datetime
from decimal import Decimal

import factory

from essaim.experiments.models import (
    Experiment,
    Funding,
    FundingKind,
    Hypothesis,
    Risk,
    Stage,
    Step,
    StopGoCriterion,
)
from essaim.governance.models import Body, BodyKind, BodyMember, Meeting
from essaim.themes.models import Theme


class ExperimentFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Experiment

    title = factory.Sequence(lambda n: f"Expérimentation {n}")
    theme = factory.LazyFunction(lambda: Theme.objects.get(slug="mobilite"))
    stage = Stage.IDEA

    class Params:
        framed = factory.Trait(
            stage=Stage.FRAMING,
            need="Les habitants sans voiture ne peuvent pas rejoindre la gare.",
            purposes="Permettre à chacun de se déplacer sans voiture personnelle.",
            start_date=datetime.date(2024, 1, 15),
            end_date=datetime.date(2025, 1, 14),
            evaluation_method="Comptage mensuel des trajets et entretiens avec les usagers.",
        )


class HypothesisFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Hypothesis

    experiment = factory.SubFactory(ExperimentFactory)
    statement = factory.Sequence(
        lambda n: f"Si l'arrêt est signalé, alors les trajets augmentent ({n})."
    )


class StopGoCriterionFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = StopGoCriterion

    experiment = factory.SubFactory(ExperimentFactory)
    description = "Trajets mensuels"
    threshold = "au moins 150 trajets par mois"


class FundingFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Funding

    experiment = factory.SubFactory(ExperimentFactory)
    funder_name = "Région Auvergne-Rhône-Alpes"
    kind = FundingKind.PUBLIC
    amount = Decimal("12000")


class RiskFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Risk

    experiment = factory.SubFactory(ExperimentFactory)
    description = "Trop peu de conducteurs inscrits"
    likelihood = 2
    impact = 3


class StepFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Step

    experiment = factory.SubFactory(ExperimentFactory)
    title = factory.Sequence(lambda n: f"Étape {n}")
    start_date = datetime.date(2024, 2, 1)
    end_date = datetime.date(2024, 4, 30)


class BodyFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Body

    class Params:
        experiment = factory.SubFactory(ExperimentFactory)

    owner = factory.SelfAttribute("experiment")
    kind = BodyKind.STEERING
    name = "Comité de pilotage"


class BodyMemberFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = BodyMember

    body = factory.SubFactory(BodyFactory)
    name = factory.Sequence(lambda n: f"Membre {n}")
    role_in_body = "élu référent"


class MeetingFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Meeting

    body = factory.SubFactory(BodyFactory)
    starts_at = factory.LazyFunction(
        lambda: datetime.datetime(2024, 3, 12, 14, 0, tzinfo=datetime.UTC)
    )
    ends_at = factory.LazyFunction(
        lambda: datetime.datetime(2024, 3, 12, 16, 30, tzinfo=datetime.UTC)
    )
    place = "Mairie de Crest"
    agenda = "Bilan du premier trimestre"


class OutcomeFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = "experiments.Outcome"

    experiment = factory.SubFactory(ExperimentFactory)
    level = "activite"
    title = factory.Sequence(lambda n: f"Maillon {n}")


class OutcomeLinkFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = "experiments.OutcomeLink"

    source = factory.SubFactory(OutcomeFactory)
    target = factory.SubFactory(
        OutcomeFactory, experiment=factory.SelfAttribute("..source.experiment"), level="impact"
    )
    rationale = "Plus de trajets partagés, moins de voitures sur la route."
    assumptions = "Les conducteurs s'arrêtent aux points d'autostop."


class MeetingAttendanceFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = "governance.MeetingAttendance"

    meeting = factory.SubFactory(MeetingFactory)
    member = factory.SubFactory(BodyMemberFactory, body=factory.SelfAttribute("..meeting.body"))
    status = "present"


class LoggedDecisionFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = "governance.LoggedDecision"

    class Params:
        experiment = factory.SubFactory(ExperimentFactory)

    owner = factory.SelfAttribute("experiment")
    decided_on = datetime.date(2024, 3, 12)
    subject = factory.Sequence(lambda n: f"Décision {n}")
    options_considered = "Continuer ; ajuster les horaires ; arrêter."
    decision = "Ajuster les horaires des navettes."
    rationale = "Les usagers ne viennent pas le matin."
