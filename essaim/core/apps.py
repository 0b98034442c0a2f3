from django.apps import AppConfig
from django.db import connections
from django.db.backends.signals import connection_created
from django.utils.module_loading import autodiscover_modules


class CoreConfig(AppConfig):
    name = "essaim.core"
    verbose_name = "Socle"

    def ready(self) -> None:
        from essaim.core.generations import track_writes

        # Each app's search.py registers its searchable models, whose saves keep the index.
        autodiscover_modules("search")
        # Every write moves its table's generation, which kept pages follow (page_cache.py).
        connection_created.connect(track_writes, dispatch_uid="essaim.core.generations")
        for connection in connections.all(initialized_only=True):
            track_writes(connection)
