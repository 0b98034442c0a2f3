"""The production server's access log never keeps the tokens of personal links."""

import datetime
import io
import logging
import secrets
from types import SimpleNamespace

import pytest
from django.urls import reverse
from gunicorn.config import Config

from essaim.core.access_log import AccessLogWithoutTokens, without_tokens
from essaim.core.management.commands.serve import Command

TOKEN = secrets.token_urlsafe(24)
PERSONAL_LINKS = [
    ("registrations:mine", {"token": TOKEN}),
    ("registrations:calendar", {"token": TOKEN}),
    ("registrations:cancel", {"token": TOKEN}),
    ("surveys:answer", {"token": TOKEN}),
    ("roles:accept_invitation", {"token": TOKEN}),
    ("privacy:open", {"token": TOKEN}),
    ("accounts:confirm_email", {"token": TOKEN}),
    ("accounts:password_reset_confirm", {"uidb64": "MTIzNDU", "token": TOKEN}),
]


@pytest.mark.parametrize(("name", "kwargs"), PERSONAL_LINKS)
def test_each_personal_link_is_written_without_its_token(name, kwargs):
    path = reverse(name, kwargs=kwargs)

    written = without_tokens(f"{path}?utm=lettre")

    assert TOKEN not in written
    assert "[jeton]" in written
    assert written.endswith("?utm=lettre")
    if "uidb64" in kwargs:
        assert "MTIzNDU" not in written


def test_other_addresses_are_written_as_they_are():
    for path in ["/sessions/atelier-mobilite-2027/inscription/", "/commune/26281/", "/nulle/part/"]:
        assert without_tokens(path) == path


def served_line(environ: dict) -> str:
    """What ``essaim serve``'s logger writes for one request."""
    cfg = Config()
    cfg.set("accesslog", "-")
    logger = AccessLogWithoutTokens(cfg)
    stream = io.StringIO()
    logger.access_log.handlers = [logging.StreamHandler(stream)]
    response = SimpleNamespace(status="200 OK", headers=[], sent=512)
    request = SimpleNamespace(headers=[("REFERER", environ.get("HTTP_REFERER", "-"))])
    logger.access(response, request, environ, datetime.timedelta(milliseconds=12))
    return stream.getvalue()


def test_the_server_s_log_hides_the_token_of_the_page_and_of_the_page_it_came_from():
    page = reverse("registrations:edit", kwargs={"token": TOKEN})
    came_from = "https://essaim.example.org" + reverse(
        "registrations:mine", kwargs={"token": TOKEN}
    )

    line = served_line(
        {
            "REQUEST_METHOD": "GET",
            "RAW_URI": page,
            "PATH_INFO": page,
            "SERVER_PROTOCOL": "HTTP/1.1",
            "REMOTE_ADDR": "192.0.2.10",
            "HTTP_REFERER": came_from,
            "HTTP_USER_AGENT": "Firefox",
        }
    )

    assert "GET /inscriptions/[jeton]/modifier/ HTTP/1.1" in line
    assert "https://essaim.example.org/inscriptions/[jeton]/" in line
    assert TOKEN not in line


def test_essaim_serve_uses_that_logger(monkeypatch):
    seen = {}
    monkeypatch.setattr(
        "essaim.core.management.commands.serve.EssaimServer.run",
        lambda server: seen.update(logger=server.cfg.logger_class),
    )
    Command().handle(bind="127.0.0.1:0", workers=1, timeout=5)
    assert seen["logger"] is AccessLogWithoutTokens
