"""The floor of ``bench/registrations.py``, mounted only by its server's settings
(``bench/registrations_site.py``): a minimal form (its CSRF token and a form key) and, on POST,
the same locked insert as a registration — the session row locked, the places taken counted,
the registration written, a redirection to its page — and nothing else (no form validation,
directory, history, e-mail). The rest of the site is served as usual."""

import logging
import time

from django.db import transaction
from django.http import HttpRequest, HttpResponse
from django.middleware.csrf import get_token
from django.shortcuts import redirect
from django.urls import include, path
from django.utils import timezone

from essaim.registrations.models import HOLDS_A_PLACE, Registration, Status, new_token
from essaim.trainings.models import TrainingSession

floor_lock_logger = logging.getLogger("bench.floor.lock")
FLOOR_FORM = (
    '<!doctype html><form method="post">'
    '<input type="hidden" name="csrfmiddlewaretoken" value="{token}">'
    '<input type="hidden" name="submission_key" value="{key}">'
    '<input name="email"><button type="submit">M\'inscrire</button></form>'
)


def floor_register(request: HttpRequest, slug: str) -> HttpResponse:
    if request.method != "POST":
        return HttpResponse(FLOOR_FORM.format(token=get_token(request), key=new_token()))
    now = timezone.now()
    with transaction.atomic():
        session = TrainingSession.objects.select_for_update().only("capacity").get(slug=slug)
        locked_at = time.perf_counter()
        taken = Registration.objects.filter(session=session, status__in=HOLDS_A_PLACE).count()
        full = taken >= session.capacity
        registration = Registration.objects.create(
            session=session,
            email=request.POST["email"].strip().lower(),
            first_name=request.POST["first_name"],
            last_name=request.POST["last_name"],
            submission_key=request.POST["submission_key"],
            status=Status.WAITING if full else Status.CONFIRMED,
            confirmed_at=None if full else now,
            consent=True,
            consent_at=now,
            created_at=now,
        )
    floor_lock_logger.debug("%.3f", (time.perf_counter() - locked_at) * 1000)
    return redirect("registrations:mine", token=registration.token)


urlpatterns = [
    path("plancher/<slug:slug>/inscription/", floor_register),
    path("", include("essaim.urls")),
]
