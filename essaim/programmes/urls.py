from essaim.programmes.views import interviews, programme, territories, visits

app_name = "programmes"

urlpatterns = [
    *programme.urlpatterns,
    *territories.urlpatterns,
    *visits.urlpatterns,
    *interviews.urlpatterns,
]
