"""The experiment and its framing (cadrage): need, purposes, type, hypotheses, perimeter,
calendar, budget by funder, partners, stop/go criteria, risks and the right to error."""

from dataclasses import dataclass
from datetime import date
from decimal import Decimal

from django.conf import settings
from django.contrib.contenttypes.fields import GenericRelation
from django.db import models
from django.db.models import Q
from django.urls import reverse

from essaim.core.history import Tracked
from essaim.experiments.models.stages import (
    DECIDING_STAGES,
    STAGE_AFTER_DECISION,
    TRANSITIONS,
    DecisionKind,
    Stage,
)
from essaim.governance.registry import governed
from essaim.lib.errors import DomainError
from essaim.lib.french import euros
from essaim.roles.models import RoleHolder, RoleQuerySet
from essaim.themes.models import OTHER_THEME


class ExperimentError(DomainError):
    """A change refused by the rules of experiments; the message is French."""


class NeedOrigin(models.TextChoices):
    ECOLOGICAL = "transition_ecologique", "transition écologique"
    ENERGY = "transition_energetique", "transition énergétique"
    ECONOMIC = "transition_economique", "transition économique"
    SOCIAL = "transition_sociale", "transition sociale"
    CRISIS = "crise", "crise"
    UNMET_NEED = "besoin_non_satisfait", "besoin non satisfait"
    OTHER = "autre", "autre"


class PurposeType(models.TextChoices):
    TEST_SOLUTION = "tester_solution", "tester une solution"
    PRODUCE_KNOWLEDGE = "produire_connaissances", "produire des connaissances"
    CHANGE_RULE = "faire_evoluer_regle", "faire évoluer une règle"
    LEARN_TOGETHER = "apprendre_ensemble", "apprendre ensemble"


class ObjectType(models.TextChoices):
    SERVICE = "service", "un service"
    ORGANISATION = "organisation", "une organisation"
    TOOL = "outil", "un outil ou une technique"
    GOVERNANCE = "gouvernance", "une gouvernance"
    RULE = "regle", "une règle"


class Nature(models.TextChoices):
    EXPERIENCE = "experience", "expérience (quelque chose que l'on essaie)"
    EXPERIMENTATION = (
        "experimentation",
        "expérimentation (cadrée, limitée dans le temps, évaluée)",
    )


class LegalBasis(models.TextChoices):
    NONE = "aucune", "aucune règle écartée"
    EXPERIMENTAL_LAW = (
        "loi_experimentale",
        "loi ou règlement expérimental (Constitution, art. 37-1)",
    )
    LOCAL_DEROGATION = (
        "derogation_locale",
        "dérogation d'une collectivité (Constitution, art. 72 al. 4)",
    )


class ExperimentQuerySet(RoleQuerySet):
    def with_counts(self) -> "ExperimentQuerySet":
        return self.annotate(
            hypothesis_count=models.Count("hypotheses", distinct=True),
        )


