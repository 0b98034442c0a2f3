from django.contrib import admin

from essaim.organisations.models import Organisation, Person


@admin.register(Organisation)
class OrganisationAdmin(admin.ModelAdmin):
    list_display = ["name", "short_name", "kind", "siren", "territory", "updated_at"]
    list_filter = ["kind"]
    list_select_related = ["territory"]
    search_fields = ["name", "short_name", "siren"]
    raw_id_fields = ["territory", "created_by"]
    readonly_fields = ["created_at", "updated_at"]
    fieldsets = [
        (None, {"fields": ["name", "short_name", "kind", "siren"]}),
        ("Présentation", {"fields": ["territory", "website", "description"]}),
        ("Historique", {"fields": ["created_by", "created_at", "updated_at"]}),
    ]


@admin.register(Person)
class PersonAdmin(admin.ModelAdmin):
    list_display = ["last_name", "first_name", "function", "organisation", "consents_to_contact"]
    list_filter = ["consents_to_contact", "organisation__kind"]
    list_select_related = ["organisation"]
    search_fields = ["last_name", "first_name", "email", "function", "organisation__name"]
    raw_id_fields = ["organisation", "user", "created_by"]
    readonly_fields = ["created_at", "updated_at"]
    fieldsets = [
        (None, {"fields": ["first_name", "last_name", "function", "organisation"]}),
        ("Coordonnées", {"fields": ["email", "phone", "user"]}),
        ("Consentement", {"fields": ["consents_to_contact", "consent_date"]}),
        ("Historique", {"fields": ["created_by", "created_at", "updated_at"]}),
    ]
