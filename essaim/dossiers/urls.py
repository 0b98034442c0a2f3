from django.urls import path

from essaim.dossiers import views

app_name = "dossiers"
urlpatterns = [
    path("<int:pk>/dossier.pdf", views.dossier_pdf, name="pdf"),
    path("<int:pk>/dossier.docx", views.dossier_docx, name="docx"),
]
