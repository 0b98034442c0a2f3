from django.contrib import admin

from essaim.roles.models import Invitation, ObjectRole


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
