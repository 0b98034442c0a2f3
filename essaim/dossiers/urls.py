from django.urls import path

from essaim.dossiers import views
from essaim.dossiers.registry import DOSSIER

app_name = "dossiers"
DOCUMENT = "<int:pk>/documents/<slug:kind>/<str:format>/"
urlpatterns = [
    # The dossier, at the addresses it had before the other kinds of document.
    path(
        "<int:pk>/dossier.pdf", views.ask_document, {"kind": DOSSIER, "format": "pdf"}, name="pdf"
    ),
    path(
        "<int:pk>/dossier.docx",
        views.ask_document,
        {"kind": DOSSIER, "format": "docx"},
        name="docx",
    ),
    path(
        "<int:pk>/dossier/<str:format>/etat/",
        views.document_status,
        {"kind": DOSSIER},
        name="status",
    ),
    path(
        "<int:pk>/dossier/<str:format>/fichier/",
        views.download_document,
        {"kind": DOSSIER},
        name="download",
    ),
    # Every kind registered (the dossier included).
    path(DOCUMENT, views.ask_document, name="document"),
    path(DOCUMENT + "etat/", views.document_status, name="document_status"),
    path(DOCUMENT + "telecharger/", views.download_document, name="document_download"),
]
