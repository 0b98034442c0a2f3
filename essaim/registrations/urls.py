from django.urls import path

from essaim.trainings.placeholder import placeholder

app_name = "registrations"
urlpatterns = [
    path(
        "formations/<int:pk>/inscriptions/",
        placeholder("registrations", "Inscriptions"),
        name="manage",
    ),
]
