from essaim.programmes.views import (
    expenses,
    interviews,
    notebooks,
    programme,
    reports,
    synthesis,
    territories,
    visits,
    workshops,
)

app_name = "programmes"

urlpatterns = [
    *programme.urlpatterns,
    *territories.urlpatterns,
    *visits.urlpatterns,
    *interviews.urlpatterns,
    *reports.urlpatterns,
    *synthesis.urlpatterns,
    *notebooks.urlpatterns,
    *workshops.urlpatterns,
    *expenses.urlpatterns,
]
