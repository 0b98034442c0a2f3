"""Two people change the same object at the same time: neither silently undoes the other.

The form (or the API) carries the version it was loaded from; what someone else changed
meanwhile stays, unless this person changed the same field too: then the change is refused,
with the current value, and nothing is saved."""

import pytest
from django.urls import reverse

from essaim.core.models import HistoryEntry
from essaim.registrations.models import Registration, Status
from tests.conftest import client_for
from tests.registrations.factories import RegistrationFactory
from tests.trainings.test_public_session import text_of

pytestmark = pytest.mark.django_db


def opened_form(client, url) -> dict:
    """What the edit page sends back if nothing is changed: the session's values and the
    version of the form."""
    form = client.get(url).context["form"]
    data = {}
    for name, field in form.fields.items():
        value = form[name].value()
        if isinstance(field.widget, type(form.fields["all_slots_recommended"].widget)):
            if value:
                data[name] = "on"
            continue
        shown = "" if value is None else field.widget.format_value(value)
        if isinstance(shown, list) and not field.widget.allow_multiple_selected:
            shown = shown[0] if shown else ""
        data[name] = "" if shown is None else shown
    return data


@pytest.fixture
def full_session(training_session):
    """Ten places, all taken, and six people waiting."""
    training_session.capacity = 10
    training_session.save()
    RegistrationFactory.create_batch(10, session=training_session)
    RegistrationFactory.create_batch(6, session=training_session, status=Status.WAITING)
    return training_session


def taken_places(session) -> int:
    return Registration.objects.filter(
        session=session, status__in=[Status.CONFIRMED, Status.OFFERED]
    ).count()


def test_a_title_saved_from_an_older_form_keeps_the_places_added_meanwhile(
    full_session, owner, editor, mailoutbox
):
    url = reverse("trainings:session_edit", args=[full_session.pk])
    alice, bruno = client_for(owner), client_for(editor)
    seen_by_alice = opened_form(alice, url)
    seen_by_bruno = opened_form(bruno, url)
    assert seen_by_alice["capacity"] == "10"

    response = bruno.post(url, {**seen_by_bruno, "capacity": "15"})
    assert response.status_code == 302
    assert taken_places(full_session) == 15  # five places offered to the people waiting

    response = alice.post(url, {**seen_by_alice, "title": "Repères méthodologiques (2e édition)"})
    assert response.status_code == 302
    full_session.refresh_from_db()
    assert full_session.title == "Repères méthodologiques (2e édition)"
    assert full_session.capacity == 15
    assert taken_places(full_session) <= full_session.capacity
    entry = HistoryEntry.objects.of(full_session).filter(verb="updated").first()
    assert entry.summary == "Session modifiée : titre"
    assert list(entry.changes) == ["Titre"]


def test_the_same_field_changed_by_two_people_is_refused_with_the_current_value(
    full_session, owner, editor
):
    url = reverse("trainings:session_edit", args=[full_session.pk])
    alice, bruno = client_for(owner), client_for(editor)
    seen_by_alice = opened_form(alice, url)
    seen_by_bruno = opened_form(bruno, url)
    assert bruno.post(url, {**seen_by_bruno, "capacity": "15"}).status_code == 302
    before = HistoryEntry.objects.of(full_session).count()

    typed = {**seen_by_alice, "capacity": "16", "title": "Repères (2e édition)"}
    response = alice.post(url, typed)
    assert response.status_code == 200
    assert (
        "Ce champ a été modifié par quelqu'un d'autre pendant que vous l'éditiez : "
        "Nombre de places — 15 (vous aviez 10)"
    ) in text_of(response)
    form = response.context["form"]
    assert form["capacity"].value() == "16"  # nothing typed is lost
    assert form["title"].value() == "Repères (2e édition)"
    full_session.refresh_from_db()
    assert (full_session.capacity, full_session.title) == (15, seen_by_alice["title"])
    assert HistoryEntry.objects.of(full_session).count() == before
    assert taken_places(full_session) <= full_session.capacity

    # Having seen the other change, the organiser confirms theirs.
    again = {**typed, "version": form["version"].value()}
    assert alice.post(url, again).status_code == 302
    full_session.refresh_from_db()
    assert (full_session.capacity, full_session.title) == (16, "Repères (2e édition)")


def test_a_form_sent_without_its_version_is_saved_as_before(full_session, editor):
    url = reverse("trainings:session_edit", args=[full_session.pk])
    data = opened_form(client_for(editor), url)
    del data["version"]
    response = client_for(editor).post(url, {**data, "capacity": "11"})
    assert response.status_code == 302
    full_session.refresh_from_db()
    assert full_session.capacity == 11


