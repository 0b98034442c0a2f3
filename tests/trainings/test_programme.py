"""Tab « Programme »: slots, speakers, testimonies and registration questions."""

import datetime

import pytest
from django.urls import reverse

from essaim.core.concurrency import VERSION_FIELD
from essaim.core.models import HistoryEntry
from essaim.lib import french
from essaim.registrations.models import Answer, Status
from essaim.roles.models import Role
from essaim.trainings import models as catalogue
from essaim.trainings.models import QuestionKind, RegistrationQuestion, Slot, Speaker
from tests.conftest import client_for
from tests.experiments.factories import ExperimentFactory
from tests.organisations.factories import OrganisationFactory, PersonFactory
from tests.registrations.factories import RegistrationFactory
from tests.trainings.factories import (
    RegistrationQuestionFactory,
    SlotFactory,
    SpeakerFactory,
    TestimonyFactory,
)
from tests.trainings.test_public_session import text_of

pytestmark = pytest.mark.django_db


def url(name: str, session, *args) -> str:
    return reverse(f"trainings:{name}", args=[session.pk, *args])


def test_the_programme_shows_slots_by_day_speakers_testimonies_and_questions(
    training_session, reader
):
    slot = training_session.slots.get()
    SpeakerFactory(session=training_session)
    TestimonyFactory(session=training_session, slot=slot)
    RegistrationQuestionFactory(
        session=training_session, kind=QuestionKind.CHOICE, choices="Oui\nNon"
    )
    response = client_for(reader).get(url("programme", training_session))
    assert response.status_code == 200
    text = text_of(response)
    assert "10h30-12h Repères sur l'expérimentation" in text
    assert "Témoignage : « Rezo Pouce, l'autostop organisé en Chartreuse »" in text
    assert "Pascale Vincent" in text
    assert "Qu'attendez-vous de cette session ?" in text
    # A reader sees the programme but no button to change it.
    assert "Ajouter une séance" not in text
    assert "Modifier" not in text.replace("Modifier la session", "")


def test_an_editor_adds_a_slot_and_the_history_notes_it(training_session, editor):
    response = client_for(editor).post(
        url("add_slot", training_session),
        {
            "date": training_session.start_date.isoformat(),
            "start_time": "14:00",
            "end_time": "16:00",
            "title": "Cadrage préalable, définition de la démarche, pilotage",
            "topics": "Cadrer une expérimentation\nLe pilotage et la gouvernance",
        },
    )
    assert response.status_code == 302
    assert response["Location"].endswith("/programme/#seances")
    slot = training_session.slots.get(start_time=datetime.time(14))
    assert slot.hours == 2
    entry = HistoryEntry.objects.of(training_session).get()
    assert entry.summary.startswith("Programme : séance « ")
    assert entry.summary.endswith("» ajoutée")


@pytest.mark.parametrize(
    ("data", "field", "message"),
    [
        ({"start_time": "12:00", "end_time": "10:00"}, "end_time", "L'heure de fin doit suivre"),
        ({"date_shift": 3}, "date", "Cette date est hors des dates de la session"),
        ({"start_time": "25:00"}, "start_time", "Saisissez une heure valide."),
    ],
    ids=["end-before-start", "outside", "hour"],
)
def test_a_bad_slot_is_explained(training_session, editor, data, field, message):
    day = training_session.start_date + datetime.timedelta(days=data.pop("date_shift", 0))
    posted = {"date": day.isoformat(), "start_time": "10:00", "end_time": "12:00", **data}
    response = client_for(editor).post(url("add_slot", training_session), posted)
    assert response.status_code == 200
    assert any(error.startswith(message) for error in response.context["form"].errors[field])
    assert training_session.slots.count() == 1


def test_a_speaker_picked_from_the_directory_takes_its_name_function_and_organisation(
    training_session, editor
):
    organisation = OrganisationFactory(name="Ciedel")
    person = PersonFactory(
        first_name="Pascale",
        last_name="Vincent",
        function="chargée de mission, de recherche et de formation",
        organisation=organisation,
    )
    organisation.grant(editor, Role.READER)
    form_page = client_for(editor).get(url("add_speaker", training_session))
    assert person in form_page.context["form"].fields["person"].queryset
    client_for(editor).post(
        url("add_speaker", training_session),
        {
            "person": person.pk,
            "name": "",
            "function": "",
            "organisation_name": "",
            "role": "trainer",
        },
    )
    speaker = Speaker.objects.get()
    assert (speaker.name, speaker.function, speaker.organisation_name) == (
        "Pascale Vincent",
        "chargée de mission, de recherche et de formation",
        "Ciedel",
    )
    assert speaker.position == 1


