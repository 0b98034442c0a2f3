"""Les centrales villageoises, de la construction d'un modèle à son essaimage — an experiment
that has moved on to scaling.

Public facts: the case was presented by two board members of the association des centrales
villageoises at Cap Rural's webconferences of 2021; the first centrale villageoise plant was
connected in 2014. The calendar, figures, meeting, journal and decision are illustrative.
"""

from datetime import date, datetime

from essaim.demo.data.experiments.spec import (
    BodySpec,
    CaseSpec,
    CriterionSpec,
    Decide,
    FundingSpec,
    HypothesisSpec,
    IndicatorSpec,
    JournalSpec,
    LoggedDecisionSpec,
    MeetingSpec,
    MemberSpec,
    Move,
    PartnerSpec,
    QuestionSpec,
    RiskSpec,
    StepSpec,
    VerdictSpec,
    series,
)
from essaim.evaluation.models import EntryKind, EvaluationCriterion, Frequency, Verdict
from essaim.experiments.models import (
    Assessment,
    DecisionKind,
    FundingKind,
    LegalBasis,
    Nature,
    NeedOrigin,
    ObjectType,
    PartnerRole,
    PurposeType,
    Stage,
    StepKind,
    StepStatus,
)
from essaim.governance.models import BodyKind

ASSOCIATION = "Association des Centrales Villageoises"

