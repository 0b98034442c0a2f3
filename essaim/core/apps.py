from django.apps import AppConfig
from django.utils.module_loading import autodiscover_modules


class CoreConfig(AppConfig):
    name = "essaim.core"
    verbose_name = "Socle"

    def ready(self) -> None:
        # Each app's search.py registers its searchable models, whose saves keep the index.
        autodiscover_modules("search")
