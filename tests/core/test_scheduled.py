import datetime

from django.core.management import call_command
from django.utils import timezone

from essaim.core import scheduled


def test_the_command_runs_every_registered_job_with_the_same_now(monkeypatch, capsys):
    seen = []
    monkeypatch.setattr(scheduled, "JOBS", [])
    scheduled.scheduled("Rappels")(lambda now: seen.append(now) or 2)
    scheduled.scheduled("Anonymisation")(lambda now: seen.append(now) or 0)
    call_command("scheduled")
    assert capsys.readouterr().out.splitlines() == ["Rappels : 2", "Anonymisation : 0"]
    assert len(seen) == 2 and seen[0] == seen[1]
    assert abs(seen[0] - timezone.now()) < datetime.timedelta(minutes=1)
