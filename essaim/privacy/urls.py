from django.urls import path

from essaim.privacy import views

app_name = "privacy"
urlpatterns = [
    path("mes-donnees/", views.request_access, name="request"),
    path("mes-donnees/lien/<str:token>/", views.open_link, name="open"),
    path("mes-donnees/consultation/", views.mine, name="mine"),
    path("mes-donnees/consultation/export/", views.export, name="export"),
    path("mes-donnees/consultation/effacer/", views.erase, name="erase"),
]
