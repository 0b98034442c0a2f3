"""The settings of the server ``bench/registrations.py`` starts: the production settings, plus

- the floor of ``bench/registrations_floor.py``, mounted under ``/plancher/`` only here;
- the time each registration holds the session row, from the lock granted to the commit,
  written to the file ``ESSAIM_BENCH_LOCK_LOG`` (``services.lock_logger`` for the application,
  ``bench.floor.lock`` for the floor), one line each: the logger's name and milliseconds.
"""

import os

from essaim.settings import *  # noqa: F403
from essaim.settings import LOGGING

ROOT_URLCONF = "bench.registrations_floor"
LOGGING = {
    **LOGGING,
    "formatters": {"lock": {"format": "%(name)s %(message)s"}},
    "handlers": {
        **LOGGING["handlers"],
        "lock_times": {
            "class": "logging.FileHandler",
            "filename": os.environ["ESSAIM_BENCH_LOCK_LOG"],
            "formatter": "lock",
        },
    },
    "loggers": {
        name: {"handlers": ["lock_times"], "level": "DEBUG", "propagate": False}
        for name in ("essaim.registrations.lock", "bench.floor.lock")
    },
}
