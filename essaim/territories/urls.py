from django.urls import path

from essaim.territories import referential_views, views

app_name = "territories"
urlpatterns = [
    path("", views.territory_list, name="list"),
    path("nouveau/", views.territory_create, name="create"),
    path("<int:pk>/", views.territory_detail, name="detail"),
    path("<int:pk>/modifier/", views.territory_edit, name="edit"),
    path("<int:pk>/supprimer/", views.territory_delete, name="delete"),
    path("<int:pk>/membres/", views.territory_members, name="members"),
    path("epci/<str:siren>/", referential_views.epci_detail, name="epci_detail"),
    path("commune/<str:insee>/", referential_views.commune_detail, name="commune_detail"),
    path("recherche/communes/", referential_views.search_communes, name="search_communes"),
    path(
        "recherche/communes/publique/",
        referential_views.search_communes_public,
        name="search_communes_public",
    ),
    path("recherche/epci/", referential_views.search_epci, name="search_epci"),
]
