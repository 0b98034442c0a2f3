from django.urls import path

from essaim.dashboard import views

# The names the site has always used: core:home, core:dashboard.
app_name = "core"
urlpatterns = [
    path("", views.home, name="home"),
    path("tableau-de-bord/", views.dashboard, name="dashboard"),
]
