"""The participant's side: the questionnaire opened from the personal link of their e-mail,
without an account, answered once."""

from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import path
from django.views.decorators.http import require_http_methods, require_safe

from essaim.surveys.forms import AnswerForm
from essaim.surveys.models import SurveyInvitation
from essaim.surveys.services import SurveyError, record_answers


def get_invitation(token: str) -> SurveyInvitation:
    return get_object_or_404(
        SurveyInvitation.objects.select_related("survey__session__organiser"), token=token
    )


def already_answered(request: HttpRequest, invitation: SurveyInvitation) -> HttpResponse:
    context = {"survey": invitation.survey, "session": invitation.survey.session}
    return render(request, "surveys/answered.html", context)


@require_http_methods(["GET", "HEAD", "POST"])
def answer(request: HttpRequest, token: str) -> HttpResponse:
    invitation = get_invitation(token)
    if invitation.is_answered:
        return already_answered(request, invitation)
    survey = invitation.survey
    questions = list(survey.questions.order_by("position", "pk"))
    form = AnswerForm(request.POST or None, questions=questions)
    if request.method == "POST" and form.is_valid():
        try:
            record_answers(invitation=invitation, answers=form.answers())
        except SurveyError:
            return already_answered(request, invitation)
        return redirect("surveys:thanks", invitation.token)
    context = {"survey": survey, "session": survey.session, "form": form, "preview": False}
    return render(request, "surveys/answer.html", context)


@require_safe
def thanks(request: HttpRequest, token: str) -> HttpResponse:
    invitation = get_invitation(token)
    if not invitation.is_answered:
        return redirect("surveys:answer", invitation.token)
    context = {"survey": invitation.survey, "session": invitation.survey.session}
    return render(request, "surveys/thanks.html", context)


urlpatterns = [
    path("questionnaire/<str:token>/", answer, name="answer"),
    path("questionnaire/<str:token>/merci/", thanks, name="thanks"),
]
