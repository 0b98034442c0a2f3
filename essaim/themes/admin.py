from django.contrib import admin, messages
from django.http import HttpRequest

from essaim.themes.models import Theme


@admin.register(Theme)
class ThemeAdmin(admin.ModelAdmin):
    """Staff manage the vocabulary. A theme in use is protected: its deletion is refused, with
    a French message that points to making it inactive instead; its slug, which the API and the
    rows refer to, no longer changes once created."""

    list_display = ["label", "slug", "position", "is_active"]
    list_editable = ["position", "is_active"]
    list_filter = ["is_active"]
    search_fields = ["label", "slug", "description"]
    fields = ["label", "slug", "description", "position", "is_active"]

    def get_readonly_fields(self, request: HttpRequest, obj: Theme | None = None) -> list[str]:
        return ["slug"] if obj is not None else []

    def get_prepopulated_fields(self, request: HttpRequest, obj: Theme | None = None) -> dict:
        return {} if obj is not None else {"slug": ["label"]}

    def get_deleted_objects(self, objs, request: HttpRequest):
        deleted, model_count, perms_needed, protected = super().get_deleted_objects(objs, request)
        if protected:
            self.message_user(
                request,
                "Suppression refusée : un thème utilisé ne peut pas être supprimé. "
                "Rendez-le inactif pour qu'il ne soit plus proposé.",
                messages.ERROR,
            )
        return deleted, model_count, perms_needed, protected
