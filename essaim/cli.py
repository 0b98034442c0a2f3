"""The ``essaim`` command: every Django management command, plus ``demo``, ``serve`` and ``worker``.

``essaim import-territories`` and ``essaim import_territories`` are the same command.
"""

import argparse
import os
import secrets
import sys

from essaim.demo import DEMO_PORT
from essaim.env import default_data_dir


def demo_port(args: list[str]) -> int:
    """The port of ``essaim demo [--port N]``; a wrong value is left for the command to refuse."""
    parser = argparse.ArgumentParser(add_help=False)
    parser.add_argument("--port", default=DEMO_PORT)
    port = parser.parse_known_args(args)[0].port
    return int(port) if str(port).isdigit() else DEMO_PORT


def prepare_demo_environment(args: list[str]) -> None:
    """Set the environment of the demo before Django reads its settings.

    The demo always runs on SQLite in the data directory (never on a ``DATABASE_URL`` that could
    point to production), with a secret key generated once and kept beside the database, mail
    printed to the console, links in e-mails to the port it serves and tasks run at once.
    """
    data_dir = default_data_dir()
    data_dir.mkdir(parents=True, exist_ok=True)
    key_file = data_dir / "secret_key"
    if not key_file.exists():
        key_file.write_text(secrets.token_urlsafe(60))
        key_file.chmod(0o600)
    os.environ.pop("DATABASE_URL", None)
    os.environ["ESSAIM_DATA_DIR"] = str(data_dir)
    os.environ.setdefault("ESSAIM_SECRET_KEY", key_file.read_text().strip())
    os.environ.setdefault("ESSAIM_DEBUG", "0")
    os.environ.setdefault("ESSAIM_HTTPS", "0")
    os.environ.setdefault("ESSAIM_EMAIL_BACKEND", "console")
    os.environ.setdefault("ESSAIM_SITE_URL", f"http://127.0.0.1:{demo_port(args)}")
    os.environ.setdefault("ESSAIM_TASK_BACKEND", "immediate")


def main(argv: list[str] | None = None) -> None:
    args = list(sys.argv[1:] if argv is None else argv)
    if args and not args[0].startswith("-"):
        args[0] = args[0].replace("-", "_")
    if args and args[0] == "demo":
        prepare_demo_environment(args[1:])
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "essaim.settings")
    if "DATABASE_URL" not in os.environ:
        default_data_dir().mkdir(parents=True, exist_ok=True)

    from django.core.exceptions import ImproperlyConfigured
    from django.core.management import execute_from_command_line

    try:
        execute_from_command_line(["essaim", *args])
    except ImproperlyConfigured as error:
        sys.exit(f"Configuration incorrecte : {error}")


if __name__ == "__main__":
    main()
