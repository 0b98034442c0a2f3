"""Administration of the library, for the platform's staff: the vocabulary of publics, the
sheets (their publication state is read-only here: it changes only through the review, which
keeps its history) and their contacts, the imports as they went."""

from django.contrib import admin

from essaim.library.models import ExperienceSheet, Public, SheetContact, SheetImport


@admin.register(Public)
class PublicAdmin(admin.ModelAdmin):
    list_display = ["label", "slug", "position"]
    list_editable = ["position"]
    prepopulated_fields = {"slug": ["label"]}
    search_fields = ["label"]


class SheetContactInline(admin.TabularInline):
    model = SheetContact
    extra = 0


@admin.register(ExperienceSheet)
class ExperienceSheetAdmin(admin.ModelAdmin):
    list_display = ["title", "publication_status", "departement", "source", "updated_at"]
    list_filter = ["publication_status", "source", "illustrative", "licence"]
    search_fields = ["title", "summary"]
    raw_id_fields = [
        "territory",
        "commune",
        "epci",
        "departement",
        "region",
        "experiment",
        "report_sheet",
        "imported_by",
        "created_by",
    ]
    filter_horizontal = ["themes", "publics"]
    readonly_fields = [
        "publication_status",
        "published_at",
        "withdrawn_at",
        "withdrawal_reason",
        "review_requested_at",
        "slug",
    ]
    inlines = [SheetContactInline]


@admin.register(SheetImport)
class SheetImportAdmin(admin.ModelAdmin):
    list_display = ["original_name", "status", "created_count", "created_by", "created_at"]
    list_filter = ["status"]
    readonly_fields = [field.name for field in SheetImport._meta.fields]

    def has_add_permission(self, request) -> bool:
        return False
