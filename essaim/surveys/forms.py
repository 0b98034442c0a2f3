"""The organisers' forms (a questionnaire's settings, one question) and the participants' form,
built from the questions of the questionnaire they answer."""

from django import forms

from essaim.core.bounds import BoundedForm, BoundedModelForm
from essaim.core.concurrency import VersionedFormMixin
from essaim.surveys.models import (
    MAX_SEND_AFTER_DAYS,
    RATING_SCALE,
    QuestionKind,
    Survey,
    SurveyQuestion,
)


class SurveyForm(VersionedFormMixin, BoundedModelForm):
    class Meta:
        model = Survey
        fields = ["title", "introduction", "send_after_days", "active"]
        labels = {"send_after_days": "Envoi, en jours après le dernier jour de la session"}
        help_texts = {
            "introduction": "Affichée en tête du questionnaire et dans l'e-mail d'invitation.",
            "send_after_days": "1 : le lendemain ; 42 : six semaines après.",
            "active": (
                "Le questionnaire part tout seul le jour venu. Sans cette case, seul le bouton "
                "« Envoyer maintenant » l'envoie."
            ),
        }
        widgets = {"introduction": forms.Textarea(attrs={"rows": 4})}
        error_messages = {
            "title": {"required": "Donnez un titre au questionnaire."},
            "send_after_days": {
                "required": "Indiquez dans combien de jours l'envoyer.",
                "invalid": "Indiquez un nombre de jours.",
            },
        }

    def clean_send_after_days(self) -> int:
        days = self.cleaned_data["send_after_days"]
        if days > MAX_SEND_AFTER_DAYS:
            raise forms.ValidationError(
                f"Choisissez un délai d'au plus {MAX_SEND_AFTER_DAYS} jours."
            )
        return days


class QuestionForm(VersionedFormMixin, BoundedModelForm):
    """A question; its kind no longer changes once it has been answered, so that its results
    keep their meaning."""

    class Meta:
        model = SurveyQuestion
        fields = ["label", "kind", "choices", "required"]
        widgets = {
            "kind": forms.RadioSelect,
            "choices": forms.Textarea(attrs={"rows": 4}),
        }
        help_texts = {
            "choices": "Pour une question à choix : un choix par ligne, deux au moins.",
            "required": "Le questionnaire ne part pas sans réponse à cette question.",
        }
        error_messages = {
            "label": {"required": "Écrivez la question."},
            "kind": {"required": "Choisissez le type de réponse attendu."},
        }

    def __init__(self, *args, answered: bool = False, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["kind"].choices = QuestionKind.choices
        self.fields["required"].help_text = (
            "Les participant·es ne peuvent pas envoyer leurs réponses sans avoir répondu à "
            "celle-ci."
        )
        if answered:
            self.fields["kind"].disabled = True
            self.fields[
                "kind"
            ].help_text = (
                "Le type ne change plus : des participant·es ont déjà répondu à cette question."
            )

    def clean(self):
        cleaned = super().clean()
        if cleaned.get("kind") == QuestionKind.CHOICE:
            lines = [line.strip() for line in cleaned.get("choices", "").splitlines()]
            if len([line for line in lines if line]) < 2:
                self.add_error("choices", "Indiquez au moins deux choix, un par ligne.")
        return cleaned


REQUIRED_MESSAGES = {
    QuestionKind.RATING: "Choisissez une note de 1 à 5.",
    QuestionKind.CHOICE: "Choisissez une réponse.",
    QuestionKind.TEXT: "Écrivez votre réponse.",
}
MAX_TEXT_LENGTH = 5000


def field_name(question: SurveyQuestion) -> str:
    return f"question_{question.pk}"


def answer_field(question: SurveyQuestion) -> forms.Field:
    messages = {"required": REQUIRED_MESSAGES[QuestionKind(question.kind)]}
    if question.is_rating:
        return forms.TypedChoiceField(
            label=question.label,
            choices=list(RATING_SCALE.items()),
            coerce=int,
            empty_value=None,
            required=question.required,
            widget=forms.RadioSelect,
            error_messages={**messages, "invalid_choice": "Choisissez une note de 1 à 5."},
        )
    if question.is_choice:
        options = question.choice_list()
        return forms.ChoiceField(
            label=question.label,
            choices=[(option, option) for option in options],
            required=question.required,
            widget=forms.RadioSelect,
            error_messages={**messages, "invalid_choice": "Choisissez une des réponses proposées."},
        )
    return forms.CharField(
        label=question.label,
        required=question.required,
        max_length=MAX_TEXT_LENGTH,
        widget=forms.Textarea(attrs={"rows": 4}),
        error_messages={
            **messages,
            "max_length": f"Votre réponse dépasse {MAX_TEXT_LENGTH} caractères : raccourcissez-la.",
        },
    )


class AnswerForm(BoundedForm):
    """One field per question of ``questions``, in their order."""

    def __init__(self, *args, questions: list[SurveyQuestion], **kwargs):
        super().__init__(*args, **kwargs)
        self.questions = questions
        for question in questions:
            self.fields[field_name(question)] = answer_field(question)

    def questions_with_fields(self):
        """(question, bound field) pairs, for the template."""
        return [(question, self[field_name(question)]) for question in self.questions]

    def answers(self) -> dict[int, int | str]:
        return {
            question.pk: self.cleaned_data.get(field_name(question)) for question in self.questions
        }
