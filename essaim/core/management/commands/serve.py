"""``essaim serve``: the production server (gunicorn), static files served by WhiteNoise."""

import os

from django.core.management.base import BaseCommand
from django.core.servers.basehttp import get_internal_wsgi_application
from gunicorn.app.base import BaseApplication


class EssaimServer(BaseApplication):
    def __init__(self, options: dict) -> None:
        self.options = options
        super().__init__()

    def load_config(self) -> None:
        for key, value in self.options.items():
            self.cfg.set(key, value)

    def load(self):
        return get_internal_wsgi_application()  # settings.WSGI_APPLICATION


class Command(BaseCommand):
    help = "Lance le serveur de production (gunicorn) ; les fichiers statiques sont servis."

    def add_arguments(self, parser) -> None:
        parser.add_argument("--bind", default=os.environ.get("ESSAIM_BIND", "127.0.0.1:8000"))
        parser.add_argument(
            "--workers", type=int, default=int(os.environ.get("ESSAIM_WEB_WORKERS", "2"))
        )
        parser.add_argument("--timeout", type=int, default=60)

    def handle(self, *args, bind: str, workers: int, timeout: int, **options) -> None:
        self.stdout.write(f"Essaim écoute sur http://{bind} ({workers} processus).")
        EssaimServer(
            {
                "bind": bind,
                "workers": workers,
                "timeout": timeout,
                "accesslog": "-",
                # Personal tokens in links are hidden (``core/access_log.py``).
                "logger_class": "essaim.core.access_log.AccessLogWithoutTokens",
                "errorlog": "-",
                "worker_tmp_dir": "/dev/shm" if os.path.isdir("/dev/shm") else None,
            }
        ).run()
