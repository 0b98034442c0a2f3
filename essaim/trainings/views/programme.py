"""Tab « Programme »: the slots of the session day by day, its speakers, its testimonies and the
questions added to its registration form."""

from itertools import groupby

from django.contrib.auth.decorators import login_required
from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.urls import path
from django.views.decorators.http import require_safe

from essaim.lib import french
from essaim.trainings.access import get_session_for
from essaim.trainings.children import ProgrammePart, part_urls
from essaim.trainings.forms.programme import QuestionForm, SlotForm, SpeakerForm, TestimonyForm
from essaim.trainings.models import RegistrationQuestion, Slot, Speaker, Testimony
from essaim.trainings.tabs import session_context


def _slot_warning(slot: Slot) -> str:
    count = slot.registrations.count()
    if count == 0:
        return ""
    if count == 1:
        return (
            "1 inscrit·e a choisi cette séance : ce choix et sa présence à cette séance "
            "seront effacés."
        )
    return (
        f"{count} inscrit·es ont choisi cette séance : leurs choix et leurs présences à cette "
        "séance seront effacés."
    )


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
