"""The satisfaction questionnaires sent for a person's registrations, and their answers: shown
on the page, exported within each registration. Erasure and retention keep the answers, which
name no one once the registration is anonymised."""

from django.db.models import Count

from essaim.core.personal_data import Holder, iso, register
from essaim.registrations.models import Registration
from essaim.surveys.models import SurveyAnswer, SurveyInvitation


def find(registrations: list[Registration]) -> list[SurveyInvitation]:
    """The invitations, each with ``answer_count``; their answers are read by the export."""
    return list(
        SurveyInvitation.objects.filter(registration__in=[r.pk for r in registrations])
        .select_related("survey__session")
        .annotate(answer_count=Count("answers"))
        .order_by("-sent_at", "-pk")
    )


def export(registrations: list[Registration], invitations: list[SurveyInvitation]) -> dict:
    answers: dict[int, list[SurveyAnswer]] = {}
    for answer in (
        SurveyAnswer.objects.filter(invitation__in=invitations)
        .select_related("question")
        .order_by("pk")
    ):
        answers.setdefault(answer.invitation_id, []).append(answer)
    exported: dict[int, dict] = {r.pk: {"questionnaires": []} for r in registrations}
    for invitation in invitations:
        exported[invitation.registration_id]["questionnaires"].append(
            {
                "questionnaire": invitation.survey.title,
                "moment": invitation.survey.get_moment_display(),
                "envoye_le": iso(invitation.sent_at),
                "repondu_le": iso(invitation.answered_at),
                "reponses": [
                    {
                        "question": answer.question.label,
                        "note": answer.rating,
                        "reponse": answer.value,
                    }
                    for answer in answers.get(invitation.pk, [])
                ],
            }
        )
    return exported


register(
    Holder(
        key="questionnaires",
        label="Questionnaires de satisfaction",
        models=(SurveyInvitation, SurveyAnswer),
        within="inscriptions",
        find=find,
        export=export,
        template="surveys/personal_data.html",
        counts_as=("questionnaire", "questionnaires"),
        order=20,
    )
)
