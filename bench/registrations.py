"""Hundreds of people register at the same moment through the real form, on a real server, then
through the floor.

    DATABASE_URL=postgres://…/essaim_bench .venv/bin/python bench/registrations.py
        [--people 300] [--places 100] [--workers N] [--port P] [--keep]

The script prepares a scratch database (``DATABASE_URL`` for PostgreSQL, emptied before and
after; a temporary SQLite file otherwise) with two published sessions of ``--places`` places,
runs ``ANALYZE``, and starts ``essaim serve`` (gunicorn, ``--workers`` processes, production
settings, on ``--port`` or a free port) with the settings of ``bench/registrations_site.py``:
the application, plus the floor — a minimal view doing the same locked insert, through the same
middleware and gunicorn. For each of the floor and the registration form, ``--people``
visitors, one thread each, open the form (for its CSRF token and its form key), wait for each
other, then send it all at once. It prints a table: the throughput (registrations per second,
from the release to the last answer), the median, 99th percentile and longest time of the sends,
how long the session row was held (from the lock granted to the commit), the places overbooked
and the people lost, and the application's throughput as a ratio to the floor's. It checks the
outcome in the database: exactly ``--places`` confirmed, the others on the waiting list, one
registration per person, none lost, none twice, one e-mail queued each (for the application:
the task from which the worker writes it).
"""

import argparse
import http.cookiejar
import os
import re
import secrets
import shutil
import socket
import statistics
import subprocess
import sys
import tempfile
import threading
import time
import urllib.error
import urllib.parse
import urllib.request
from collections import Counter
from dataclasses import dataclass
from datetime import time as time_of_day
from datetime import timedelta
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
scratch_dir = None
if "ESSAIM_DATA_DIR" not in os.environ:
    scratch_dir = tempfile.mkdtemp(prefix="essaim-bench-registrations-")
    os.environ["ESSAIM_DATA_DIR"] = scratch_dir
# The server runs as in production: no debug, its own secret, tasks queued in the database.
os.environ["ESSAIM_DEBUG"] = "0"
os.environ.setdefault("ESSAIM_SECRET_KEY", secrets.token_urlsafe(60))
os.environ.setdefault("ESSAIM_HTTPS", "0")
os.environ.setdefault("ESSAIM_TASK_BACKEND", "database")
os.environ.setdefault("ESSAIM_LOG_LEVEL", "WARNING")
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "essaim.settings")
# The server's own settings add the floor and the lock times (``bench/registrations_site.py``).
SERVER_SETTINGS = "bench.registrations_site"

import django  # noqa: E402

django.setup()

from django.conf import settings  # noqa: E402
from django.core import mail  # noqa: E402
from django.core.management import call_command  # noqa: E402
from django.db import connection  # noqa: E402
from django.db.models import Count  # noqa: E402
from django.test import override_settings  # noqa: E402
from django.utils import timezone  # noqa: E402
from django_tasks_db.models import DBTaskResult  # noqa: E402

from essaim.registrations.models import (  # noqa: E402
    HOLDS_A_PLACE,
    Registration,
    SentMessage,
    Status,
)
from essaim.trainings.models import Slot, TrainingSession  # noqa: E402

TOKEN = re.compile(r'name="csrfmiddlewaretoken" value="([^"]+)"')
FORM_KEY = re.compile(r'name="submission_key" value="([^"]+)"')
MINE = re.compile(r"/inscriptions/[\w-]+/$")


@dataclass
class Visit:
    number: int
    status: int = 0
    location: str = ""
    seconds: float = 0.0
    error: str = ""


class NoRedirect(urllib.request.HTTPRedirectHandler):
    def redirect_request(self, *args, **kwargs):
        return None


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def prepare_session(places: int, slug: str) -> TrainingSession:
    start = timezone.localdate() + timedelta(days=30)
    session = TrainingSession.objects.create(
        title="Accompagner la pérennisation et le changement d'échelle des innovations",
        slug=slug,
        published=True,
        start_date=start,
        end_date=start,
        capacity=places,
        contact_name="Mylène Thou",
        contact_email="contact@example.org",
        meeting_url="https://visio.example.org/banc",
    )
    Slot.objects.create(
        session=session, date=start, start_time=time_of_day(10, 30), end_time=time_of_day(12)
    )
    return session