def test_the_edit_page_carries_its_version(full_session, editor):
    url = reverse("trainings:session_edit", args=[full_session.pk])
    response = client_for(editor).get(url)
    assert 'type="hidden" name="version"' in response.content.decode()


def test_a_change_made_between_checking_and_saving_is_kept_or_refused(full_session, editor):
    from essaim.core.concurrency import EditConflict
    from essaim.trainings.forms.sessions import SessionForm
    from essaim.trainings.models import TrainingSession

    url = reverse("trainings:session_edit", args=[full_session.pk])
    loaded = opened_form(client_for(editor), url)

    def checked(**typed):
        session = TrainingSession.objects.get(pk=full_session.pk)
        form = SessionForm({**loaded, **typed}, instance=session, user=editor)
        assert form.is_valid(), form.errors
        return form

    form = checked(title="Nouveau titre")
    TrainingSession.objects.filter(pk=full_session.pk).update(capacity=15)
    form.save()
    full_session.refresh_from_db()
    assert (full_session.title, full_session.capacity) == ("Nouveau titre", 15)

    TrainingSession.objects.filter(pk=full_session.pk).update(capacity=10)
    form = checked(capacity="12")
    TrainingSession.objects.filter(pk=full_session.pk).update(capacity=14)
    with pytest.raises(EditConflict) as refused:
        form.save()
    assert refused.value.message == (
        "Ce champ a été modifié par quelqu'un d'autre pendant que vous l'éditiez : "
        "Nombre de places — 14 (vous aviez 10)"
    )
    full_session.refresh_from_db()
    assert full_session.capacity == 14


# The experiment API ------------------------------------------------------------------------------


@pytest.fixture
def experiment(owner, editor):
    from essaim.roles.models import Role
    from tests.experiments.factories import ExperimentFactory

    experiment = ExperimentFactory(
        title="Autostop organisé", summary="Des arrêts pour l'autostop.", framed=True
    )
    experiment.grant(owner, Role.OWNER)
    experiment.grant(editor, Role.EDITOR)
    return experiment


def test_a_framing_patch_from_an_older_read_keeps_what_others_changed(experiment, owner, editor):
    from tests.api.test_experiments_api import Api

    alice, bruno = Api(owner), Api(editor)
    read = alice.get(f"{experiment.pk}")
    version = read.json()["version"]
    assert read["ETag"] == f'"{version}"'

    assert bruno.patch(f"{experiment.pk}", {"summary": "Des arrêts sûrs."}).status_code == 200
    # Alice sends back everything she read, with a new title.
    read_back = {name: read.json()[name] for name in ("summary", "need", "start_date")}
    sent = {**read_back, "title": "Autostop (2e saison)", "version": version}
    response = alice.patch(f"{experiment.pk}", sent)
    assert response.status_code == 200
    assert response.json()["summary"] == "Des arrêts sûrs."
    assert response["ETag"] == f'"{response.json()["version"]}"'
    experiment.refresh_from_db()
    assert (experiment.title, experiment.summary) == ("Autostop (2e saison)", "Des arrêts sûrs.")


def test_a_framing_patch_changing_what_someone_else_changed_is_a_409(experiment, owner, editor):
    from tests.api.test_experiments_api import Api

    alice, bruno = Api(owner), Api(editor)
    etag = alice.get(f"{experiment.pk}")["ETag"]
    assert bruno.patch(f"{experiment.pk}", {"summary": "Des arrêts sûrs."}).status_code == 200
    before = HistoryEntry.objects.of(experiment).count()

    alice.headers["If-Match"] = etag
    response = alice.patch(f"{experiment.pk}", {"summary": "Autre chose", "title": "Autostop 2"})
    assert response.status_code == 409
    message = (
        "Ce champ a été modifié par quelqu'un d'autre pendant que vous l'éditiez : "
        "Résumé — Des arrêts sûrs. (vous aviez Des arrêts pour l'autostop.)"
    )
    assert response.json() == {
        "detail": message,
        "erreurs": [{"champ": "summary", "message": message}],
    }
    experiment.refresh_from_db()
    assert (experiment.title, experiment.summary) == ("Autostop organisé", "Des arrêts sûrs.")
    assert HistoryEntry.objects.of(experiment).count() == before

    # The same value as the other person's is no conflict; no version, no check.
    assert alice.patch(f"{experiment.pk}", {"summary": "Des arrêts sûrs."}).status_code == 200
    del alice.headers["If-Match"]
    assert alice.patch(f"{experiment.pk}", {"summary": "Autre chose"}).status_code == 200


def test_an_unreadable_version_is_refused(experiment, owner):
    from tests.api.test_experiments_api import Api

    response = Api(owner).patch(f"{experiment.pk}", {"title": "Autre", "version": "n'importe"})
    assert response.status_code == 422
    assert response.json()["erreurs"][0]["champ"] == "version"