@governed
class Experiment(Tracked, RoleHolder):
    title = models.CharField("titre", max_length=200)
    summary = models.TextField("résumé", blank=True)
    theme = models.ForeignKey(
        "themes.Theme",
        verbose_name="thème",
        on_delete=models.PROTECT,
        to_field="slug",
        default=OTHER_THEME,
        related_name="experiments",
        db_index=False,  # the index of Meta.indexes
    )
    stage = models.CharField("étape", max_length=30, choices=Stage.choices, default=Stage.IDEA)
    carrier = models.ForeignKey(
        "organisations.Organisation",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="carried_experiments",
        verbose_name="structure porteuse",
    )
    # Need or problem
    need = models.TextField("besoin ou problème", blank=True)
    need_origins = models.JSONField("origine du besoin", default=list, blank=True)
    need_origin_detail = models.TextField("précisions sur l'origine", blank=True)
    purposes = models.TextField("finalités", blank=True)
    # Type
    purpose_type = models.CharField(
        "type par finalité", max_length=30, choices=PurposeType.choices, blank=True
    )
    object_type = models.CharField(
        "objet expérimenté", max_length=20, choices=ObjectType.choices, blank=True
    )
    nature = models.CharField("nature", max_length=20, choices=Nature.choices, blank=True)
    # Public and perimeter
    target_public = models.TextField("public visé", blank=True)
    territories = models.ManyToManyField(
        "territories.Territory",
        related_name="experiments",
        blank=True,
        verbose_name="périmètre territorial",
    )
    # Calendar
    start_date = models.DateField("date de début", null=True, blank=True)
    end_date = models.DateField("date de fin", null=True, blank=True)
    # Evaluation decided before the start
    success_conditions = models.TextField("conditions de réussite", blank=True)
    evaluation_method = models.TextField("méthode d'évaluation", blank=True)
    # Risks and the right to error
    possible_failures = models.TextField("ce qui peut échouer", blank=True)
    reversibility = models.TextField("ce qui est réversible", blank=True)
    failure_lessons = models.TextField("ce qu'un échec apprendrait", blank=True)
    # Public actors and legal basis
    public_actors = models.TextField(
        "liens avec les acteurs publics et les institutions", blank=True
    )
    legal_basis = models.CharField(
        "base juridique", max_length=30, choices=LegalBasis.choices, default=LegalBasis.NONE
    )
    legal_reference = models.CharField(
        "référence du texte ou de la délibération", max_length=300, blank=True
    )
    illustrative = models.BooleanField(
        "contient des exemples illustratifs",
        default=False,
        help_text="Chiffres, réunions et journal inventés pour la démonstration.",
    )
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+"
    )
    created_at = models.DateTimeField("créée le", auto_now_add=True)
    updated_at = models.DateTimeField("modifiée le", auto_now=True)
    # Its governance: bodies, their meetings, and the decision log.
    bodies = GenericRelation(
        "governance.Body",
        content_type_field="owner_type",
        object_id_field="owner_id",
        related_query_name="experiment",
    )
    logged_decisions = GenericRelation(
        "governance.LoggedDecision",
        content_type_field="owner_type",
        object_id_field="owner_id",
        related_query_name="experiment",
    )

    objects = ExperimentQuerySet.as_manager()

    class Meta:
        verbose_name = "expérimentation"
        verbose_name_plural = "expérimentations"
        ordering = ["title"]
        constraints = [
            models.CheckConstraint(
                condition=Q(stage__in=Stage.values), name="experiment_stage_known"
            ),
            models.CheckConstraint(
                condition=Q(end_date__isnull=True)
                | Q(start_date__isnull=True)
                | Q(end_date__gte=models.F("start_date")),
                name="experiment_ends_after_start",
            ),
            models.CheckConstraint(
                condition=Q(legal_basis=LegalBasis.NONE) | ~Q(legal_reference=""),
                name="experiment_derogation_has_reference",
            ),
        ]
        indexes = [models.Index(fields=["stage"]), models.Index(fields=["theme"])]

    def __str__(self) -> str:
        return self.title

    def get_absolute_url(self) -> str:
        return reverse("experiments:detail", args=[self.pk])

    # Calendar -------------------------------------------------------------------------------

    @property
    def duration_months(self) -> int | None:
        """Whole months between start and end, rounded up; ``None`` until both are set."""
        if not (self.start_date and self.end_date):
            return None
        months = (self.end_date.year - self.start_date.year) * 12 + (
            self.end_date.month - self.start_date.month
        )
        if self.end_date.day >= self.start_date.day:
            months += 1
        return max(months, 1)

    # Stages -----------------------------------------------------------------------------------

    def can_move_to(self, stage: Stage | str) -> bool:
        return Stage(stage) in TRANSITIONS[Stage(self.stage)]

    def allowed_stages(self) -> list[Stage]:
        return [stage for stage in Stage if stage in TRANSITIONS[Stage(self.stage)]]

    def move_to(self, stage: Stage | str, *, actor, reason: str = "") -> None:
        """Move to ``stage`` if the transition is allowed, and keep it in the history."""
        stage = Stage(stage)
        current = Stage(self.stage)
        if stage not in TRANSITIONS[current]:
            raise ExperimentError(
                f"Une expérimentation à l'étape « {current.label} » ne peut pas passer "
                f"à l'étape « {stage.label} »."
            )
        reason = reason.strip()
        if stage == Stage.STOPPED and not reason:
            raise ExperimentError(
                "Indiquez la raison de l'arrêt : elle reste dans l'historique et sur "
                "l'expérimentation.",
                field="reason",
            )
        if stage == Stage.RUNNING and current == Stage.FRAMING:
            missing = self.missing_before_start()
            if missing:
                raise ExperimentError(
                    "Le cadrage doit être complété avant de démarrer : " + ", ".join(missing) + "."
                )
        self.stage = stage
        self.save(update_fields=["stage", "updated_at"])
        summary = f"Étape : {current.label} → {stage.label}"
        changes = {"stage": {"avant": current.value, "après": stage.value}}
        if reason:
            summary += f" ({reason})"
            changes["raison"] = reason
        self.log_action(actor, "stage", summary, changes)

    def stop_entry(self):
        """The history entry of the move that stopped the experiment (its ``changes`` keep
        the reason under « raison »), or None while it is not stopped."""
        if self.stage != Stage.STOPPED:
            return None
        return self.history().filter(verb="stage").select_related("actor").first()

    def missing_before_start(self) -> list[str]:
        """What must be decided before an experiment starts (evaluation is framed first)."""
        missing = []
        if not self.hypotheses.exists():
            missing.append("au moins une hypothèse testable")
        if not self.start_date:
            missing.append("la date de début")
        if not self.evaluation_method.strip():
            missing.append("la méthode d'évaluation")
        if not self.stop_go_criteria.exists():
            missing.append("au moins un critère d'arrêt ou de poursuite")
        return missing

    def can_record_decision(self) -> bool:
        return Stage(self.stage) in DECIDING_STAGES

    def record_decision(
        self,
        *,
        kind: DecisionKind | str,
        decided_on: date,
        rationale: str,
        actor,
        at_gate: bool = True,
        meeting=None,
        assessments: dict | None = None,
    ) -> "Decision":  # noqa: F821 — defined in decisions.py
        """Record a stop/go decision, move to the stage it leads to, and keep both in history.

        ``assessments`` maps a stop/go criterion's pk to ``(assessment, comment)``.
        """
        from essaim.experiments.models.decisions import CriterionAssessment, Decision

        kind = DecisionKind(kind)
        current = Stage(self.stage)
        if current not in DECIDING_STAGES:
            raise ExperimentError(
                f"Aucune décision ne peut être enregistrée à l'étape « {current.label} » : "
                "l'expérimentation doit avoir démarré."
            )
        if not rationale.strip():
            raise ExperimentError("Indiquez les raisons de la décision.")
        target = STAGE_AFTER_DECISION[kind]
        decision = Decision.objects.create(
            experiment=self,
            kind=kind,
            decided_on=decided_on,
            rationale=rationale,
            at_gate=at_gate,
            meeting=meeting,
            stage_before=current,
            stage_after=target,
            recorded_by=actor if actor is not None and actor.is_authenticated else None,
        )
        criteria = {criterion.pk: criterion for criterion in self.stop_go_criteria.all()}
        CriterionAssessment.objects.bulk_create(
            CriterionAssessment(
                decision=decision, criterion=criteria[pk], assessment=assessment, comment=comment
            )
            for pk, (assessment, comment) in (assessments or {}).items()
            if pk in criteria
        )
        self.log_action(actor, "decision", f"Décision : {kind.label}", {"décision": kind.value})
        if target != current:
            self.stage = target
            self.save(update_fields=["stage", "updated_at"])
            self.log_action(
                actor,
                "stage",
                f"Étape : {current.label} → {target.label} (décision : {kind.label})",
                {"stage": {"avant": current.value, "après": target.value}, "raison": rationale},
            )
        return decision

    # Framing completeness ---------------------------------------------------------------------

    def framing_checklist(self) -> list["FramingItem"]:
        """Each framing question, whether it is answered, and the step of the guided form
        that asks it. Uses ``hypotheses``, ``territories``, ``fundings``, ``partners``,
        ``stop_go_criteria`` and ``risks``: prefetch them on pages that show the gauge."""
        answered = {
            "need": bool(self.need.strip()),
            "need_origins": bool(self.need_origins),
            "purposes": bool(self.purposes.strip()),
            "type": bool(self.purpose_type and self.object_type and self.nature),
            "hypotheses": bool(self.hypotheses.all()),
            "target_public": bool(self.target_public.strip()),
            "territories": bool(self.territories.all()),
            "calendar": bool(self.start_date and self.end_date),
            "budget": bool(self.fundings.all()),
            "partners": bool(self.partners.all()),
            "success": bool(self.success_conditions.strip() and self.evaluation_method.strip()),
            "criteria": bool(self.stop_go_criteria.all()),
            "risks": bool(self.possible_failures.strip() and self.reversibility.strip()),
            "right_to_error": bool(self.failure_lessons.strip()),
            "public_actors": bool(self.public_actors.strip()),
            "legal": self.legal_basis == LegalBasis.NONE or bool(self.legal_reference.strip()),
        }
        return [
            FramingItem(key, label, step, answered[key]) for key, label, step in FRAMING_QUESTIONS
        ]

    def framing_completeness(self) -> int:
        """Share of framing questions answered, in percent."""
        items = self.framing_checklist()
        return round(100 * sum(item.answered for item in items) / len(items))

    @property
    def total_budget(self) -> Decimal:
        return sum((funding.amount for funding in self.fundings.all()), Decimal(0))


