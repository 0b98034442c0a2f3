"""``essaim demo`` as a newcomer runs it: a process that prepares the site and serves it."""

import http.cookiejar
import os
import re
import shutil
import socket
import sqlite3
import subprocess
import sys
import threading
import time
import urllib.parse
import urllib.request
from contextlib import closing

import pytest

# The test database is wanted for its prepared copy (see the ``data_dir`` fixture).
pytestmark = [pytest.mark.slow, pytest.mark.django_db]


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def demo_env(data_dir) -> dict:
    env = {k: v for k, v in os.environ.items() if not k.startswith(("ESSAIM_", "DJANGO_"))}
    env.pop("DATABASE_URL", None)
    env["ESSAIM_DATA_DIR"] = str(data_dir)
    return env


def wait_for_server(process: subprocess.Popen, port: int, timeout: float = 300) -> list[str]:
    """Collect the process's output in a thread until the site answers on ``port``."""
    output: list[str] = []
    reader = threading.Thread(target=lambda: output.extend(process.stdout), daemon=True)
    reader.start()
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if process.poll() is not None:
            reader.join(timeout=5)
            pytest.fail("essaim demo s'est arrêté :\n" + "".join(output))
        if any("Essaim est prêt" in line for line in output):
            try:
                with socket.create_connection(("127.0.0.1", port), timeout=1):
                    return output
            except OSError:
                pass
        time.sleep(0.5)
    pytest.fail("essaim demo n'a pas répondu à temps :\n" + "".join(output))


def count_rows(data_dir, table: str) -> int:
    with closing(sqlite3.connect(data_dir / "essaim.sqlite3")) as connection:
        return connection.execute(f"SELECT COUNT(*) FROM {table}").fetchone()[0]


@pytest.fixture
def data_dir(tmp_path, django_db_setup):
    """The folder of the demo, holding on SQLite a copy of the prepared test database (migrated,
    with the referential): the command then has only the demo data to load. On PostgreSQL it
    starts empty, as for a newcomer."""
    if django_db_setup.sqlite_copy is not None:
        shutil.copyfile(django_db_setup.sqlite_copy, tmp_path / "essaim.sqlite3")
    return tmp_path


def test_essaim_demo_serves_the_site_with_its_data_and_can_run_again(data_dir):
    port = free_port()
    process = subprocess.Popen(
        [sys.executable, "-m", "essaim", "demo", "--port", str(port)],
        env=demo_env(data_dir),
        stdout=subprocess.PIPE,
        stderr=subprocess.STDOUT,
        text=True,
    )
    try:
        output = "".join(wait_for_server(process, port))
        email, password = re.search(
            r"démonstration : (\S+) / mot de passe : (\S+)", output
        ).groups()

        base = f"http://127.0.0.1:{port}"
        opener = urllib.request.build_opener(
            urllib.request.HTTPCookieProcessor(http.cookiejar.CookieJar())
        )

        def fetch(url: str | urllib.request.Request) -> str:
            with opener.open(url) as response:
                assert response.status == 200
                return response.read().decode()

        home = fetch(base + "/")
        assert "Expérimenter, évaluer, pérenniser et essaimer" in home
        assert "--primary" in fetch(base + "/static/essaim/essaim.css")

        login_page = fetch(base + "/compte/connexion/")
        token = re.search(r'name="csrfmiddlewaretoken" value="([^"]+)"', login_page).group(1)
        data = urllib.parse.urlencode(
            {"csrfmiddlewaretoken": token, "username": email, "password": password}
        ).encode()
        request = urllib.request.Request(
            base + "/compte/connexion/", data=data, headers={"Referer": base + "/"}
        )
        dashboard = fetch(request)
        assert "Bonjour" in dashboard
        organisations = fetch(base + "/organisations/?q=saillans")
        assert "Saillans" in organisations
    finally:
        process.terminate()
        process.wait(timeout=30)
        process.stdout.close()

    counts = {
        table: count_rows(data_dir, table)
        for table in (
            "territories_commune",
            "organisations_organisation",
            "organisations_person",
            "territories_territory",
        )
    }
    assert counts["territories_commune"] > 34000
    assert counts["organisations_organisation"] >= 16

    again = subprocess.run(
        [sys.executable, "-m", "essaim", "demo", "--no-serve"],
        env=demo_env(data_dir),
        capture_output=True,
        text=True,
        timeout=300,
    )
    assert again.returncode == 0, again.stdout + again.stderr
    assert counts == {table: count_rows(data_dir, table) for table in counts}
