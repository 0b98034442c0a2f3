from django.contrib import admin
from django.db.models import QuerySet
from django.http import HttpRequest

from essaim.roles.models import Invitation, ObjectRole


class VisibleToAdminMixin:
    """Show in the admin only the rows the signed-in person may see (``visible_to``).

    Meant for confidential models and their children: staff and superusers who are not in the
    team do not see their rows in the list, in searches, or by address (the admin answers that
    the row does not exist). Put it before ``admin.ModelAdmin`` in the bases.
    """

    def get_queryset(self, request: HttpRequest) -> QuerySet:
        return super().get_queryset(request).visible_to(request.user)


@admin.register(ObjectRole)
class ObjectRoleAdmin(admin.ModelAdmin):
    list_display = ["user", "role", "content_type", "object_id", "granted_at"]
    list_filter = ["role", "content_type"]
    list_select_related = ["user", "content_type"]
    search_fields = ["user__email", "user__full_name"]
    raw_id_fields = ["user", "granted_by"]


@admin.register(Invitation)
class InvitationAdmin(admin.ModelAdmin):
    list_display = ["email", "role", "content_type", "object_id", "created_at", "expires_at"]
    list_filter = ["role", "content_type"]
    list_select_related = ["content_type"]
    search_fields = ["email"]
    raw_id_fields = ["invited_by", "accepted_by"]
    readonly_fields = ["token_hash", "accepted_at", "accepted_by"]
