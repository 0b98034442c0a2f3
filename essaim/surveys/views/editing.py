"""Adapting a questionnaire: its title, introduction, delay and sending, and its questions
(added, changed, deleted and put in order through the shared child views); and its preview,
as participants will see it."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.db import transaction
from django.db.models import Count
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import path, reverse
from django.views.decorators.http import require_http_methods, require_safe

from essaim.core.children import (
    ChildKind,
    ParentKind,
    delete_child_view,
    edit_child_view,
    move_child_view,
)
from essaim.core.concurrency import save_or_conflict
from essaim.lib import french
from essaim.roles.models import Perm
from essaim.surveys.access import get_survey_for
from essaim.surveys.forms import AnswerForm, QuestionForm, SurveyForm
from essaim.surveys.models import SurveyQuestion
from essaim.trainings.access import get_session_for
from essaim.trainings.models import TrainingSession
from essaim.trainings.tabs import session_context


def _new_question(session: TrainingSession, survey_pk: int) -> SurveyQuestion:
    survey = session.surveys.filter(pk=survey_pk).first()
    if survey is None:
        raise Http404("Ce questionnaire n'existe pas.")
    return SurveyQuestion(survey=survey)


def _question_summary(question: SurveyQuestion, verb: str) -> str:
    """« Question « … » ajoutée à « Questionnaire » », « … de « Questionnaire » modifiée »."""
    title = question.survey.title
    if verb == "created":
        return f"Question « {question.label} » ajoutée à « {title} »"
    if verb.startswith("moved"):
        direction = "montée" if verb == "moved up" else "descendue"
        return f"Question « {question.label} » {direction} dans « {title} »"
    done = "modifiée" if verb == "updated" else "supprimée"
    return f"Question « {question.label} » de « {title} » {done}"


def _question_said(question: SurveyQuestion, verb: str) -> str:
    done = {"created": "ajoutée", "updated": "enregistrée"}.get(verb, "supprimée")
    return f"Question « {question.label} » {done}"


def _answers_lost(question: SurveyQuestion) -> str:
    count = question.answers.count()
    if not count:
        return ""
    return (
        f"{count} {french.plural(count, 'réponse')} à cette question "
        f"{french.plural(count, 'disparaîtra', 'disparaîtront')} des résultats."
    )


def _back_url(session: TrainingSession, question: SurveyQuestion | None = None) -> str:
    """The questionnaires of the session, or the question moved, on its questionnaire."""
    if question is None:
        return reverse("surveys:manage", args=[session.pk])
    url = reverse("surveys:edit_survey", args=[session.pk, question.survey_id])
    return f"{url}#question-{question.pk}"


SESSION = ParentKind(fetch=get_session_for, context=session_context, url_kwarg="pk")
QUESTIONS = ChildKind(
    parent=SESSION,
    model=SurveyQuestion,
    form_class=QuestionForm,
    label="question",
    feminine=True,
    tab="satisfaction",
    back_url=_back_url,
    children_of=lambda session: SurveyQuestion.objects.filter(
        survey__session=session
    ).select_related("survey"),
    new_child=_new_question,
    ordered=True,
    siblings_of=lambda question: question.survey.questions.all(),
    child_form_kwargs=lambda question: {
        "answered": question.pk is not None and question.answers.exists()
    },
    done_url=lambda session, question: (
        reverse("surveys:edit_survey", args=[session.pk, question.survey_id]) + "#questions"
    ),
    summary_of=_question_summary,
    said_of=_question_said,
    delete_warning=_answers_lost,
    move_field=("sens", "monter", "descendre"),
    move_refusals=(
        "Choisissez de monter ou de descendre la question.",
        "Cette question ne peut pas aller plus loin.",
    ),
    owner_of=lambda question: question.survey,
    owner_in_url=True,
    url_kwarg="question_pk",
    owner_url_kwarg="survey_pk",
    template_name="surveys/question_form.html",
    delete_template_name="surveys/question_confirm_delete.html",
)


@login_required
@require_http_methods(["GET", "HEAD", "POST"])
def edit_survey(request: HttpRequest, pk: int, survey_pk: int) -> HttpResponse:
    session, survey = get_survey_for(request.user, pk, survey_pk, Perm.EDIT)
    form = SurveyForm(request.POST or None, instance=survey)

    def save() -> None:
        with transaction.atomic():
            form.save()
            session.log_action(request.user, "updated", f"Questionnaire « {survey.title} » modifié")

    if request.method == "POST" and form.is_valid() and save_or_conflict(form, save=save):
        messages.success(request, f"Questionnaire « {survey.title} » enregistré.")
        return redirect("surveys:edit_survey", session.pk, survey.pk)
    questions = list(
        survey.questions.annotate(answer_count=Count("answers")).order_by("position", "pk")
    )
    context = {
        **session_context(session, request.user, "satisfaction"),
        "survey": survey,
        "form": form,
        "questions": questions,
    }
    return render(request, "surveys/survey_edit.html", context)


@login_required
@require_safe
def preview(request: HttpRequest, pk: int, survey_pk: int) -> HttpResponse:
    """The questionnaire as participants see it; nothing can be sent from here."""
    session, survey = get_survey_for(request.user, pk, survey_pk)
    questions = list(survey.questions.order_by("position", "pk"))
    context = {
        "survey": survey,
        "session": session,
        "form": AnswerForm(questions=questions),
        "preview": True,
        "back_url": reverse("surveys:manage", args=[session.pk]),
    }
    return render(request, "surveys/answer.html", context)


PREFIX = "formations/<int:pk>/satisfaction"
urlpatterns = [
    path(f"{PREFIX}/<int:survey_pk>/", edit_survey, name="edit_survey"),
    path(f"{PREFIX}/<int:survey_pk>/apercu/", preview, name="preview"),
    path(
        f"{PREFIX}/<int:survey_pk>/questions/ajouter/",
        edit_child_view,
        {"kind": QUESTIONS},
        name="add_question",
    ),
    path(
        f"{PREFIX}/questions/<int:question_pk>/modifier/",
        edit_child_view,
        {"kind": QUESTIONS},
        name="edit_question",
    ),
    path(
        f"{PREFIX}/questions/<int:question_pk>/supprimer/",
        delete_child_view,
        {"kind": QUESTIONS},
        name="delete_question",
    ),
    path(
        f"{PREFIX}/questions/<int:question_pk>/deplacer/",
        move_child_view,
        {"kind": QUESTIONS},
        name="move_question",
    ),
]
