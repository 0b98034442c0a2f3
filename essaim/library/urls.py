from essaim.library.views import (
    imports,
    notebooks,
    opendata,
    review,
    search,
    sheets,
    similar,
    synonyms,
)

app_name = "library"
urlpatterns = [
    *search.urlpatterns,
    *synonyms.urlpatterns,
    *opendata.urlpatterns,
    *sheets.urlpatterns,
    *review.urlpatterns,
    *similar.urlpatterns,
    *notebooks.urlpatterns,
    *imports.urlpatterns,
]
