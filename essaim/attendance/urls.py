from django.urls import path

from essaim.trainings.placeholder import placeholder

app_name = "attendance"
urlpatterns = [
    path("formations/<int:pk>/presences/", placeholder("attendance", "Présences"), name="manage"),
]
