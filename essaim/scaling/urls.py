from essaim.scaling.views import overview, readiness, strategy

app_name = "scaling"
urlpatterns = [
    *overview.urlpatterns,
    *readiness.urlpatterns,
    *strategy.urlpatterns,
]
