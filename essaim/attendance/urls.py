from essaim.attendance.views import certificates, check_in, grid, reports, sheets

app_name = "attendance"
urlpatterns = [
    *grid.urlpatterns,
    *sheets.urlpatterns,
    *check_in.urlpatterns,
    *reports.urlpatterns,
    *certificates.urlpatterns,
]