@dataclass(frozen=True)
class FramingItem:
    key: str
    label: str
    step: str
    answered: bool


# (key, question, step of the guided form that asks it)
FRAMING_QUESTIONS: list[tuple[str, str, str]] = [
    ("need", "Quel besoin ou quel problème ?", "besoin"),
    ("need_origins", "D'où vient ce besoin ?", "besoin"),
    ("purposes", "Quelles finalités ?", "besoin"),
    ("type", "Quel type d'expérimentation ?", "type"),
    ("hypotheses", "Quelles hypothèses tester ?", "hypotheses"),
    ("target_public", "Pour quel public ?", "perimetre"),
    ("territories", "Sur quel territoire ?", "perimetre"),
    ("calendar", "Quand commence-t-elle et quand finit-elle ?", "calendrier"),
    ("budget", "Quel budget, et qui le finance ?", "calendrier"),
    ("partners", "Avec quels partenaires ?", "partenaires"),
    ("success", "Quelles conditions de réussite, et comment les évaluer ?", "evaluation"),
    ("criteria", "Quels critères d'arrêt ou de poursuite ?", "evaluation"),
    ("risks", "Qu'est-ce qui peut échouer, qu'est-ce qui est réversible ?", "risques"),
    ("right_to_error", "Qu'apprendrait un échec ?", "risques"),
    ("public_actors", "Quels liens avec les acteurs publics ?", "acteurs"),
    ("legal", "Faut-il écarter une règle, et sur quelle base ?", "acteurs"),
]


