"""The organiser's home, their cycles, and the history and organisers tabs of a session."""

import pytest
from django.urls import reverse

from essaim.core.models import HistoryEntry
from essaim.roles.models import Invitation, Role
from essaim.trainings.models import Cycle
from tests.conftest import client_for
from tests.registrations.factories import RegistrationFactory
from tests.trainings.factories import CycleFactory, TrainingSessionFactory
from tests.trainings.test_public_session import in_days, text_of

pytestmark = pytest.mark.django_db

HOME = reverse("trainings:organiser_home")


def test_the_home_lists_the_sessions_one_organises_with_their_registrations(
    training_session, reader, outsider
):
    from essaim.registrations.models import Status

    RegistrationFactory.create_batch(2, session=training_session)
    RegistrationFactory(session=training_session, status=Status.WAITING)
    past = TrainingSessionFactory(title="Une session passée", start_date=in_days(-40))
    past.grant(reader, Role.READER)
    TrainingSessionFactory(title="Pas la mienne")
    response = client_for(reader).get(HOME)
    assert response.status_code == 200
    text = text_of(response)
    assert "Pas la mienne" not in text
    assert text.index(training_session.title) < text.index("Passées") < text.index(past.title)
    upcoming = response.context["upcoming"][0]
    assert (upcoming.confirmed_count, upcoming.waiting_count, upcoming.places_taken) == (2, 1, 2)
    assert "2 / 30" in text
    assert "Nouvelle session" in text and "Nouveau cycle" in text
    assert "Aucune session" not in text
    assert "Vous n'organisez" not in text_of(client_for(outsider).get(HOME))


def test_the_home_includes_the_sessions_of_the_cycles_one_organises(outsider):
    cycle = CycleFactory(title="Cycle d'automne")
    TrainingSessionFactory(cycle=cycle, title="Session du cycle")
    cycle.grant(outsider, Role.READER)
    text = text_of(client_for(outsider).get(HOME))
    assert "Session du cycle" in text and "Cycle d'automne" in text
    assert "Consultation seulement" in text
    assert reverse("surveys:cycle_results", args=[cycle.pk]) in str(
        client_for(outsider).get(HOME).content
    )


def test_the_home_needs_an_account():
    assert client_for(None).get(HOME).status_code == 302


def test_the_number_of_queries_of_the_home_does_not_grow(reader, django_assert_num_queries):
    client = client_for(reader)
    client.get(HOME)
    for count in (2, 10):
        while reader.object_roles.count() < count:
            cycle = CycleFactory()
            cycle.grant(reader, Role.EDITOR)
            session = TrainingSessionFactory(cycle=cycle, start_date=in_days(count - 5))
            session.grant(reader, Role.OWNER)
            RegistrationFactory(session=session)
        # 1 session, 2 user, 3 the sessions with their counts, 4 the cycles with their role
        with django_assert_num_queries(4):
            assert client.get(HOME).status_code == 200


def test_anyone_signed_in_creates_a_cycle_and_owns_it(outsider):
    response = client_for(outsider).post(
        reverse("trainings:cycle_create"),
        {"title": "Innovation, expérimentation, pérennisation", "summary": "Trois sessions."},
    )
    cycle = Cycle.objects.get()
    assert response["Location"] == reverse("trainings:cycle_edit", args=[cycle.pk])
    assert cycle.slug == "innovation-experimentation-perennisation"
    assert cycle.role_of(outsider) == Role.OWNER and not cycle.published
    response = client_for(outsider).post(reverse("trainings:cycle_create"), {"title": ""})
    assert response.context["form"].errors["title"] == ["Ce champ est obligatoire."]