def test_a_speaker_needs_a_name_or_a_contact(training_session, editor):
    response = client_for(editor).post(
        url("add_speaker", training_session), {"name": "", "role": "trainer"}
    )
    assert response.context["form"].errors["name"] == [
        "Indiquez le nom de l'intervenant·e ou choisissez un contact."
    ]


def test_the_directory_offers_only_the_contacts_one_may_see(training_session, editor):
    hidden = PersonFactory()
    response = client_for(editor).get(url("add_speaker", training_session))
    assert hidden not in response.context["form"].fields["person"].queryset
    response = client_for(editor).post(
        url("add_speaker", training_session), {"person": hidden.pk, "role": "trainer"}
    )
    assert "person" in response.context["form"].errors


def test_a_testimony_links_an_experiment_the_editor_may_see(training_session, editor):
    seen, unseen = ExperimentFactory(title="Rezo Pouce"), ExperimentFactory(title="Secret")
    seen.grant(editor, Role.READER)
    slot = training_session.slots.get()
    form = client_for(editor).get(url("add_testimony", training_session)).context["form"]
    assert list(form.fields["experiment"].queryset) == [seen]
    assert list(form.fields["slot"].queryset) == [slot]
    data = {
        "title": "Rezo Pouce, l'autostop organisé en Chartreuse",
        "presenters": "Sophie Roy, chargée de mission Transition énergétique, PNR de Chartreuse",
        "slot": slot.pk,
        "experiment": unseen.pk,
    }
    response = client_for(editor).post(url("add_testimony", training_session), data)
    assert "experiment" in response.context["form"].errors
    data["experiment"] = seen.pk
    client_for(editor).post(url("add_testimony", training_session), data)
    testimony = catalogue.Testimony.objects.get()
    assert testimony.experiment == seen and testimony.slot == slot


def test_a_choice_question_needs_two_choices(training_session, editor):
    add = url("add_question", training_session)
    data = {"label": "Votre territoire ?", "kind": QuestionKind.CHOICE, "choices": "Drôme"}
    response = client_for(editor).post(add, data)
    assert response.context["form"].errors["choices"] == [
        "Indiquez au moins deux choix, un par ligne."
    ]
    data["choices"] = "Drôme\nArdèche\n"
    data["required"] = "on"
    assert client_for(editor).post(add, data).status_code == 302
    question = RegistrationQuestion.objects.get()
    assert question.choice_list() == ["Drôme", "Ardèche"] and question.required
    client_for(editor).post(
        url("edit_question", training_session, question.pk),
        {"label": "Votre territoire ?", "kind": QuestionKind.TEXT, "choices": "Drôme"},
    )
    question.refresh_from_db()
    assert question.kind == QuestionKind.TEXT and question.choices == ""
    entry = HistoryEntry.objects.of(training_session).filter(verb="updated").get()
    assert "type" in entry.summary and entry.changes["Type"]["après"] == "texte libre"


def test_speakers_are_reordered(training_session, editor):
    first = SpeakerFactory(session=training_session, name="Pascale Vincent", position=1)
    second = SpeakerFactory(session=training_session, name="Mylène Thou", position=2)
    response = client_for(editor).post(
        url("move_speaker", training_session, second.pk), {"direction": "up"}
    )
    assert response["Location"].endswith(f"#intervenants-{second.pk}")
    assert list(training_session.speakers.values_list("name", flat=True)) == [
        "Mylène Thou",
        "Pascale Vincent",
    ]
    # The first cannot go higher.
    client_for(editor).post(url("move_speaker", training_session, second.pk), {"direction": "up"})
    first.refresh_from_db()
    assert first.position == 2
    assert HistoryEntry.objects.of(training_session).count() == 1


