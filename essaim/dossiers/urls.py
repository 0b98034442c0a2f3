from django.urls import path

from essaim.dossiers import views

app_name = "dossiers"
urlpatterns = [
    path("<int:pk>/dossier.pdf", views.ask_dossier, {"format": "pdf"}, name="pdf"),
    path("<int:pk>/dossier.docx", views.ask_dossier, {"format": "docx"}, name="docx"),
    path("<int:pk>/dossier/<str:format>/etat/", views.dossier_status, name="status"),
    path("<int:pk>/dossier/<str:format>/fichier/", views.download_dossier, name="download"),
]
