from django.contrib import admin

from essaim.attendance.models import Attendance, Certificate, ConnectionReport


@admin.register(Attendance)
class AttendanceAdmin(admin.ModelAdmin):
    list_display = ["registration", "slot", "present", "minutes", "source", "recorded_at"]
    list_filter = ["present", "source"]
    list_select_related = ["registration__session", "slot"]
    raw_id_fields = ["registration", "slot", "recorded_by"]


@admin.register(ConnectionReport)
class ConnectionReportAdmin(admin.ModelAdmin):
    list_display = ["file_name", "session", "slot", "matched", "imported_at"]
    list_select_related = ["session", "slot"]
    raw_id_fields = ["session", "slot", "imported_by"]


@admin.register(Certificate)
class CertificateAdmin(admin.ModelAdmin):
    list_display = ["number", "registration", "hours", "issued_at", "sent_at"]
    search_fields = ["number", "registration__last_name", "registration__email"]
    list_select_related = ["registration"]
    raw_id_fields = ["registration"]
