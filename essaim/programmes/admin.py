"""Administration of the programmes, for the platform's staff. The interview notes, the quotes,
the people met and the debriefs are the programme team's alone: they are not here, and a
territory's status changes only through the selection (``services.territories``), which keeps
its history. Nothing that holds interviews is deleted here: Django's page would list every
note and quote it takes with it, by their text."""

from django.contrib import admin

from essaim.programmes.models import (
    Deliverable,
    GroupMember,
    Programme,
    ProgrammeTerritory,
    Stage,
    TerritoryContact,
    Visit,
)


class StageInline(admin.TabularInline):
    model = Stage
    extra = 0


class GroupMemberInline(admin.TabularInline):
    model = GroupMember
    extra = 0
    raw_id_fields = ["organisation"]


class WithoutDeletion:
    def has_delete_permission(self, request, obj=None) -> bool:
        return False


@admin.register(Programme)
class ProgrammeAdmin(WithoutDeletion, admin.ModelAdmin):
    list_display = ["title", "start_date", "end_date"]
    search_fields = ["title"]
    prepopulated_fields = {"slug": ["title"]}
    inlines = [StageInline, GroupMemberInline]


@admin.register(Deliverable)
class DeliverableAdmin(admin.ModelAdmin):
    list_display = ["title", "programme", "kind", "due_date", "status"]
    list_filter = ["kind", "status"]
    raw_id_fields = ["programme", "stage"]


class TerritoryContactInline(admin.TabularInline):
    model = TerritoryContact
    extra = 0


@admin.register(ProgrammeTerritory)
class ProgrammeTerritoryAdmin(WithoutDeletion, admin.ModelAdmin):
    list_display = ["name", "programme", "status", "status_since"]
    list_filter = ["status"]
    readonly_fields = ["status", "status_since"]
    raw_id_fields = ["programme", "perimeter"]
    inlines = [TerritoryContactInline]


@admin.register(Visit)
class VisitAdmin(WithoutDeletion, admin.ModelAdmin):
    list_display = ["territory", "start_date", "end_date", "place"]
    exclude = ["debrief_notes"]
    raw_id_fields = ["territory"]
