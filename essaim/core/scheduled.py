"""Jobs that run on a schedule rather than on a request: reminders, expiries, anonymisation.

Each app declares its jobs in its own ``scheduled.py`` with :func:`scheduled`; ``essaim
scheduled`` runs them all, and is meant to be started every hour (cron or a systemd timer).
Every job must be idempotent: it acts on what is due at ``now`` and records what it did, so that
running it twice, or late, sends nothing twice."""

import logging
from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime

from django.utils import timezone
from django.utils.module_loading import autodiscover_modules


@dataclass(frozen=True)
class ScheduledJob:
    label: str
    run: Callable[[datetime], int]  # returns how many things it handled


JOBS: list[ScheduledJob] = []
logger = logging.getLogger(__name__)


def scheduled(label: str):
    """Register ``function(now) -> int`` as a scheduled job described by ``label``."""

    def register(function: Callable[[datetime], int]):
        JOBS.append(ScheduledJob(label, function))
        return function

    return register


def run_scheduled_jobs(now: datetime | None = None) -> list[tuple[str, int | None]]:
    """Run every job with the same ``now``; a job that fails is logged and reported as
    ``None``, and the others still run."""
    autodiscover_modules("scheduled")
    now = now or timezone.now()
    results = []
    for job in JOBS:
        try:
            results.append((job.label, job.run(now)))
        except Exception:
            logger.exception("Le traitement planifié « %s » a échoué", job.label)
            results.append((job.label, None))
    return results
