from essaim.programmes.views import (
    expenses,
    interviews,
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
    *workshops.urlpatterns,
    *expenses.urlpatterns,
]
