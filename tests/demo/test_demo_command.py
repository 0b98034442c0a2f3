"""``essaim demo`` as a newcomer runs it: a process that prepares the site and serves it."""

import http.cookiejar
import os
import re
import socket
import sqlite3
import subprocess
import sys
import time
import urllib.parse
import urllib.request

import pytest

pytestmark = pytest.mark.slow


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def demo_env(data_dir) -> dict:
    env = {k: v for k, v in os.environ.items() if not k.startswith(("ESSAIM_", "DJANGO_"))}
    env.pop("DATABASE_URL", None)
    env["ESSAIM_DATA_DIR"] = str(data_dir)
    return env


def wait_for_server(process: subprocess.Popen, port: int, timeout: float = 300) -> str:
    output = []
    deadline = time.monotonic() + timeout
    os.set_blocking(process.stdout.fileno(), False)
    while time.monotonic() < deadline:
        chunk = process.stdout.read()
        if chunk:
            output.append(chunk)
        if process.poll() is not None:
            pytest.fail("essaim demo s'est arrêté :\n" + "".join(output))
        try:
            with socket.create_connection(("127.0.0.1", port), timeout=1):
                return "".join(output)
        except OSError:
            time.sleep(0.5)
    pytest.fail("essaim demo n'a pas répondu à temps :\n" + "".join(output))


def count_rows(data_dir, table: str) -> int:
    with sqlite3.connect(data_dir / "essaim.sqlite3") as connection:
        return connection.execute(f"SELECT COUNT(*) FROM {table}").fetchone()[0]


def test_essaim_demo_serves_the_site_with_its_data_and_can_run_again(tmp_path):
    port = free_port()
    process = subprocess.Popen(
        [sys.executable, "-m", "essaim", "demo", "--port", str(port)],
        env=demo_env(tmp_path),
        stdout=subprocess.PIPE,
        stderr=subprocess.STDOUT,
        text=True,
    )
    try:
        output = wait_for_server(process, port)
        assert "Essaim est prêt" in output
        email, password = re.search(
            r"démonstration : (\S+) / mot de passe : (\S+)", output
        ).groups()

        base = f"http://127.0.0.1:{port}"
        opener = urllib.request.build_opener(
            urllib.request.HTTPCookieProcessor(http.cookiejar.CookieJar())
        )
        home = opener.open(base + "/").read().decode()
        assert "Expérimenter, évaluer, pérenniser et essaimer" in home
        css = opener.open(base + "/static/essaim/essaim.css")
        assert css.status == 200

        login_page = opener.open(base + "/compte/connexion/").read().decode()
        token = re.search(r'name="csrfmiddlewaretoken" value="([^"]+)"', login_page).group(1)
        data = urllib.parse.urlencode(
            {"csrfmiddlewaretoken": token, "username": email, "password": password}
        ).encode()
        request = urllib.request.Request(
            base + "/compte/connexion/", data=data, headers={"Referer": base + "/"}
        )
        dashboard = opener.open(request).read().decode()
        assert "Bonjour" in dashboard
        organisations = opener.open(base + "/organisations/?q=saillans").read().decode()
        assert "Saillans" in organisations
    finally:
        process.terminate()
        process.wait(timeout=30)

    counts = {
        table: count_rows(tmp_path, table)
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
        env=demo_env(tmp_path),
        capture_output=True,
        text=True,
        timeout=300,
    )
    assert again.returncode == 0, again.stdout + again.stderr
    assert counts == {table: count_rows(tmp_path, table) for table in counts}
