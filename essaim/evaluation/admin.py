"""Administration of the evaluation of experiments, for the platform's staff."""

from django.contrib import admin

from essaim.evaluation.models import Indicator, IndicatorTarget, JournalEntry, Measurement


class IndicatorTargetInline(admin.TabularInline):
    model = IndicatorTarget
    extra = 0


@admin.register(Indicator)
class IndicatorAdmin(admin.ModelAdmin):
    list_display = ["name", "experiment", "kind", "unit", "target_value"]
    list_filter = ["kind"]
    list_select_related = ["experiment"]
    search_fields = ["name", "experiment__title"]
    raw_id_fields = ["experiment", "question", "outcome"]
    inlines = [IndicatorTargetInline]


@admin.register(Measurement)
class MeasurementAdmin(admin.ModelAdmin):
    list_display = ["measured_on", "indicator", "value", "level"]
    list_select_related = ["indicator"]
    search_fields = ["indicator__name", "indicator__experiment__title", "comment"]
    raw_id_fields = ["indicator", "recorded_by", "batch"]
    date_hierarchy = "measured_on"


@admin.register(JournalEntry)
class JournalEntryAdmin(admin.ModelAdmin):
    list_display = ["written_on", "title", "kind", "experiment"]
    list_filter = ["kind"]
    list_select_related = ["experiment"]
    search_fields = ["title", "what_happened", "experiment__title"]
    raw_id_fields = ["experiment", "hypothesis", "step", "indicator", "author"]
    date_hierarchy = "written_on"
