"""The organisers' daily digest of new and pending registrations, and their dashboard card."""

import datetime

import pytest
from django.urls import reverse
from django.utils import timezone

from essaim.registrations.digest import send_organiser_digests
from essaim.registrations.models import OrganiserDigest, PendingReason, Status
from essaim.roles.models import Role
from tests.conftest import client_for
from tests.registrations.factories import RegistrationFactory
from tests.registrations.helpers import NOW, session_of
from tests.trainings.factories import CycleFactory

pytestmark = pytest.mark.django_db
DAY = datetime.timedelta(days=1)
HOUR = datetime.timedelta(hours=1)


@pytest.fixture
def sessions(owner, editor, reader, outsider):
    """The owner organises « Repères » and, through its cycle, « Témoignages »; the editor
    organises « Ailleurs » only; the reader only reads « Repères »."""
    reperes = session_of(title="Repères")
    reperes.grant(owner, Role.OWNER)
    reperes.grant(reader, Role.READER)
    cycle = CycleFactory()
    cycle.grant(owner, Role.EDITOR)
    temoignages = session_of(title="Témoignages", cycle=cycle)
    elsewhere = session_of(title="Ailleurs")
    elsewhere.grant(editor, Role.EDITOR)
    return reperes, temoignages, elsewhere


def registered(session, name: str, *, at: datetime.datetime, **fields):
    return RegistrationFactory(session=session, last_name=name, created_at=at, **fields)


def digests(mailoutbox) -> dict[str, str]:
    return {message.to[0]: message for message in mailoutbox}


def test_each_organiser_gets_one_digest_of_their_own_sessions(
    sessions, owner, editor, reader, mailoutbox, django_capture_on_commit_callbacks
):
    reperes, temoignages, elsewhere = sessions
    registered(reperes, "Nouvelle", at=NOW - HOUR)
    registered(
        reperes,
        "Ancienne",
        at=NOW - 5 * DAY,
        status=Status.PENDING,
        pending_reason=PendingReason.MEMBERSHIP,
    )
    registered(temoignages, "Cyclique", at=NOW - 2 * HOUR, status=Status.WAITING)
    registered(elsewhere, "Voisine", at=NOW - 3 * HOUR)
    registered(reperes, "Exemple", at=NOW - HOUR, illustrative=True)  # demo data

    with django_capture_on_commit_callbacks(execute=True):
        assert send_organiser_digests(NOW) == 2

    sent = digests(mailoutbox)
    assert set(sent) == {owner.email, editor.email}  # the reader decides nothing
    mine = sent[owner.email]
    assert mine.subject == "Inscriptions : 2 nouvelles inscriptions, 1 à valider"
    body = mine.body
    assert "— Repères (" in body and "— Témoignages (" in body
    assert "· Camille Nouvelle (Communauté de communes du Diois) : confirmée" in body
    assert "· Camille Ancienne : cotisation à régler" in body
    assert "· Camille Cyclique (Communauté de communes du Diois) : en liste d'attente" in body
    assert reverse("registrations:manage", args=[reperes.pk]) in body
    assert "Voisine" not in body and "Exemple" not in body
    theirs = sent[editor.email].body
    assert "Voisine" in theirs and "Repères" not in theirs and "Nouvelle" not in theirs


def test_it_is_sent_once_a_day_and_only_when_something_is_new(
    sessions, owner, mailoutbox, django_capture_on_commit_callbacks
):
    reperes = sessions[0]
    registered(reperes, "Premier", at=NOW - HOUR)
    with django_capture_on_commit_callbacks(execute=True):
        assert send_organiser_digests(NOW) == 1
        assert send_organiser_digests(NOW + HOUR) == 0  # the next hourly run, same day
        registered(reperes, "Deuxième", at=NOW + 2 * HOUR)
        assert send_organiser_digests(NOW + 3 * HOUR) == 0  # tomorrow's
        assert send_organiser_digests(NOW + DAY + 3 * HOUR) == 1
        assert send_organiser_digests(NOW + 2 * DAY + 3 * HOUR) == 0  # nothing new since
    first, second = [m for m in mailoutbox if m.to == [owner.email]]
    assert "Premier" in first.body
    assert "Deuxième" in second.body and "Premier" not in second.body
    digest = OrganiserDigest.objects.get(user=owner)
    assert digest.sent_at == NOW + DAY + 3 * HOUR


def test_nothing_goes_out_before_the_morning(sessions, mailoutbox):
    registered(sessions[0], "Nocturne", at=NOW - DAY)
    night = datetime.datetime(2031, 3, 1, 3, 0, tzinfo=datetime.UTC)  # 4 h in Paris
    assert send_organiser_digests(night) == 0
    assert not OrganiserDigest.objects.filter(sent_at__isnull=False).exists()


def test_past_sessions_are_left_out(owner, mailoutbox):
    past = session_of(title="Passée", start=(NOW - 10 * DAY).date())
    past.grant(owner, Role.OWNER)
    registered(past, "Tardive", at=NOW - HOUR)
    assert send_organiser_digests(NOW) == 0


# The dashboard card ----------------------------------------------------------------------------


def test_the_dashboard_shows_the_organisers_sessions_to_follow(sessions, owner, outsider):
    reperes, temoignages, elsewhere = sessions
    now = timezone.now()
    registered(reperes, "Nouvelle", at=now - HOUR)
    registered(
        temoignages,
        "Attente",
        at=now - 30 * DAY,
        status=Status.PENDING,
        pending_reason=PendingReason.MEMBERSHIP,
    )
    registered(elsewhere, "Voisine", at=now - HOUR)
    registered(session_of(title="Calme"), "Ancienne", at=now - 30 * DAY)

    content = client_for(owner).get(reverse("core:dashboard")).content.decode()
    assert "Inscriptions à suivre" in content
    assert "Repères</a> (" in content and "1 nouvelle en 7 jours" in content
    assert "Témoignages</a> (" in content and "1 à valider</a>" in content
    assert "Ailleurs" not in content and "Calme" not in content

    other = client_for(outsider).get(reverse("core:dashboard")).content.decode()
    assert "Inscriptions à suivre" not in other and "Repères" not in other


def test_the_dashboard_card_costs_the_same_queries_whatever_the_rows(
    sessions, owner, django_assert_max_num_queries
):
    client = client_for(owner)
    client.get(reverse("core:dashboard"))  # the session and the user, once
    reperes, temoignages, _ = sessions
    registered(reperes, "Première", at=timezone.now() - HOUR)
    with django_assert_max_num_queries(20) as few:
        client.get(reverse("core:dashboard"))
    for number in range(10):
        extra = session_of(title=f"Session {number}", cycle=temoignages.cycle)
        for person in range(3):
            registered(extra, f"P{number}-{person}", at=timezone.now() - HOUR)
    with django_assert_max_num_queries(len(few.captured_queries)):
        response = client.get(reverse("core:dashboard"))
    assert response.content.decode().count("nouvelles en 7 jours") == 9  # ten shown at most
