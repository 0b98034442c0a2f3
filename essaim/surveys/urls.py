from essaim.surveys.views import answer, cycle, editing, manage

app_name = "surveys"
urlpatterns = [
    *manage.urlpatterns,
    *editing.urlpatterns,
    *answer.urlpatterns,
    *cycle.urlpatterns,
]
