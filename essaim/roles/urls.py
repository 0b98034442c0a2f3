from django.urls import path

from essaim.roles import views

app_name = "roles"
urlpatterns = [
    path("invitation/<str:token>/", views.accept_invitation, name="accept_invitation"),
]