def test_deleting_a_slot_warns_about_its_registrants(training_session, editor):
    slot = training_session.slots.get()
    SlotFactory(session=training_session, start_time=datetime.time(14), end_time=datetime.time(16))
    registration = RegistrationFactory(session=training_session)
    registration.slots.add(slot)
    testimony = TestimonyFactory(session=training_session, slot=slot)
    delete = url("delete_slot", training_session, slot.pk)
    confirm = client_for(editor).get(delete)
    text = text_of(confirm)
    assert "1 inscrit·e suit cette séance : il ou elle recevra un e-mail" in text
    assert "seule séance" not in text
    assert client_for(editor).post(delete).status_code == 302
    assert not Slot.objects.filter(pk=slot.pk).exists()
    testimony.refresh_from_db()
    assert testimony.slot is None
    summaries = HistoryEntry.objects.of(training_session).values_list("summary", flat=True)
    assert any("supprimée" in summary for summary in summaries)


def test_deleting_the_only_slot_of_a_published_session_warns_and_tells_its_registrants(
    training_session, editor, mailoutbox, django_capture_on_commit_callbacks
):
    slot = training_session.slots.get()
    chose_it = RegistrationFactory(session=training_session, first_name="Agnès")
    chose_it.slots.add(slot)
    RegistrationFactory(session=training_session, status=Status.WAITING)  # chose none: all
    RegistrationFactory(session=training_session, status=Status.CANCELLED)
    RegistrationFactory()  # another session
    delete = url("delete_slot", training_session, slot.pk)
    text = text_of(client_for(editor).get(delete))
    assert "2 inscrit·es suivent cette séance : chacun·e recevra un e-mail" in text
    assert "C'est la seule séance de la session" in text
    assert not mailoutbox  # nothing sent before the organiser confirms
    with django_capture_on_commit_callbacks(execute=True):
        assert client_for(editor).post(delete).status_code == 302
    assert not training_session.slots.exists()
    assert len(mailoutbox) == 2
    mail = next(mail for mail in mailoutbox if mail.to == [chose_it.email])
    assert mail.subject == f"Séance annulée : {training_session.title}"
    day = french.weekday_date(slot.date)
    assert (
        f"La séance « Repères sur l'expérimentation » du {day}, 10h30-12h, de la session "
        f"« {training_session.title} », est annulée." in mail.body
    )
    assert chose_it.token in mail.body  # the link to their registration
    (_name, calendar, mimetype) = mail.attachments[0]
    assert mimetype == "text/calendar"
    calendar = calendar.decode() if isinstance(calendar, bytes) else calendar
    assert "METHOD:CANCEL" in calendar and "STATUS:CANCELLED" in calendar
    assert f"UID:slot-{slot.pk}@essaim" in calendar
    summaries = list(HistoryEntry.objects.of(training_session).values_list("summary", flat=True))
    assert any(summary.startswith("Programme : 2 inscrit·es prévenu·es") for summary in summaries)


def _slot_data(slot, version: str, **changes) -> dict:
    """What the form of ``slot`` sends, with the version of the page it was loaded in."""
    data = {
        VERSION_FIELD: version,
        "date": slot.date.isoformat(),
        "start_time": slot.start_time.strftime("%H:%M"),
        "end_time": slot.end_time.strftime("%H:%M"),
        "title": slot.title,
        "topics": slot.topics,
    }
    return {**data, **changes}


