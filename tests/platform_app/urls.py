"""The project's addresses, and the pages of the test app."""

from django.urls import include, path

from essaim.urls import urlpatterns as project_urlpatterns
from tests.platform_app import views

platform_patterns = (
    [
        path("visites/<int:pk>/", views.visit_detail, name="visit"),
        path("notes/<int:pk>/", views.note_detail, name="note"),
        path("notes/export/", views.notes_export, name="notes_export"),
        path("fiches/<int:pk>/", views.sheet_public, name="sheet"),
        path("depot-public/", views.public_upload, name="public_upload"),
    ],
    "platform_app",
)

urlpatterns = [path("essais/", include(platform_patterns)), *project_urlpatterns]
