"""The settings refuse unsafe production values; ``check --deploy`` is clean in production."""

import os
import subprocess
import sys

PRODUCTION_ENV = {
    "ESSAIM_SECRET_KEY": "Kq8-vT3zR1x_Lm9pW2sY7nB4cF6hJ0dG5aE8uI3oZ-yX1wV7tS2rQ9kN4mP6lD",
    "ESSAIM_ALLOWED_HOSTS": "essaim.example.org",
    "DATABASE_URL": "sqlite:////tmp/essaim-settings-check.sqlite3",
}


def run_essaim(*args: str, **env: str) -> subprocess.CompletedProcess:
    clean = {k: v for k, v in os.environ.items() if not k.startswith(("ESSAIM_", "DJANGO_"))}
    clean.pop("DATABASE_URL", None)
    return subprocess.run(
        [sys.executable, "-m", "essaim", *args],
        env={**clean, **env},
        capture_output=True,
        text=True,
        timeout=120,
    )


def test_production_refuses_the_demo_secret_key():
    result = run_essaim("check", ESSAIM_DEBUG="0", DATABASE_URL=PRODUCTION_ENV["DATABASE_URL"])
    assert result.returncode != 0
    assert "ESSAIM_SECRET_KEY n'est pas défini" in result.stderr
    assert "Traceback" not in result.stderr


def test_a_bad_database_url_is_explained():
    result = run_essaim("check", **{**PRODUCTION_ENV, "DATABASE_URL": "mysql://x@y/z"})
    assert result.returncode != 0
    assert "DATABASE_URL" in result.stderr


def test_check_deploy_is_clean_with_production_settings():
    result = run_essaim("check", "--deploy", "--fail-level", "WARNING", **PRODUCTION_ENV)
    assert result.returncode == 0, result.stderr
    assert "no issues" in result.stdout