def test_an_editor_changes_a_cycle_and_readers_cannot(reader, outsider):
    cycle = CycleFactory(title="Cycle", published=False)
    cycle.grant(reader, Role.READER)
    cycle.grant(outsider, Role.EDITOR)
    edit = reverse("trainings:cycle_edit", args=[cycle.pk])
    assert client_for(reader).get(edit).status_code == 403
    assert client_for(reader).post(edit, {"title": "Autre"}).status_code == 403
    response = client_for(outsider).post(edit, {"title": "Cycle 2023", "published": "on"})
    assert response.status_code == 302
    cycle.refresh_from_db()
    assert cycle.title == "Cycle 2023" and cycle.published
    entry = HistoryEntry.objects.of(cycle).get()
    assert entry.changes["Publié"] == {"avant": "non", "après": "oui"}
    stranger = CycleFactory()
    assert (
        client_for(outsider).get(reverse("trainings:cycle_edit", args=[stranger.pk])).status_code
        == 404
    )


def test_the_owner_of_a_cycle_manages_its_organisers(
    outsider, reader, mailoutbox, django_capture_on_commit_callbacks
):
    cycle = CycleFactory()
    cycle.grant(outsider, Role.OWNER)
    cycle.grant(reader, Role.READER)
    members = reverse("trainings:cycle_members", args=[cycle.pk])
    assert client_for(reader).get(members).status_code == 403
    with django_capture_on_commit_callbacks(execute=True):
        response = client_for(outsider).post(
            members, {"action": "add", "add-email": "nouvelle@example.org", "add-role": "editor"}
        )
    assert response.status_code == 302
    assert Invitation.objects.get().email == "nouvelle@example.org"
    assert mailoutbox[0].to == ["nouvelle@example.org"]


def test_the_history_tells_every_change(training_session, editor, reader):
    training_session.log_action(
        editor,
        "updated",
        "Session modifiée : nombre de places",
        {"Nombre de places": {"avant": "30", "après": "25"}},
    )
    response = client_for(reader).get(reverse("trainings:history", args=[training_session.pk]))
    assert response.status_code == 200
    text = text_of(response)
    assert "Session modifiée : nombre de places par Élise Éditrice" in text
    assert "Nombre de places 30 25" in text


def test_the_history_is_hidden_from_outsiders(training_session, outsider):
    url = reverse("trainings:history", args=[training_session.pk])
    assert client_for(outsider).get(url).status_code == 404


def test_the_owner_invites_organisers_by_email(
    training_session, owner, mailoutbox, django_capture_on_commit_callbacks
):
    url = reverse("trainings:members", args=[training_session.pk])
    page = client_for(owner).get(url)
    assert "Ajouter un membre" in text_of(page)
    with django_capture_on_commit_callbacks(execute=True):
        response = client_for(owner).post(
            url, {"action": "add", "add-email": "mylene@example.org", "add-role": "editor"}
        )
    assert response.status_code == 302
    invitation = Invitation.objects.get()
    assert invitation.target == training_session and invitation.role == Role.EDITOR
    [message] = mailoutbox
    assert message.to == ["mylene@example.org"]
    assert training_session.title in message.body
    assert "mylene@example.org" in text_of(client_for(owner).get(url))


def test_readers_see_the_organisers_but_cannot_change_them(training_session, reader, outsider):
    url = reverse("trainings:members", args=[training_session.pk])
    response = client_for(reader).get(url)
    assert response.status_code == 200
    text = text_of(response)
    assert "Olivia Propriétaire" in text and "Ajouter un membre" not in text
    data = {"action": "add", "add-email": "x@example.org", "add-role": "owner"}
    assert client_for(reader).post(url, data).status_code == 403
    assert client_for(outsider).get(url).status_code == 404
    assert not Invitation.objects.exists()


def test_the_organisers_tab_names_the_organisers_of_the_cycle(outsider, reader):
    cycle = CycleFactory(title="Cycle d'automne")
    session = TrainingSessionFactory(cycle=cycle)
    cycle.grant(outsider, Role.OWNER)
    session.grant(reader, Role.READER)
    text = text_of(client_for(reader).get(reverse("trainings:members", args=[session.pk])))
    assert "Organisateurs du cycle « Cycle d'automne »" in text
    assert "Oscar Extérieur" in text


def test_creating_a_cycle_needs_an_account():
    response = client_for(None).get(reverse("trainings:cycle_create"))
    assert response.status_code == 302
    assert reverse("accounts:login") in response["Location"]
