from django.contrib import admin
from django.http import HttpRequest

from essaim.territories.models import (
    Commune,
    Departement,
    Epci,
    ReferentialImport,
    Region,
    Territory,
)


class ReadOnlyAdmin(admin.ModelAdmin):
    """The referential changes only through « essaim import-territories »."""

    def has_add_permission(self, request: HttpRequest) -> bool:
        return False

    def has_change_permission(self, request: HttpRequest, obj=None) -> bool:
        return False

    def has_delete_permission(self, request: HttpRequest, obj=None) -> bool:
        return False


@admin.register(Region)
class RegionAdmin(ReadOnlyAdmin):
    list_display = ["name", "code"]
    search_fields = ["name", "code"]


@admin.register(Departement)
class DepartementAdmin(ReadOnlyAdmin):
    list_display = ["code", "name", "region"]
    list_select_related = ["region"]
    list_filter = ["region"]
    search_fields = ["name", "code"]


@admin.register(Epci)
class EpciAdmin(ReadOnlyAdmin):
    list_display = ["name", "siren", "kind", "population"]
    list_filter = ["kind"]
    search_fields = ["name", "siren"]


@admin.register(Commune)
class CommuneAdmin(ReadOnlyAdmin):
    list_display = ["name", "insee_code", "departement", "epci", "population"]
    list_select_related = ["departement", "epci"]
    list_filter = ["region"]
    search_fields = ["name", "insee_code", "siren", "search_text"]
    show_full_result_count = False


@admin.register(ReferentialImport)
class ReferentialImportAdmin(ReadOnlyAdmin):
    list_display = ["imported_at", "version", "source"]
    date_hierarchy = "imported_at"


@admin.register(Territory)
class TerritoryAdmin(admin.ModelAdmin):
    list_display = ["name", "kind", "shared", "created_by", "updated_at"]
    list_filter = ["kind", "shared"]
    list_select_related = ["created_by"]
    search_fields = ["name", "search_text"]
    autocomplete_fields = ["communes", "epci", "departement"]
    readonly_fields = ["created_by", "created_at", "updated_at"]

    def save_model(self, request: HttpRequest, obj: Territory, form, change: bool) -> None:
        obj.refresh_search_text()
        super().save_model(request, obj, form, change)
