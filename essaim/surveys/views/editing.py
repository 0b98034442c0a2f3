"""Adapting a questionnaire: its title, introduction, delay and sending, and its questions
(added, changed, deleted, put in order); and its preview, as participants will see it."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.db import transaction
from django.db.models import Count
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import path, reverse
from django.views.decorators.http import require_http_methods, require_POST, require_safe

from essaim.core.concurrency import save_or_conflict
from essaim.roles.models import Perm
from essaim.surveys.access import get_question_for, get_survey_for
from essaim.surveys.forms import AnswerForm, QuestionForm, SurveyForm
from essaim.surveys.models import SurveyQuestion
from essaim.surveys.services import SurveyError, add_question, move_question
from essaim.trainings.tabs import session_context


def survey_url(question: SurveyQuestion, anchor: str = "questions") -> str:
    """The questionnaire's page, at its questions (or at ``anchor``)."""
    survey = question.survey
    return reverse("surveys:edit_survey", args=[survey.session.pk, survey.pk]) + f"#{anchor}"


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
@require_http_methods(["GET", "HEAD", "POST"])
def add_question_view(request: HttpRequest, pk: int, survey_pk: int) -> HttpResponse:
    session, survey = get_survey_for(request.user, pk, survey_pk, Perm.EDIT)
    form = QuestionForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        question = add_question(survey=survey, question=form.save(commit=False), actor=request.user)
        messages.success(request, f"Question « {question.label} » ajoutée.")
        return redirect(survey_url(question))
    context = {
        **session_context(session, request.user, "satisfaction"),
        "survey": survey,
        "form": form,
        "question": None,
    }
    return render(request, "surveys/question_form.html", context)


@login_required
@require_http_methods(["GET", "HEAD", "POST"])
def edit_question(request: HttpRequest, pk: int, question_pk: int) -> HttpResponse:
    session, question = get_question_for(request.user, pk, question_pk)
    answered = question.answers.exists()
    form = QuestionForm(request.POST or None, instance=question, answered=answered)

    def save() -> None:
        with transaction.atomic():
            form.save()
            session.log_action(
                request.user,
                "updated",
                f"Question « {question.label} » de « {question.survey.title} » modifiée",
            )

    if request.method == "POST" and form.is_valid() and save_or_conflict(form, save=save):
        messages.success(request, f"Question « {question.label} » enregistrée.")
        return redirect(survey_url(question))
    context = {
        **session_context(session, request.user, "satisfaction"),
        "survey": question.survey,
        "form": form,
        "question": question,
    }
    return render(request, "surveys/question_form.html", context)


@login_required
@require_http_methods(["GET", "HEAD", "POST"])
def delete_question(request: HttpRequest, pk: int, question_pk: int) -> HttpResponse:
    session, question = get_question_for(request.user, pk, question_pk)
    if request.method == "POST":
        with transaction.atomic():
            question.delete()
            session.log_action(
                request.user,
                "deleted",
                f"Question « {question.label} » de « {question.survey.title} » supprimée",
            )
        messages.success(request, f"Question « {question.label} » supprimée.")
        return redirect(survey_url(question))
    context = {
        **session_context(session, request.user, "satisfaction"),
        "survey": question.survey,
        "question": question,
        "answer_count": question.answers.count(),
    }
    return render(request, "surveys/question_confirm_delete.html", context)


@login_required
@require_POST
def move_question_view(request: HttpRequest, pk: int, question_pk: int) -> HttpResponse:
    _session, question = get_question_for(request.user, pk, question_pk)
    offset = {"monter": -1, "descendre": 1}.get(request.POST.get("sens", ""))
    if offset is None:
        messages.error(request, "Choisissez de monter ou de descendre la question.")
    else:
        try:
            move_question(question=question, offset=offset, actor=request.user)
        except SurveyError as error:
            messages.error(request, str(error))
    return redirect(survey_url(question, f"question-{question.pk}"))


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
    path(f"{PREFIX}/<int:survey_pk>/questions/ajouter/", add_question_view, name="add_question"),
    path(f"{PREFIX}/questions/<int:question_pk>/modifier/", edit_question, name="edit_question"),
    path(
        f"{PREFIX}/questions/<int:question_pk>/supprimer/",
        delete_question,
        name="delete_question",
    ),
    path(
        f"{PREFIX}/questions/<int:question_pk>/deplacer/",
        move_question_view,
        name="move_question",
    ),
]