class Hypothesis(models.Model):
    experiment = models.ForeignKey(Experiment, on_delete=models.CASCADE, related_name="hypotheses")
    statement = models.TextField(
        "hypothèse", help_text="Formulée pour pouvoir être vérifiée : « Si…, alors… »."
    )
    rationale = models.TextField("sur quoi elle repose", blank=True)
    position = models.PositiveIntegerField("ordre", default=0)

    class Meta:
        verbose_name = "hypothèse"
        verbose_name_plural = "hypothèses"
        ordering = ["position", "pk"]

    def __str__(self) -> str:
        return self.statement


class FundingKind(models.TextChoices):
    OWN = "fonds_propres", "fonds propres"
    PUBLIC = "subvention_publique", "subvention publique"
    EUROPEAN = "fonds_europeens", "fonds européens"
    PRIVATE = "financement_prive", "financement privé ou mécénat"
    IN_KIND = "valorisation", "contribution en nature (valorisée)"
    OTHER = "autre", "autre"


class Funding(models.Model):
    experiment = models.ForeignKey(Experiment, on_delete=models.CASCADE, related_name="fundings")
    funder = models.ForeignKey(
        "organisations.Organisation",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="fundings",
        verbose_name="financeur (annuaire)",
    )
    funder_name = models.CharField("financeur", max_length=200, blank=True)
    kind = models.CharField("nature", max_length=30, choices=FundingKind.choices)
    amount = models.DecimalField("montant (€)", max_digits=12, decimal_places=2)
    secured = models.BooleanField("acquis", default=False)
    note = models.CharField("précision", max_length=300, blank=True)

    class Meta:
        verbose_name = "financement"
        verbose_name_plural = "budget par financeur"
        ordering = ["-amount", "pk"]
        constraints = [
            models.CheckConstraint(condition=Q(amount__gte=0), name="funding_amount_positive"),
            models.CheckConstraint(
                condition=Q(funder__isnull=False) | ~Q(funder_name=""), name="funding_has_funder"
            ),
        ]

    def __str__(self) -> str:
        return f"{self.funder_label} — {euros(self.amount)}"

    @property
    def funder_label(self) -> str:
        return self.funder_name or str(self.funder)


