from django.contrib import admin

from essaim.roles.admin import VisibleToAdminMixin
from tests.platform_app.models import InterviewNote


@admin.register(InterviewNote)
class InterviewNoteAdmin(VisibleToAdminMixin, admin.ModelAdmin):
    list_display = ["text", "visit"]
    search_fields = ["text"]
