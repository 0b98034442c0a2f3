"""Administration of experiments, for the platform's staff.

The stage is read-only here: it changes only through ``Experiment.move_to`` and
``Experiment.record_decision``, which check the transitions and keep the history."""

from django.contrib import admin

from essaim.experiments.models import (
    Decision,
    Experiment,
    Funding,
    Hypothesis,
    Partner,
    Risk,
    Step,
    StopGoCriterion,
)


class HypothesisInline(admin.TabularInline):
    model = Hypothesis
    extra = 0


class FundingInline(admin.TabularInline):
    model = Funding
    extra = 0
    raw_id_fields = ["funder"]


class PartnerInline(admin.TabularInline):
    model = Partner
    extra = 0
    raw_id_fields = ["organisation"]


class StopGoCriterionInline(admin.TabularInline):
    model = StopGoCriterion
    extra = 0


@admin.register(Experiment)
class ExperimentAdmin(admin.ModelAdmin):
    list_display = ["title", "stage", "theme", "carrier", "start_date", "end_date", "illustrative"]
    list_filter = ["stage", "theme", "illustrative"]
    list_select_related = ["carrier", "theme"]
    search_fields = ["title", "summary"]
    raw_id_fields = ["carrier", "created_by"]
    filter_horizontal = ["territories"]
    readonly_fields = ["stage", "created_at", "updated_at"]
    inlines = [HypothesisInline, FundingInline, PartnerInline, StopGoCriterionInline]


@admin.register(Step)
class StepAdmin(admin.ModelAdmin):
    list_display = ["title", "experiment", "kind", "start_date", "end_date", "status"]
    list_filter = ["kind", "status"]
    list_select_related = ["experiment"]
    search_fields = ["title", "experiment__title"]
    raw_id_fields = ["experiment"]


@admin.register(Risk)
class RiskAdmin(admin.ModelAdmin):
    list_display = ["description", "experiment", "likelihood", "impact", "status"]
    list_filter = ["status", "likelihood", "impact"]
    list_select_related = ["experiment"]
    search_fields = ["description", "experiment__title"]
    raw_id_fields = ["experiment"]


@admin.register(Decision)
class DecisionAdmin(admin.ModelAdmin):
    """Decisions are recorded on the experiment's page, which moves its stage: read only here."""

    list_display = ["decided_on", "experiment", "kind", "stage_before", "stage_after"]
    list_filter = ["kind"]
    list_select_related = ["experiment"]
    search_fields = ["experiment__title", "rationale"]

    def has_add_permission(self, request) -> bool:
        return False

    def has_change_permission(self, request, obj=None) -> bool:
        return False
