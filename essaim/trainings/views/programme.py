"""Tab « Programme »: the slots of the session day by day, its speakers, its testimonies and the
questions added to its registration form."""

from itertools import groupby

from django.contrib.auth.decorators import login_required
from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.urls import path
from django.views.decorators.http import require_safe

from essaim.accounts.models import User
from essaim.lib import french
from essaim.trainings.access import get_session_for
from essaim.trainings.children import ProgrammePart, part_urls
from essaim.trainings.formatting import slot_line
from essaim.trainings.forms.programme import (
    TIME_FIELDS,
    QuestionForm,
    SlotForm,
    SpeakerForm,
    TestimonyForm,
)
from essaim.trainings.models import (
    RegistrationQuestion,
    Slot,
    Speaker,
    Testimony,
    TrainingSession,
)
from essaim.trainings.places import registrants_of
from essaim.trainings.services import (
    tell_registrants_of_cancelled_slot,
    tell_registrants_of_new_time,
)
from essaim.trainings.tabs import session_context


def _slot_warning(slot: Slot) -> str:
    count = len(registrants_of(slot))
    only = ""
    if count and not slot.session.slots.exclude(pk=slot.pk).exists():
        only = " C'est la seule séance de la session : son programme n'aura plus de date."
    if count == 0:
        return ""
    if count == 1:
        return (
            "1 inscrit·e suit cette séance : il ou elle recevra un e-mail annonçant son "
            f"annulation, et sa présence à cette séance sera effacée.{only}"
        )
    return (
        f"{count} inscrit·es suivent cette séance : chacun·e recevra un e-mail annonçant son "
        f"annulation, et leurs présences à cette séance seront effacées.{only}"
    )


def _tell_of_new_time(session: TrainingSession, form: SlotForm, by: User) -> None:
    if form.time_changed:
        before = slot_line(*(form.initial[name] for name in TIME_FIELDS))
        tell_registrants_of_new_time(slot=form.instance, before=before, by=by)


def _tell_of_cancellation(session: TrainingSession, slot: Slot, by: User) -> None:
    tell_registrants_of_cancelled_slot(slot=slot, by=by)


def _question_warning(question: RegistrationQuestion) -> str:
    count = question.answers.count()
    if not count:
        return ""
    if count == 1:
        return "1 réponse déjà donnée à cette question sera effacée."
    return f"{count} réponses déjà données à cette question seront effacées."


SLOTS = ProgrammePart(
    model=Slot,
    form_class=SlotForm,
    label="séance",
    anchor="seances",
    feminine=True,
    ordered=False,
    delete_warning=_slot_warning,
    after_update=_tell_of_new_time,
    before_delete=_tell_of_cancellation,
)
SPEAKERS = ProgrammePart(
    model=Speaker, form_class=SpeakerForm, label="intervenant·e", anchor="intervenants"
)
TESTIMONIES = ProgrammePart(
    model=Testimony, form_class=TestimonyForm, label="témoignage", anchor="temoignages"
)
QUESTIONS = ProgrammePart(
    model=RegistrationQuestion,
    form_class=QuestionForm,
    label="question d'inscription",
    anchor="questions",
    feminine=True,
    delete_warning=_question_warning,
)


@login_required
@require_safe
def programme(request: HttpRequest, pk: int) -> HttpResponse:
    session = get_session_for(request.user, pk)
    slots = list(session.slots.all())
    testimonies = list(
        session.testimonies.select_related("slot", "experiment").order_by("position", "pk")
    )
    for slot in slots:
        slot.shown_testimonies = [t for t in testimonies if t.slot_id == slot.pk]
        day = french.weekday_date(slot.date, capital=True)
        slot.label = f"{day}, {french.hours(slot.start_time, slot.end_time)}"
    context = {
        **session_context(session, request.user, "programme"),
        "days": [
            {"date": day, "slots": list(group)}
            for day, group in groupby(slots, key=lambda slot: slot.date)
        ],
        "slot_count": len(slots),
        "speakers": list(session.speakers.select_related("person").order_by("position", "pk")),
        "testimonies": testimonies,
        "questions": list(session.questions.all()),
    }
    return render(request, "trainings/programme.html", context)


urlpatterns = [
    path("formations/<int:pk>/programme/", programme, name="programme"),
    *part_urls("seances", SLOTS, "slot"),
    *part_urls("intervenants", SPEAKERS, "speaker"),
    *part_urls("temoignages", TESTIMONIES, "testimony"),
    *part_urls("questions", QUESTIONS, "question"),
]
