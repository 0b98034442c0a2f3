from django.urls import path

from essaim.privacy import views

app_name = "privacy"
urlpatterns = [
    path("mes-donnees/", views.request_access, name="request"),
    path("mes-donnees/<str:signed>/", views.mine, name="mine"),
    path("mes-donnees/<str:signed>/export/", views.export, name="export"),
    path("mes-donnees/<str:signed>/effacer/", views.erase, name="erase"),
]