def start_server(port: int, workers: int, lock_log: Path) -> subprocess.Popen:
    command = [
        sys.executable,
        "-m",
        "essaim.cli",
        "serve",
        "--bind",
        f"127.0.0.1:{port}",
        "--workers",
        str(workers),
    ]
    environment = {
        **os.environ,
        "DJANGO_SETTINGS_MODULE": SERVER_SETTINGS,
        "ESSAIM_BENCH_LOCK_LOG": str(lock_log),
        "PYTHONPATH": os.pathsep.join(filter(None, [str(ROOT), os.environ.get("PYTHONPATH")])),
    }
    server = subprocess.Popen(
        command,
        cwd=ROOT,
        env=environment,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
        text=True,
    )
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline:
        if server.poll() is not None:
            raise SystemExit(f"Le serveur s'est arrêté :\n{server.stderr.read()}")
        try:
            urllib.request.urlopen(f"http://127.0.0.1:{port}/", timeout=2)
            return server
        except (urllib.error.URLError, ConnectionError):
            time.sleep(0.3)
    server.terminate()
    raise SystemExit("Le serveur n'a pas répondu en 60 s.")


def register_one(url: str, visit: Visit, ready: threading.Barrier) -> None:
    """Open the form, wait for everyone, send it."""
    jar = http.cookiejar.CookieJar()
    opener = urllib.request.build_opener(urllib.request.HTTPCookieProcessor(jar), NoRedirect)
    try:
        page = opener.open(url, timeout=120).read().decode()
        fields = {
            "csrfmiddlewaretoken": TOKEN.search(page).group(1),
            "submission_key": FORM_KEY.search(page).group(1),
            "first_name": "Camille",
            "last_name": f"Participant {visit.number:03d}",
            "email": f"participant{visit.number:03d}@example.org",
            "organisation_name": "Communauté de communes du Diois",
            "category": "agent",
            "consent": "on",
        }
        body = urllib.parse.urlencode(fields).encode()
        request = urllib.request.Request(url, data=body, headers={"Referer": url})
    except Exception as error:  # reported with the figures
        visit.error = f"formulaire : {error!r}"
        ready.abort()
        return
    ready.wait()
    started = time.perf_counter()
    try:
        response = opener.open(request, timeout=300)
        visit.status = response.status
    except urllib.error.HTTPError as answer:  # the 302 is an HTTPError without redirection
        visit.status = answer.code
        visit.location = answer.headers.get("Location", "")
    except Exception as error:
        visit.error = repr(error)
    visit.seconds = time.perf_counter() - started


def form_alone(url: str, times: int = 20) -> float:
    """The median time of the form page requested by one visitor at a time: what the server
    takes without waiting for anyone."""
    seconds = []
    for _ in range(times):
        started = time.perf_counter()
        urllib.request.urlopen(url, timeout=60).read()
        seconds.append(time.perf_counter() - started)
    return statistics.median(seconds)


def percentile(values: list[float], share: float) -> float:
    ordered = sorted(values)
    index = max(0, min(len(ordered) - 1, round(share * len(ordered) + 0.5) - 1))
    return ordered[index]


@dataclass
class Wave:
    """The outcome of ``people`` visitors sending one form at once."""

    name: str
    visits: list[Visit]
    elapsed: float
    lock_ms: list[float]
    overbooked: int
    lost: int
    problems: list[str]

    @property
    def seconds(self) -> list[float]:
        return [v.seconds for v in self.visits if not v.error]

    @property
    def throughput(self) -> float:
        return len(self.seconds) / self.elapsed