CASE = CaseSpec(
    title="Centrales villageoises : de la construction d'un modèle à son essaimage",
    theme="energie",
    carrier=ASSOCIATION,
    territories=("Auvergne-Rhône-Alpes",),
    summary=(
        "Des sociétés locales d'habitants, de collectivités et d'entreprises produisent une "
        "énergie renouvelable sur leur territoire ; la première centrale villageoise a été "
        "raccordée en 2014. Après la construction du modèle vient son essaimage dans d'autres "
        "territoires. Cas présenté par deux administrateurs de l'association des centrales "
        "villageoises lors des webconférences de Cap Rural de 2021.\n\n"
        "Le calendrier, les chiffres, la réunion et la décision sont des exemples illustratifs."
    ),
    framing={
        "need": (
            "Les habitants veulent prendre part à la transition énergétique de leur territoire, "
            "mais un projet de production d'énergie est difficile à monter seul."
        ),
        "need_origins": [NeedOrigin.ENERGY],
        "purposes": (
            "Construire un modèle de société locale de production d'énergie reproductible, "
            "puis l'outiller pour que d'autres territoires s'en emparent."
        ),
        "purpose_type": PurposeType.TEST_SOLUTION,
        "object_type": ObjectType.ORGANISATION,
        "nature": Nature.EXPERIMENTATION,
        "target_public": "Habitants, collectivités et entreprises locales.",
        "start_date": date(2013, 1, 7),
        "end_date": date(2018, 12, 31),
        "success_conditions": (
            "Des groupes locaux motivés ; des outils communs (documents types, formations) ; "
            "un réseau qui partage les retours d'expérience."
        ),
        "evaluation_method": (
            "Recensement annuel des sociétés locales créées et de la puissance installée ; "
            "entretiens avec les groupes locaux."
        ),
        "possible_failures": (
            "Des groupes locaux qui s'épuisent avant la mise en service ; un modèle trop "
            "complexe à reproduire."
        ),
        "reversibility": "Chaque société locale est autonome ; le réseau peut évoluer.",
        "failure_lessons": "Les conditions minimales pour qu'un groupe local aboutisse.",
        "public_actors": "Les collectivités participent aux sociétés locales et les relaient.",
        "legal_basis": LegalBasis.NONE,
    },
    hypotheses=(
        HypothesisSpec(
            "h1",
            "Si un modèle commun et des outils sont mis à disposition, alors des groupes "
            "d'habitants créent leur propre société locale sans repartir de zéro.",
        ),
        HypothesisSpec(
            "h2",
            "Si chaque société reste locale et citoyenne, alors l'essaimage ne dilue pas "
            "l'ancrage territorial.",
        ),
    ),
    fundings=(
        FundingSpec(ASSOCIATION, FundingKind.OWN, 30000, note="Montant illustratif."),
        FundingSpec(
            "Financeurs publics de la transition énergétique",
            FundingKind.PUBLIC,
            45000,
            note="Exemple illustratif.",
        ),
    ),
    partners=(
        PartnerSpec(ASSOCIATION, PartnerRole.CARRIER, "Modèle, outils et animation du réseau."),
        PartnerSpec(
            "Cap Rural", PartnerRole.OTHER, "Étude de cas lors des webconférences de 2021."
        ),
    ),
    criteria=(
        CriterionSpec(
            "c1",
            "Sociétés locales en fonctionnement",
            "au moins 10 sociétés locales fin 2018",
            date(2019, 3, 14),
        ),
    ),
    risks=(
        RiskSpec(
            "Épuisement des bénévoles des groupes locaux",
            likelihood=2,
            impact=2,
            mitigation="Outils communs et formations pour alléger le travail.",
            owner="Association",
            right_to_error=True,
        ),
    ),
    steps=(
        StepSpec(
            "modele",
            "Construction du modèle",
            date(2013, 1, 7),
            date(2014, 12, 31),
            kind=StepKind.PHASE,
        ),
        StepSpec(
            "premiere",
            "Première centrale raccordée",
            date(2014, 6, 1),
            kind=StepKind.MILESTONE,
            description="Date du jalon illustrative : le raccordement a eu lieu en 2014.",
        ),
        StepSpec(
            "outillage",
            "Outillage de l'essaimage",
            date(2015, 1, 5),
            date(2018, 12, 31),
            kind=StepKind.PHASE,
            deliverables="Documents types ; formations des groupes locaux.",
        ),
        StepSpec(
            "essaimage",
            "Essaimage dans d'autres territoires",
            date(2019, 4, 1),
            date(2027, 12, 31),
            kind=StepKind.PHASE,
            status=StepStatus.IN_PROGRESS,
        ),
    ),
    bodies=(
        BodySpec(
            "ca",
            BodyKind.STEERING,
            "Conseil d'administration de l'association",
            members=(
                MemberSpec(
                    "dubreuil", "administrateur", person="Claude Dubreuil", organisation=ASSOCIATION
                ),
                MemberSpec(
                    "bostetter",
                    "administrateur",
                    person="Jean-Michel Bostetter",
                    organisation=ASSOCIATION,
                ),
                MemberSpec("societes", "membres", name="Représentants des sociétés locales"),
            ),
            meetings=(
                MeetingSpec(
                    "bilan",
                    datetime(2019, 3, 14, 18, 0),
                    "1. Bilan de la construction du modèle\n2. Décision sur l'essaimage",
                    "Le modèle a fait ses preuves ; l'association organise son essaimage.",
                    place="Visioconférence",
                ),
            ),
        ),
    ),
    logged_decisions=(
        LoggedDecisionSpec(
            "ca",
            date(2019, 3, 14),
            "Forme de l'essaimage",
            "Essaimer par un réseau de sociétés locales autonomes qui partagent une charte et "
            "des outils.",
            options="Une société unique qui ouvre des antennes ; un réseau de sociétés locales.",
            rationale="Garder l'ancrage local et citoyen de chaque projet.",
            meeting="bilan",
        ),
    ),
    questions=(
        QuestionSpec(
            "reproductible",
            "Le modèle est-il reproductible par des groupes qui ne l'ont pas conçu ?",
            EvaluationCriterion.TRANSFERABILITY,
        ),
    ),
    indicators=(
        IndicatorSpec(
            "societes",
            "Sociétés locales créées",
            unit="sociétés",
            baseline=0,
            baseline_date=date(2013, 1, 7),
            target=10,
            target_date=date(2018, 12, 31),
            cumulative=True,
            frequency=Frequency.HALF_YEARLY,
            question="reproductible",
            verification="Registre du réseau.",
            measurements=series(date(2013, 12, 15), [1, 2, 1, 2, 1, 2, 1, 2, 1, 1, 2], every=6),
        ),
        IndicatorSpec(
            "puissance",
            "Puissance installée",
            unit="kWc",
            baseline=0,
            baseline_date=date(2013, 1, 7),
            target=1500,
            target_date=date(2018, 12, 31),
            frequency=Frequency.YEARLY,
            measurements=series(date(2014, 12, 15), [180, 420, 710, 1040, 1390], every=12),
        ),
    ),
    journal=(
        JournalSpec(
            "outils",
            date(2015, 6, 2),
            EntryKind.OBSERVATION,
            "Les groupes locaux réclament des documents types",
            "Chaque nouveau groupe repose les mêmes questions juridiques et techniques.",
            "Un modèle ne s'essaime qu'avec ses outils.",
            "L'association rédige des documents types.",
            hypothesis="h1",
        ),
        JournalSpec(
            "abandon",
            date(2016, 10, 18),
            EntryKind.FAILURE,
            "Un groupe local abandonne avant la mise en service",
            "Un groupe s'arrête après deux ans de préparation.",
            "La durée de montage épuise les bénévoles.",
            "Formations raccourcies, accompagnement par un groupe plus avancé.",
            highlight=True,
        ),
        JournalSpec(
            "parrainage",
            date(2017, 3, 7),
            EntryKind.ADAPTATION,
            "Parrainage entre groupes locaux",
            "Chaque nouveau groupe est accompagné par un groupe plus avancé.",
            "Les pairs transmettent ce que les documents ne disent pas.",
            step="outillage",
        ),
        JournalSpec(
            "demandes",
            date(2018, 5, 22),
            EntryKind.SURPRISE,
            "Des territoires éloignés demandent à rejoindre le réseau",
            "Des groupes d'autres régions prennent contact sans démarchage.",
            "Le modèle circule par le bouche-à-oreille.",
            hypothesis="h2",
        ),
    ),
    verdicts=(
        VerdictSpec(
            "h1",
            Verdict.CONFIRMED,
            date(2019, 3, 14),
            "Plus de dix sociétés locales créées en six ans, la plupart par des groupes qui "
            "n'avaient pas conçu le modèle.",
            measurements=(("societes", date(2018, 12, 15)),),
            journal=("outils", "parrainage"),
        ),
        VerdictSpec(
            "h2",
            Verdict.TO_REFINE,
            date(2019, 3, 14),
            "L'ancrage local tient, mais les demandes lointaines posent la question de "
            "l'accompagnement à distance.",
            journal=("demandes",),
        ),
    ),
    path=(
        Move(Stage.FRAMING),
        Move(Stage.RUNNING),
        Move(Stage.EVALUATION, "bilan de la construction du modèle"),
        Move(Stage.DECISION),
        Decide(
            DecisionKind.SCALE,
            date(2019, 3, 14),
            "Le modèle a fait ses preuves : l'association organise son essaimage en réseau de "
            "sociétés locales autonomes.",
            at_gate=False,
            meeting="bilan",
            assessments={"c1": (Assessment.MET, "16 sociétés locales fin 2018.")},
        ),
    ),
)
