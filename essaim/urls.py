from django.contrib import admin
from django.urls import include, path

from essaim.api import api

admin.site.site_header = "Administration d'Essaim"
admin.site.site_title = "Essaim"
admin.site.index_title = "Administration"

urlpatterns = [
    path("", include("essaim.dashboard.urls")),
    path("compte/", include("essaim.accounts.urls")),
    path("territoires/", include("essaim.territories.urls")),
    path("", include("essaim.organisations.urls")),
    path("", include("essaim.roles.urls")),
    path("pieces-jointes/", include("essaim.attachments.urls")),
    path("experimentations/", include("essaim.experiments.urls")),
    path("experimentations/", include("essaim.evaluation.urls")),
    path("experimentations/", include("essaim.dossiers.urls")),
    path("", include("essaim.scaling.urls")),
    path("", include("essaim.programmes.urls")),
    path("", include("essaim.library.urls")),
    path("", include("essaim.trainings.urls")),
    path("", include("essaim.registrations.urls")),
    path("", include("essaim.attendance.urls")),
    path("", include("essaim.surveys.urls")),
    path("", include("essaim.privacy.urls")),
    path("", include("essaim.memberships.urls")),
    path("api/v1/", api.urls),
    path("admin/", admin.site.urls),
]
