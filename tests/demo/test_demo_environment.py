"""The environment of ``essaim demo``: e-mails whose links lead to the port it serves, printed in
the terminal as a person reads them."""

import os
import subprocess
import sys

SHOW_SETTINGS = """
import sys
from essaim.cli import prepare_demo_environment
prepare_demo_environment(sys.argv[1:])
import django
django.setup()
from django.conf import settings
from django.core.mail import send_mail
send_mail("Votre inscription à « Été des tiers-lieux »", "Modifier : " + settings.SITE_URL
          + "/inscriptions/lien-personnel-tres-long-qui-depasse-la-ligne/modifier/", None,
          ["participante@example.org"])
"""


def run_demo_environment(tmp_path, *args: str, **env: str) -> str:
    clean = {k: v for k, v in os.environ.items() if not k.startswith(("ESSAIM_", "DJANGO_"))}
    clean.pop("DATABASE_URL", None)
    result = subprocess.run(
        [sys.executable, "-c", SHOW_SETTINGS, *args],
        env={
            **clean,
            "ESSAIM_DATA_DIR": str(tmp_path),
            "DJANGO_SETTINGS_MODULE": "essaim.settings",
            **env,
        },
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert result.returncode == 0, result.stderr
    return result.stdout


def test_it_makes_links_in_emails_lead_to_the_port_given(tmp_path):
    printed = run_demo_environment(tmp_path, "--port", "8123", "--no-serve")

    assert (
        "http://127.0.0.1:8123/inscriptions/lien-personnel-tres-long-qui-depasse-la-ligne/modifier/"
        in printed
    )


def test_it_keeps_port_8000_without_port_and_an_address_given_by_the_user(tmp_path):
    assert "http://127.0.0.1:8000/inscriptions/" in run_demo_environment(tmp_path)
    given = run_demo_environment(
        tmp_path, "--port=8123", ESSAIM_SITE_URL="https://demo.example.org"
    )
    assert "https://demo.example.org/inscriptions/" in given


def test_it_prints_emails_decoded_in_the_terminal(tmp_path):
    printed = run_demo_environment(tmp_path)

    assert "Subject: Votre inscription à « Été des tiers-lieux »" in printed
    assert "To: participante@example.org" in printed
    assert "=C3" not in printed and "=\n" not in printed
