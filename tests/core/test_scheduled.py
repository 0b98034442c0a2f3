import datetime

import pytest
from django.core.management import call_command
from django.core.management.base import CommandError
from django.utils import timezone
from django.utils.module_loading import autodiscover_modules

from essaim.core import scheduled


@pytest.fixture(autouse=True)
def only_the_jobs_of_the_test(monkeypatch):
    """The apps' own jobs are registered first, then set aside."""
    autodiscover_modules("scheduled")
    monkeypatch.setattr(scheduled, "JOBS", [])


def test_the_command_runs_every_registered_job_with_the_same_now(monkeypatch, capsys):
    seen = []
    monkeypatch.setattr(scheduled, "JOBS", [])
    scheduled.scheduled("Rappels")(lambda now: seen.append(now) or 2)
    scheduled.scheduled("Anonymisation")(lambda now: seen.append(now) or 0)
    call_command("scheduled")
    assert capsys.readouterr().out.splitlines() == ["Rappels : 2", "Anonymisation : 0"]
    assert len(seen) == 2 and seen[0] == seen[1]
    assert abs(seen[0] - timezone.now()) < datetime.timedelta(minutes=1)


def test_a_failing_job_does_not_stop_the_others(monkeypatch, capsys):
    def broken(now):
        raise RuntimeError("base indisponible")

    scheduled.scheduled("Rappels")(broken)
    scheduled.scheduled("Anonymisation")(lambda now: 3)
    with pytest.raises(CommandError, match="1 traitement"):
        call_command("scheduled")
    output = capsys.readouterr()
    assert "Anonymisation : 3" in output.out
    assert "Rappels : en échec" in output.err
