"""Kept pages: served again from memory, never older than the database, never someone else's.

The tests that need commits (the generations move after them) are transactional; the last ones
run inside the test's transaction, as most of the suite does."""

import re
from pathlib import Path

import pytest
from django.contrib.messages import constants
from django.contrib.messages.storage.base import Message
from django.contrib.messages.storage.cookie import CookieStorage
from django.db import connection
from django.http import HttpResponse
from django.test import Client, RequestFactory
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone

from essaim.accounts.models import User
from essaim.core import page_cache
from essaim.experiments.models import Experiment
from essaim.registrations.anonymisation import anonymise_registrations
from essaim.roles.models import Role
from essaim.themes.models import Theme
from tests.conftest import client_for
from tests.experiments.factories import ExperimentFactory, HypothesisFactory
from tests.registrations.factories import RegistrationFactory
from tests.trainings.factories import TrainingSessionFactory

TOKEN = re.compile(r'name="csrfmiddlewaretoken" value="([^"]+)"')

# The kept page is served with the session and the user (the middleware's) and the generations.
QUERIES_OF_A_KEPT_PAGE = 3


@pytest.fixture
def shared(owner, reader):
    experiment = ExperimentFactory(title="Autostop organisé en Chartreuse", framed=True)
    experiment.grant(owner, Role.OWNER)
    experiment.grant(reader, Role.READER)
    return experiment


def overview(experiment) -> str:
    return reverse("experiments:detail", args=[experiment.pk])


def get(client: Client, url: str) -> tuple[HttpResponse, int]:
    with CaptureQueriesContext(connection) as queries:
        response = client.get(url)
    return response, len(queries)


def without_tokens(content: bytes) -> str:
    return re.sub(r'(value="|X-CSRFToken": ")[^"]+"', r'\1"', content.decode())


transactional = pytest.mark.django_db(transaction=True)


@pytest.fixture(autouse=True)
def minute(monkeypatch) -> list[int]:
    """The clock's minute, held still: a test that crosses a minute sees its page made again."""
    held = [page_cache.current_minute()]
    monkeypatch.setattr(page_cache, "current_minute", lambda: held[0])
    return held


@transactional
def test_a_page_seen_again_is_served_from_memory_as_it_was(owner, shared):
    client = client_for(owner)
    first, made = get(client, overview(shared))
    again, served = get(client, overview(shared))
    assert first.status_code == again.status_code == 200
    assert made > served == QUERIES_OF_A_KEPT_PAGE
    assert without_tokens(again.content) == without_tokens(first.content)
    assert "Autostop organisé en Chartreuse" in again.text


@transactional
def test_what_changed_shows_whatever_wrote_it(owner, shared):
    client = client_for(owner)
    client.get(overview(shared))
    Experiment.objects.filter(pk=shared.pk).update(title="Autostop du Grésivaudan")  # no signal
    assert "Autostop du Grésivaudan" in client.get(overview(shared)).text
    with connection.cursor() as cursor:
        cursor.execute(
            f"UPDATE {Experiment._meta.db_table} SET summary = %s WHERE id = %s",
            ["Des arrêts signalés dans douze villages.", shared.pk],
        )
    assert "Des arrêts signalés dans douze villages." in client.get(overview(shared)).text


@transactional
def test_a_change_in_another_table_the_page_shows_makes_it_again(owner, shared):
    client = client_for(owner)
    assert "<strong>0</strong> hypothèse" in client.get(overview(shared)).text
    HypothesisFactory(experiment=shared)
    response, queries = get(client, overview(shared))
    assert queries > QUERIES_OF_A_KEPT_PAGE
    assert "<strong>1</strong> hypothèse" in response.text


@transactional
def test_a_person_who_lost_their_role_no_longer_sees_the_kept_page(reader, shared):
    client = client_for(reader)
    assert client.get(overview(shared)).status_code == 200
    shared.revoke(reader)
    assert client.get(overview(shared)).status_code == 404


@transactional
def test_a_page_is_never_served_to_another_person(owner, reader, shared):
    owner_page = client_for(owner).get(overview(shared))
    assert reverse("experiments:move_stage", args=[shared.pk]) in owner_page.text
    reader_page, queries = get(client_for(reader), overview(shared))
    assert queries > QUERIES_OF_A_KEPT_PAGE
    assert reverse("experiments:move_stage", args=[shared.pk]) not in reader_page.text


@transactional
def test_the_forms_of_a_kept_page_carry_the_token_of_whoever_receives_it(owner, shared):
    first, second = Client(enforce_csrf_checks=True), Client(enforce_csrf_checks=True)
    first.force_login(owner)
    second.force_login(owner)
    first_token = TOKEN.search(first.get(overview(shared)).text)[1]
    page, queries = get(second, overview(shared))
    assert queries == QUERIES_OF_A_KEPT_PAGE
    assert page_cache.CSRF_PLACEHOLDER not in page.text
    second_token = TOKEN.search(page.text)[1]
    assert second_token != first_token
    assert f'"X-CSRFToken": "{second_token}"' in page.text
    logout = reverse("accounts:logout")
    assert second.post(logout, {"csrfmiddlewaretoken": first_token}).status_code == 403
    assert second.post(logout, {"csrfmiddlewaretoken": second_token}).status_code == 302


