from essaim.memberships.views import documents, listing, memberships, types

app_name = "memberships"
urlpatterns = [
    *listing.urlpatterns,
    *types.urlpatterns,
    *memberships.urlpatterns,
    *documents.urlpatterns,
]
