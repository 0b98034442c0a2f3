from essaim.trainings.views import (
    cycles,
    history,
    members,
    organiser,
    programme,
    public,
    sessions,
)

app_name = "trainings"
urlpatterns = [
    *public.urlpatterns,
    *organiser.urlpatterns,
    *cycles.urlpatterns,
    *sessions.urlpatterns,
    *programme.urlpatterns,
    *history.urlpatterns,
    *members.urlpatterns,
]
