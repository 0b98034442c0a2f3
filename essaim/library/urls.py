from essaim.library.views import imports, notebooks, opendata, review, search, sheets, similar

app_name = "library"
urlpatterns = [
    *search.urlpatterns,
    *opendata.urlpatterns,
    *sheets.urlpatterns,
    *review.urlpatterns,
    *similar.urlpatterns,
    *notebooks.urlpatterns,
    *imports.urlpatterns,
]
