from django.urls import path

from essaim.attachments import views

app_name = "attachments"
urlpatterns = [
    path("<str:key>/<int:object_id>/ajouter/", views.upload, name="upload"),
    path("<int:pk>/", views.download, name="download"),
    path("<int:pk>/supprimer/", views.delete, name="delete"),
]
