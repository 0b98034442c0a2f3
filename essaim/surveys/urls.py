from django.urls import path

from essaim.trainings.placeholder import placeholder

app_name = "surveys"
urlpatterns = [
    path(
        "formations/<int:pk>/satisfaction/",
        placeholder("satisfaction", "Satisfaction"),
        name="manage",
    ),
]
