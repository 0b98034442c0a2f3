from essaim.scaling.views import kit, network, overview, readiness, strategy

app_name = "scaling"
urlpatterns = [
    *overview.urlpatterns,
    *readiness.urlpatterns,
    *strategy.urlpatterns,
    *kit.urlpatterns,
    *network.urlpatterns,
]