def send_all(url: str, people: int) -> tuple[list[Visit], float]:
    """``people`` visitors open the form at ``url``, then send it at the same moment; the visits
    and the seconds from the release to the last answer."""
    visits = [Visit(number) for number in range(people)]
    ready = threading.Barrier(people + 1)
    threads = [threading.Thread(target=register_one, args=(url, v, ready)) for v in visits]
    for thread in threads:
        thread.start()
    ready.wait(timeout=600)  # every form is open: release them all at once
    released = time.perf_counter()
    for thread in threads:
        thread.join()
    return visits, time.perf_counter() - released


def lock_times(lock_log: Path, logger: str) -> list[float]:
    """The milliseconds each registration held the session row, as the server logged them."""
    if not lock_log.exists():
        return []
    lines = (line.split() for line in lock_log.read_text().splitlines())
    return [float(parts[1]) for parts in lines if len(parts) == 2 and parts[0] == logger]


def check_outcome(
    session: TrainingSession, visits: list[Visit], places: int, *, emails: bool
) -> tuple[list[str], int, int]:
    """What went wrong, the places overbooked and the people lost."""
    people = len(visits)
    problems = []
    counts = Counter(session.registrations.values_list("status", flat=True))
    if counts != {Status.CONFIRMED: places, Status.WAITING: people - places}:
        problems.append(f"statuts inattendus : {dict(counts)}")
    holding = sum(counts[status] for status in HOLDS_A_PLACE)
    overbooked = max(holding - places, 0)
    twice = (
        Registration.objects.filter(session=session)
        .values("email")
        .annotate(n=Count("pk"))
        .filter(n__gt=1)
    )
    if twice.exists():
        problems.append(f"{twice.count()} adresses inscrites deux fois")
    registered = set(session.registrations.values_list("email", flat=True))
    missing = [
        v.number for v in visits if f"participant{v.number:03d}@example.org" not in registered
    ]
    if missing:
        problems.append(f"{len(missing)} personnes perdues")
    answers = Counter(v.status for v in visits)
    if answers != {302: people} or not all(MINE.search(v.location) for v in visits):
        problems.append(f"réponses inattendues : {dict(answers)}")
    tokens = {v.location for v in visits}
    if len(tokens) != people:
        problems.append("des personnes ont reçu la même page d'inscription")
    if emails:
        # The worker writes each e-mail from its registration (``registrations/tasks.py``).
        outcomes = DBTaskResult.objects.filter(
            task_path="essaim.registrations.tasks.send_outcome"
        ).values_list("args_kwargs", flat=True)
        told = Counter(outcome["kwargs"]["registration_id"] for outcome in outcomes)
        registered = set(Registration.objects.filter(session=session).values_list("pk", flat=True))
        if set(told) != registered or any(count != 1 for count in told.values()):
            problems.append(f"{len(told)} e-mails en file pour {people} inscriptions")
    return problems, overbooked, len(missing)


LOCMEM_MAIL = "django.core.mail.backends.locmem.EmailBackend"


def worker_sends_the_emails(session: TrainingSession, people: int) -> list[str]:
    """Run the worker on what the registrations left it (one task each, from which it writes
    the e-mail, records it and queues its sending), e-mails kept in memory; print how long it
    took and check that each registrant is told once."""
    with override_settings(MAILERS={"default": {"BACKEND": LOCMEM_MAIL}}):
        mail.outbox = []
        started = time.perf_counter()
        call_command("worker", batch=True, verbosity=0)
        seconds = time.perf_counter() - started
        sent = list(mail.outbox)
    told = SentMessage.objects.filter(session=session).count()
    print(f"\nle worker, ensuite : {len(sent)} e-mails écrits et envoyés en {seconds:.1f} s")
    if told != people or len(sent) != people:
        return [f"worker : {told} e-mails enregistrés, {len(sent)} envoyés pour {people}"]
    return []


def wave(
    name: str, url: str, session: TrainingSession, options, lock_log: Path, logger: str
) -> Wave:
    visits, elapsed = send_all(url, options.people)
    problems, overbooked, lost = check_outcome(
        session, visits, options.places, emails=logger == "essaim.registrations.lock"
    )
    errors = [v.error for v in visits if v.error]
    return Wave(
        name=name,
        visits=visits,
        elapsed=elapsed,
        lock_ms=lock_times(lock_log, logger),
        overbooked=overbooked,
        lost=lost,
        problems=[*errors[:5], *problems],
    )


