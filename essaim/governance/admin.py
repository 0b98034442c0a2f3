"""Administration of the governance, for the platform's staff."""

from django.contrib import admin

from essaim.governance.models import Body, LoggedDecision, Meeting


@admin.register(Body)
class BodyAdmin(admin.ModelAdmin):
    list_display = ["name", "kind", "owner_type", "owner_id"]
    list_filter = ["kind", "owner_type"]
    list_select_related = ["owner_type"]
    search_fields = ["name"]


@admin.register(Meeting)
class MeetingAdmin(admin.ModelAdmin):
    list_display = ["starts_at", "body", "place"]
    list_select_related = ["body"]
    search_fields = ["body__name", "agenda"]
    raw_id_fields = ["body"]
    date_hierarchy = "starts_at"


@admin.register(LoggedDecision)
class LoggedDecisionAdmin(admin.ModelAdmin):
    list_display = ["decided_on", "subject", "body", "owner_type", "owner_id"]
    list_filter = ["owner_type"]
    list_select_related = ["body", "owner_type"]
    search_fields = ["subject", "decision"]
    raw_id_fields = ["body", "meeting"]
    date_hierarchy = "decided_on"