class PartnerRole(models.TextChoices):
    CARRIER = "porteur", "porteur"
    CO_CARRIER = "co_porteur", "co-porteur"
    FUNDER = "financeur", "financeur"
    OPERATOR = "operateur", "opérateur"
    TECHNICAL = "appui_technique", "appui technique"
    EVALUATOR = "evaluateur", "évaluateur"
    INSTITUTION = "institution", "institution associée"
    USERS = "usagers", "représentant des usagers"
    OTHER = "autre", "autre"


class Partner(models.Model):
    experiment = models.ForeignKey(Experiment, on_delete=models.CASCADE, related_name="partners")
    organisation = models.ForeignKey(
        "organisations.Organisation",
        on_delete=models.CASCADE,
        related_name="partnerships",
        verbose_name="organisation",
    )
    role = models.CharField("rôle", max_length=20, choices=PartnerRole.choices)
    contribution = models.TextField("apport", blank=True)

    class Meta:
        verbose_name = "partenaire"
        verbose_name_plural = "partenaires"
        ordering = ["role", "pk"]
        constraints = [
            models.UniqueConstraint(
                fields=["experiment", "organisation", "role"], name="partner_role_once"
            )
        ]

    def __str__(self) -> str:
        return f"{self.organisation} ({self.get_role_display()})"


class StopGoCriterion(models.Model):
    experiment = models.ForeignKey(
        Experiment, on_delete=models.CASCADE, related_name="stop_go_criteria"
    )
    description = models.CharField("critère", max_length=300)
    threshold = models.CharField(
        "seuil", max_length=200, help_text="Par exemple : « au moins 150 trajets par mois »."
    )
    review_date = models.DateField("date d'examen", null=True, blank=True)

    class Meta:
        verbose_name = "critère d'arrêt ou de poursuite"
        verbose_name_plural = "critères d'arrêt ou de poursuite"
        ordering = ["review_date", "pk"]

    def __str__(self) -> str:
        return f"{self.description} ({self.threshold})"


class Level(models.IntegerChoices):
    LOW = 1, "faible"
    MEDIUM = 2, "moyenne"
    HIGH = 3, "forte"


class RiskStatus(models.TextChoices):
    OPEN = "ouvert", "ouvert"
    MATERIALISED = "survenu", "survenu"
    CLOSED = "clos", "clos"


class Risk(models.Model):
    experiment = models.ForeignKey(Experiment, on_delete=models.CASCADE, related_name="risks")
    description = models.CharField("risque", max_length=300)
    likelihood = models.PositiveSmallIntegerField("probabilité", choices=Level.choices)
    impact = models.PositiveSmallIntegerField("impact", choices=Level.choices)
    mitigation = models.TextField("mesures de prévention ou d'atténuation", blank=True)
    owner = models.CharField("responsable", max_length=200, blank=True)
    accepted_as_right_to_error = models.BooleanField(
        "accepté au titre du droit à l'erreur", default=False
    )
    status = models.CharField(
        "statut", max_length=20, choices=RiskStatus.choices, default=RiskStatus.OPEN
    )

    class Meta:
        verbose_name = "risque"
        verbose_name_plural = "registre des risques"
        ordering = ["-likelihood", "-impact", "pk"]
        constraints = [
            models.CheckConstraint(
                condition=Q(likelihood__in=Level.values) & Q(impact__in=Level.values),
                name="risk_levels_known",
            )
        ]

    def __str__(self) -> str:
        return self.description

    @property
    def criticality(self) -> int:
        return self.likelihood * self.impact