@transactional
def test_a_message_waiting_is_shown_rather_than_the_kept_page(owner, shared):
    client = client_for(owner)
    client.get(overview(shared))
    message = Message(constants.SUCCESS, "L'hypothèse est enregistrée.")
    client.cookies["messages"] = CookieStorage(RequestFactory().get("/"))._encode([message])
    page, queries = get(client, overview(shared))
    assert "L&#x27;hypothèse est enregistrée." in page.text
    assert queries > QUERIES_OF_A_KEPT_PAGE
    assert "L&#x27;hypothèse est enregistrée." not in client.get(overview(shared)).text


@transactional
def test_a_kept_page_is_made_again_each_minute(owner, shared, minute):
    client = client_for(owner)
    client.get(overview(shared))
    _, queries = get(client, overview(shared))
    assert queries == QUERIES_OF_A_KEPT_PAGE
    minute[0] += 1
    _, queries = get(client, overview(shared))
    assert queries > QUERIES_OF_A_KEPT_PAGE


@transactional
def test_the_public_page_of_a_session_is_shared_by_anonymous_visitors():
    session = TrainingSessionFactory(title="Animer un tiers-lieu")
    url = session.get_absolute_url()
    first, _ = get(Client(), url)
    second, queries = get(Client(), url)
    assert first.status_code == second.status_code == 200
    assert queries == 1, "the generations alone"
    assert "Animer un tiers-lieu" in second.text


@transactional
def test_a_view_that_writes_is_made_at_every_request(owner):
    @page_cache.kept_page
    def view(request):
        Theme.objects.create(
            slug=f"theme-{Theme.objects.count()}", label=f"Thème {Theme.objects.count()}"
        )
        return HttpResponse("écrit")

    before = Theme.objects.count()
    for _ in range(2):
        request = RequestFactory().get("/ecrit/")
        request.user = owner
        assert view(request).content == "écrit".encode()
    assert Theme.objects.count() == before + 2


@transactional
def test_no_page_is_kept_when_keeping_is_off(owner, shared, settings):
    settings.PAGE_CACHE_ENTRIES = 0
    client = client_for(owner)
    client.get(overview(shared))
    _, queries = get(client, overview(shared))
    assert queries > QUERIES_OF_A_KEPT_PAGE


@pytest.mark.django_db
def test_inside_a_transaction_a_page_shows_what_it_has_written(owner, shared):
    client = client_for(owner)
    client.get(overview(shared))
    Experiment.objects.filter(pk=shared.pk).update(title="Autostop du Vercors")
    for _ in range(2):
        response, queries = get(client, overview(shared))
        assert "Autostop du Vercors" in response.text
        assert queries > QUERIES_OF_A_KEPT_PAGE


@transactional
def test_a_kept_page_never_shows_a_registrant_once_anonymised(training_session, owner):
    registration = RegistrationFactory(
        session=training_session, first_name="Mylène", last_name="Thou"
    )
    client = client_for(owner)
    tab = reverse("registrations:manage", args=[training_session.pk])
    assert "Thou" in client.get(tab).text
    assert get(client, tab)[1] == QUERIES_OF_A_KEPT_PAGE
    anonymise_registrations([registration], now=timezone.now())
    assert "Thou" not in client.get(tab).text


def answer_of(view, user) -> bytes:
    request = RequestFactory().get("/personne/")
    request.user = user
    return view(request).content


@transactional
def test_a_page_made_from_an_older_row_of_the_person_is_never_served_with_the_newer(staff):
    @page_cache.kept_page
    def view(request):
        return HttpResponse(f"administrateur : {request.user.is_staff}")

    # The middleware read the person, then their row changed, then the generations were read.
    read_before = User.objects.get(pk=staff.pk)
    User.objects.filter(pk=staff.pk).update(is_staff=False)
    assert answer_of(view, read_before) == b"administrateur : True"
    assert answer_of(view, User.objects.get(pk=staff.pk)) == b"administrateur : False"


@transactional
def test_the_csrf_placeholder_is_drawn_by_each_process_and_never_typed(owner, shared):
    assert page_cache.CSRF_PLACEHOLDER not in Path(page_cache.__file__).read_text()
    typed = "jeton-csrf-de-la-page-gardee"
    client = client_for(owner)
    for _ in range(2):
        page = client.get(reverse("experiments:list"), {"q": typed})
        assert f'value="{typed}"' in page.text


@transactional
def test_a_page_too_large_is_made_at_every_request(owner):
    made = []

    @page_cache.kept_page
    def view(request):
        made.append(1)
        return HttpResponse(b"x" * (page_cache.LARGEST_KEPT_PAGE + 1))

    for _ in range(2):
        answer_of(view, owner)
    assert len(made) == 2
