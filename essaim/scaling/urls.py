from essaim.scaling.views import exports, joining, kit, network, overview, readiness, strategy

app_name = "scaling"
# The joining pages come before the kits' public pages, whose address is « essaimage/<slug>/ ».
urlpatterns = [
    *joining.urlpatterns,
    *overview.urlpatterns,
    *readiness.urlpatterns,
    *strategy.urlpatterns,
    *kit.urlpatterns,
    *network.urlpatterns,
    *exports.urlpatterns,
]
