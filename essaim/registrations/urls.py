from essaim.registrations.views import manage, public

app_name = "registrations"
urlpatterns = [
    *public.urlpatterns,
    *manage.urlpatterns,
]
