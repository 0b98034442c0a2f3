from essaim.experiments.views import (
    decisions,
    framing,
    governance,
    history,
    members,
    method,
    overview,
    risks,
)

app_name = "experiments"
urlpatterns = [
    *overview.urlpatterns,
    *framing.urlpatterns,
    *method.urlpatterns,
    *governance.urlpatterns,
    *risks.urlpatterns,
    *decisions.urlpatterns,
    *history.urlpatterns,
    *members.urlpatterns,
]
