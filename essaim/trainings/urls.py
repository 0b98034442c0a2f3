from django.urls import path

from essaim.trainings.placeholder import placeholder
from essaim.trainings.views.organiser import organiser_home
from essaim.trainings.views.public import cycle_page, session_page

app_name = "trainings"
urlpatterns = [
    path("sessions/cycles/<slug:slug>/", cycle_page, name="cycle"),
    path("sessions/<slug:slug>/", session_page, name="session"),
    path("formations/", organiser_home, name="organiser_home"),
    path("formations/<int:pk>/", placeholder("overview", "Présentation"), name="manage"),
    path("formations/<int:pk>/programme/", placeholder("programme", "Programme"), name="programme"),
    path("formations/<int:pk>/historique/", placeholder("history", "Historique"), name="history"),
    path(
        "formations/<int:pk>/organisateurs/",
        placeholder("members", "Organisateurs"),
        name="members",
    ),
]
