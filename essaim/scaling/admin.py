"""Administration of the scaling pillar, for the platform's staff. A replica's status is
read-only here: it changes only through ``Replication.move_to``, which keeps its history."""

from django.contrib import admin

from essaim.scaling.models import (
    JoinRequest,
    KitItem,
    ReadinessAnswer,
    ReadinessDiagnosis,
    Replication,
    ReplicationEvent,
    ScalingStep,
    ScalingStrategy,
    SharedIndicator,
    TransferKit,
)


class ReadinessAnswerInline(admin.TabularInline):
    model = ReadinessAnswer
    extra = 0


@admin.register(ReadinessDiagnosis)
class ReadinessDiagnosisAdmin(admin.ModelAdmin):
    list_display = ["experiment", "assessed_on", "created_by"]
    raw_id_fields = ["experiment", "created_by"]
    inlines = [ReadinessAnswerInline]


class ScalingStepInline(admin.TabularInline):
    model = ScalingStep
    extra = 0


@admin.register(ScalingStrategy)
class ScalingStrategyAdmin(admin.ModelAdmin):
    list_display = ["experiment", "situation", "strategy", "route"]
    raw_id_fields = ["experiment", "updated_by"]
    filter_horizontal = ["target_territories"]
    inlines = [ScalingStepInline]


class KitItemInline(admin.TabularInline):
    model = KitItem
    extra = 0


@admin.register(TransferKit)
class TransferKitAdmin(admin.ModelAdmin):
    list_display = ["title", "experiment", "publication_status"]
    list_filter = ["publication_status"]
    readonly_fields = ["publication_status", "published_at", "withdrawn_at", "withdrawal_reason"]
    raw_id_fields = ["experiment"]
    search_fields = ["title"]
    inlines = [KitItemInline]


class ReplicationEventInline(admin.TabularInline):
    model = ReplicationEvent
    extra = 0
    readonly_fields = ["before", "after", "happened_on", "note", "actor", "created_at"]
    can_delete = False


@admin.register(Replication)
class ReplicationAdmin(admin.ModelAdmin):
    list_display = ["name", "model_experiment", "status", "status_since"]
    list_filter = ["status"]
    readonly_fields = ["status", "status_since"]
    raw_id_fields = ["model_experiment", "commune", "territory", "carrier", "replica_experiment"]
    search_fields = ["name", "carrier_name"]
    inlines = [ReplicationEventInline]


@admin.register(SharedIndicator)
class SharedIndicatorAdmin(admin.ModelAdmin):
    list_display = ["name", "model_experiment", "unit", "aggregation"]
    raw_id_fields = ["model_experiment"]


@admin.register(JoinRequest)
class JoinRequestAdmin(admin.ModelAdmin):
    list_display = ["organisation_name", "kit", "status", "created_at"]
    list_filter = ["status"]
    raw_id_fields = ["kit", "requester", "commune", "answered_by", "replication"]
