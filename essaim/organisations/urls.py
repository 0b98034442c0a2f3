from django.urls import path

from essaim.organisations import person_views, views

app_name = "organisations"
urlpatterns = [
    path("organisations/", views.organisation_list, name="list"),
    path("organisations/nouvelle/", views.organisation_create, name="create"),
    path("organisations/<int:pk>/", views.organisation_detail, name="detail"),
    path("organisations/<int:pk>/modifier/", views.organisation_edit, name="edit"),
    path("organisations/<int:pk>/supprimer/", views.organisation_delete, name="delete"),
    path("organisations/<int:pk>/membres/", views.organisation_members, name="members"),
    path("contacts/", person_views.person_list, name="person_list"),
    path("contacts/nouveau/", person_views.person_create, name="person_create"),
    path("contacts/<int:pk>/", person_views.person_detail, name="person_detail"),
    path("contacts/<int:pk>/modifier/", person_views.person_edit, name="person_edit"),
    path("contacts/<int:pk>/supprimer/", person_views.person_delete, name="person_delete"),
    path("contacts/<int:pk>/export.json", person_views.person_export, name="person_export"),
    path("contacts/<int:pk>/membres/", person_views.person_members, name="person_members"),
]