def test_moving_a_followed_slot_asks_to_confirm_then_tells_its_registrants(
    training_session, editor, mailoutbox, django_capture_on_commit_callbacks
):
    slot = training_session.slots.get()
    confirmed = RegistrationFactory(session=training_session)
    waiting = RegistrationFactory(session=training_session, status=Status.WAITING)
    edit = url("edit_slot", training_session, slot.pk)
    form_page = client_for(editor).get(edit)
    version = form_page.context["form"][VERSION_FIELD].value()
    page = text_of(form_page)
    assert "2 inscrit·es suivent cette séance : chacun·e recevra un e-mail" in page
    assert "Prévenir les 2 inscrit·es si la date ou les horaires changent" in page
    moved = _slot_data(slot, version, start_time="14:00", end_time="15:30")
    refused = client_for(editor).post(edit, moved)
    assert refused.status_code == 200
    assert "Ce changement d'horaire concerne 2 inscrit·es" in text_of(refused)
    slot.refresh_from_db()
    assert slot.start_time == datetime.time(10, 30)
    assert not mailoutbox
    with django_capture_on_commit_callbacks(execute=True):
        response = client_for(editor).post(edit, {**moved, "notify_registrants": "on"})
    assert response.status_code == 302
    slot.refresh_from_db()
    assert slot.start_time == datetime.time(14)
    assert sorted(mail.to[0] for mail in mailoutbox) == sorted([confirmed.email, waiting.email])
    day = french.weekday_date(slot.date, capital=True)
    for mail in mailoutbox:
        assert mail.subject == f"Changement d'horaire : {training_session.title}"
        assert f"Avant : {day}, 10h30-12h" in mail.body
        assert f"Désormais : {day}, 14h-15h30" in mail.body
        calendar = mail.attachments[0][1]
        calendar = calendar.decode() if isinstance(calendar, bytes) else calendar
        assert f"UID:slot-{slot.pk}@essaim" in calendar
        assert "STATUS:CANCELLED" not in calendar
        starts = slot.starts_at.astimezone(datetime.UTC).strftime("%Y%m%dT%H%M%SZ")
        assert f"DTSTART:{starts}" in calendar
        # The meeting link only for the confirmed registrant.
        has_link = training_session.meeting_url in mail.body
        assert has_link == (mail.to == [confirmed.email])
    entry = HistoryEntry.objects.of(training_session).filter(summary__contains="prévenu").get()
    assert "2 inscrit·es prévenu·es du changement d'horaire" in entry.summary
    change = HistoryEntry.objects.of(training_session).get(summary__contains="modifiée")
    assert "(début, fin)" in change.summary  # the confirmation box is not a change


def test_renaming_a_followed_slot_needs_no_confirmation_and_sends_nothing(
    training_session, editor, mailoutbox, django_capture_on_commit_callbacks
):
    slot = training_session.slots.get()
    RegistrationFactory(session=training_session)
    edit = url("edit_slot", training_session, slot.pk)
    version = client_for(editor).get(edit).context["form"][VERSION_FIELD].value()
    with django_capture_on_commit_callbacks(execute=True):
        response = client_for(editor).post(edit, _slot_data(slot, version, title="Autre titre"))
    assert response.status_code == 302
    slot.refresh_from_db()
    assert slot.title == "Autre titre"
    assert not mailoutbox
    summaries = HistoryEntry.objects.of(training_session).values_list("summary", flat=True)
    assert not any("prévenu" in summary for summary in summaries)
    assert any("modifiée (intitulé)" in summary for summary in summaries)


def test_deleting_a_question_warns_about_its_answers(training_session, editor):
    question = RegistrationQuestionFactory(session=training_session)
    Answer.objects.create(
        registration=RegistrationFactory(session=training_session), question=question, value="X"
    )
    confirm = client_for(editor).get(url("delete_question", training_session, question.pk))
    assert "1 réponse déjà donnée à cette question sera effacée." in text_of(confirm)


def test_parts_of_another_session_are_not_found(training_session, editor):
    other = SlotFactory()
    assert client_for(editor).get(url("edit_slot", training_session, other.pk)).status_code == 404


@pytest.mark.parametrize(
    "name", ["add_slot", "add_speaker", "add_testimony", "add_question"], ids=str
)
def test_readers_cannot_change_the_programme_and_outsiders_do_not_see_it(
    training_session, reader, outsider, name
):
    assert client_for(reader).get(url(name, training_session)).status_code == 403
    assert client_for(reader).post(url(name, training_session), {}).status_code == 403
    assert client_for(outsider).get(url(name, training_session)).status_code == 404
    assert client_for(outsider).get(url("programme", training_session)).status_code == 404


def test_readers_cannot_move_or_delete(training_session, reader):
    speaker = SpeakerFactory(session=training_session)
    slot = training_session.slots.get()
    move = url("move_speaker", training_session, speaker.pk)
    assert client_for(reader).post(move, {"direction": "up"}).status_code == 403
    assert client_for(reader).post(url("delete_slot", training_session, slot.pk)).status_code == 403
    assert client_for(reader).get(move).status_code == 405