def milliseconds(values: list[float], *, already_ms: bool = False) -> str:
    if not values:
        return "–"
    scale = 1 if already_ms else 1000
    median = statistics.median(values) * scale
    return f"{median:.1f} / {percentile(values, 0.99) * scale:.1f} / {max(values) * scale:.1f}"


def print_table(floor: Wave, application: Wave) -> None:
    ratio = application.throughput / floor.throughput
    rows = [
        ("débit (inscriptions/s)", f"{floor.throughput:.1f}", f"{application.throughput:.1f}"),
        ("durée totale (s)", f"{floor.elapsed:.2f}", f"{application.elapsed:.2f}"),
        (
            "envoi : médiane / p99 / max (ms)",
            *(milliseconds(w.seconds) for w in (floor, application)),
        ),
        (
            "verrou tenu : médiane / p99 / max (ms)",
            *(milliseconds(w.lock_ms, already_ms=True) for w in (floor, application)),
        ),
        ("surréservées / perdues", *(f"{w.overbooked} / {w.lost}" for w in (floor, application))),
    ]
    print("| | plancher | application |")
    print("|---|---|---|")
    for row in rows:
        print("| " + " | ".join(row) + " |")
    print(f"| débit rapporté au plancher | 1 | {ratio:.2f} × |")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--people", type=int, default=300)
    parser.add_argument("--places", type=int, default=100)
    parser.add_argument(
        "--workers", type=int, default=2 * (os.cpu_count() or 1) + 1, help="processus gunicorn"
    )
    parser.add_argument("--port", type=int, default=0, help="port du serveur (libre par défaut)")
    parser.add_argument("--keep", action="store_true", help="garder la base de travail")
    options = parser.parse_args()

    engine = settings.DATABASES["default"]["ENGINE"].rsplit(".", 1)[-1]
    call_command("migrate", interactive=False, verbosity=0)
    if engine == "postgresql":
        call_command("flush", interactive=False, verbosity=0)
    call_command("collectstatic", interactive=False, verbosity=0)
    session = prepare_session(options.places, "banc-inscriptions")
    floor_session = prepare_session(options.places, "banc-plancher")
    with connection.cursor() as cursor:
        cursor.execute("ANALYZE")
    connection.close()

    port = options.port or free_port()
    lock_log = Path(tempfile.mkdtemp(prefix="essaim-bench-locks-")) / "verrous.log"
    server = start_server(port, options.workers, lock_log)
    base = f"http://127.0.0.1:{port}"
    url = f"{base}/sessions/{session.slug}/inscription/"
    try:
        alone = form_alone(url)
        floor = wave(
            "plancher",
            f"{base}/plancher/{floor_session.slug}/inscription/",
            floor_session,
            options,
            lock_log,
            "bench.floor.lock",
        )
        application = wave(
            "application", url, session, options, lock_log, "essaim.registrations.lock"
        )
    finally:
        server.terminate()
        server.wait(timeout=30)
        shutil.rmtree(lock_log.parent, ignore_errors=True)

    print(f"\n{options.people} inscriptions simultanées pour {options.places} places")
    print(f"  base : {engine}, serveur : essaim serve (gunicorn), {options.workers} processus")
    print(f"  pour comparaison, le formulaire demandé seul : {alone * 1000:.0f} ms\n")
    print_table(floor, application)
    problems = [f"{w.name} : {p}" for w in (floor, application) for p in w.problems]
    problems += worker_sends_the_emails(session, options.people)
    print("\nvérifications : " + ("aucune perdue, aucune en double" if not problems else ""))
    for problem in problems:
        print(f"  ✗ {problem}")

    if engine == "postgresql" and not options.keep:
        call_command("flush", interactive=False, verbosity=0)
    connection.close()
    if scratch_dir and not options.keep:
        shutil.rmtree(scratch_dir, ignore_errors=True)
    sys.exit(1 if problems else 0)


if __name__ == "__main__":
    main()
