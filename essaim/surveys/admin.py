from django.contrib import admin

from essaim.surveys.models import Survey, SurveyInvitation, SurveyQuestion


class SurveyQuestionInline(admin.TabularInline):
    model = SurveyQuestion
    extra = 0
    fields = ["position", "label", "kind", "choices", "required"]


@admin.register(Survey)
class SurveyAdmin(admin.ModelAdmin):
    list_display = ["title", "session", "moment", "send_after_days", "active"]
    list_filter = ["moment", "active"]
    search_fields = ["title", "session__title"]
    list_select_related = ["session"]
    raw_id_fields = ["session"]
    inlines = [SurveyQuestionInline]


@admin.register(SurveyInvitation)
class SurveyInvitationAdmin(admin.ModelAdmin):
    """Who was invited and when; the answers themselves stay out of reach here, anonymous."""

    list_display = ["survey", "sent_at", "answered_at", "illustrative"]
    list_filter = ["survey__moment", "illustrative"]
    list_select_related = ["survey"]
    raw_id_fields = ["survey", "registration"]
    readonly_fields = ["token", "sent_at", "answered_at"]
