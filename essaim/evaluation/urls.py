from essaim.evaluation.views import (
    evidence,
    indicators,
    journal,
    measurements,
    spreadsheets,
    verdicts,
)

app_name = "evaluation"
urlpatterns = [
    *journal.urlpatterns,
    *indicators.urlpatterns,
    *measurements.urlpatterns,
    *verdicts.urlpatterns,
    *evidence.urlpatterns,
    *spreadsheets.urlpatterns,
]
