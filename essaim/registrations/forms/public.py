"""The public registration form, built from the session: its slots when there are several, the
organiser's questions, the *cotisation* choice on a members-only session, and the consent."""

import secrets

from django import forms

from essaim.core.bounds import BoundedModelForm
from essaim.lib import french
from essaim.registrations.models import Category, Registration
from essaim.territories.widgets import CommunePickerField
from essaim.trainings.models import QuestionKind, RegistrationQuestion, TrainingSession

YES_NO = [("oui", "Oui"), ("non", "Non")]


class SlotChoiceField(forms.ModelMultipleChoiceField):
    def label_from_instance(self, slot) -> str:
        """« Lundi 21 décembre, 10h30-12h : Repères »."""
        day = french.weekday_date(slot.date, capital=True, year=False)
        label = f"{day}, {french.hours(slot.start_time, slot.end_time)}"
        return f"{label} : {slot.title}" if slot.title else label


class RegistrationDetailsForm(BoundedModelForm):
    """What a registrant may tell and change: who they are, the slots they attend, their needs,
    their answers to the organiser's questions."""

    commune = CommunePickerField(
        multiple=False,
        public=True,
        required=False,
        label="Commune de votre structure",
        help_text="Tapez le nom ou le code postal, puis choisissez dans la liste. Elle aide "
        "l'organisateur à connaître les territoires représentés.",
    )

    class Meta:
        model = Registration
        fields = [
            "first_name",
            "last_name",
            "organisation_name",
            "category",
            "commune",
            "accessibility_needs",
        ]
        labels = {"organisation_name": "Organisation ou structure"}
        widgets = {
            "category": forms.RadioSelect,
            "accessibility_needs": forms.Textarea(attrs={"rows": 3}),
            "first_name": forms.TextInput(attrs={"autocomplete": "given-name"}),
            "last_name": forms.TextInput(attrs={"autocomplete": "family-name"}),
            "organisation_name": forms.TextInput(attrs={"autocomplete": "organization"}),
        }
        help_texts = {
            "organisation_name": "Commune, intercommunalité, association, entreprise…",
            "accessibility_needs": "Situation de handicap, besoin d'adaptation : dites-nous ce "
            "qui vous aiderait à suivre la session.",
        }

    def __init__(self, *args, session: TrainingSession, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        self.session = session
        self.fields["category"].choices = Category.choices
        self.fields["category"].label = "Vous êtes"
        self.slots = list(session.slots.all())
        if len(self.slots) > 1:
            self.fields["slots"] = SlotChoiceField(
                label="Séances auxquelles vous assisterez",
                queryset=session.slots.all(),
                widget=forms.CheckboxSelectMultiple,
                help_text=(
                    "Il est fortement recommandé d'assister à l'ensemble des séances."
                    if session.all_slots_recommended
                    else "Décochez les séances que vous ne suivrez pas."
                ),
                error_messages={"required": "Choisissez au moins une séance."},
            )
            if self.instance.pk:
                self.initial["slots"] = list(self.instance.slots.all())
            else:
                self.initial["slots"] = self.slots
        self.questions = list(session.questions.all())
        for question in self.questions:
            self.fields[question_field(question)] = question_form_field(question)
        if self.instance.pk:
            answers = {answer.question_id: answer.value for answer in self.instance.answers.all()}
            for question in self.questions:
                self.initial[question_field(question)] = answers.get(question.pk, "")
        if "accessibility_needs" in self.fields and session.accessibility_contact:
            self.fields[
                "accessibility_needs"
            ].help_text += f" Référent handicap : {session.accessibility_contact}."

    def chosen_slots(self) -> list:
        return list(self.cleaned_data.get("slots") or [])

    def answers(self) -> dict[int, str]:
        return {
            question.pk: self.cleaned_data.get(question_field(question)) or ""
            for question in self.questions
        }

    def details(self) -> dict:
        """The registrant's fields, for the services."""
        return {name: self.cleaned_data[name] for name in self.Meta.fields}


class RegistrationForm(RegistrationDetailsForm):
    """The public form: the details, plus the e-mail, the *cotisation* choice and the consent."""

    email = forms.EmailField(
        label="Adresse e-mail",
        help_text="Nous y envoyons la confirmation et le lien pour modifier votre inscription.",
        widget=forms.EmailInput(attrs={"autocomplete": "email"}),
    )
    consent = forms.BooleanField(
        label="J'accepte que ces informations soient conservées pour organiser la session.",
        error_messages={
            "required": "Cochez cette case : sans votre accord, nous ne pouvons pas vous inscrire."
        },
    )
    submission_key = forms.CharField(widget=forms.HiddenInput, required=False)

    field_order = ["first_name", "last_name", "email", "organisation_name", "category", "commune"]

    def __init__(self, *args, session: TrainingSession, **kwargs) -> None:
        super().__init__(*args, session=session, **kwargs)
        self.initial.setdefault("submission_key", secrets.token_urlsafe(24))
        self.fields["consent"].help_text = consent_text(session)
        if session.members_only:
            self.fields["wait_for_membership"] = forms.BooleanField(
                label="Si je ne suis pas à jour de ma cotisation, m'inscrire en attente de "
                "cotisation.",
                required=False,
                help_text="Cette session est réservée aux adhérents à jour de leur cotisation "
                "annuelle (la vôtre ou celle de votre structure). Sans adhésion valide, votre "
                "place est réservée et l'organisateur confirme votre inscription à réception "
                "de la cotisation.",
            )
        self.order_fields([*self.field_order, "slots", "accessibility_needs"])
        # The consent comes last, after the questions.
        self.fields["consent"] = self.fields.pop("consent")

    def details(self) -> dict:
        return {
            **super().details(),
            "email": self.cleaned_data["email"],
            "consent": self.cleaned_data["consent"],
            "wait_for_membership": self.cleaned_data.get("wait_for_membership", False),
            "submission_key": self.cleaned_data.get("submission_key", "")[:40],
        }


def question_field(question: RegistrationQuestion) -> str:
    return f"question_{question.pk}"


def question_form_field(question: RegistrationQuestion) -> forms.Field:
    required_message = {"required": f"Répondez à la question « {question.label} »."}
    if question.kind == QuestionKind.CHOICE:
        return forms.ChoiceField(
            label=question.label,
            required=question.required,
            choices=[("", "—"), *((choice, choice) for choice in question.choice_list())],
            error_messages=required_message,
        )
    if question.kind == QuestionKind.YES_NO:
        return forms.ChoiceField(
            label=question.label,
            required=question.required,
            choices=YES_NO,
            widget=forms.RadioSelect,
            error_messages=required_message,
        )
    return forms.CharField(
        label=question.label,
        required=question.required,
        widget=forms.Textarea(attrs={"rows": 2}),
        error_messages=required_message,
    )


def consent_text(session: TrainingSession) -> str:
    """What is kept, why, and for how long: shown beside the consent box."""
    months = session.retention_months
    organiser = session.organiser.name if session.organiser_id else "l'organisateur"
    return (
        f"Vos nom, adresse e-mail, organisation, catégorie, commune, besoins d'adaptation et "
        f"réponses sont utilisés par {organiser} pour organiser la session, vous écrire à son "
        f"sujet et établir la feuille d'émargement et votre attestation de présence. Ils sont "
        f"conservés {months} mois après la session, puis anonymisés (seules des statistiques "
        f"restent). Vous pouvez à tout moment les consulter, les modifier ou annuler votre "
        f"inscription avec le lien personnel reçu par e-mail, et demander leur effacement au "
        f"contact de la session."
    )
