from essaim.evaluation.views import indicators, journal

app_name = "evaluation"
urlpatterns = [
    *journal.urlpatterns,
    *indicators.urlpatterns,
]
