"""The forms of the inter-territory workshops (the workshop, its outputs, the attendance of
each person invited) and of the seminars."""

from django import forms

from essaim.core.bounds import BoundedForm, BoundedModelForm
from essaim.core.concurrency import VersionedFormMixin
from essaim.governance.forms import DATE_WIDGET
from essaim.programmes.models import Programme, Seminar, Theme, Workshop, WorkshopInvitation

TIME_WIDGET = forms.TimeInput(attrs={"type": "time"}, format="%H:%M")


class WorkshopForm(VersionedFormMixin, BoundedModelForm):
    class Meta:
        model = Workshop
        fields = ["title", "theme", "date", "start_time", "end_time", "place", "description"]
        widgets = {
            "date": DATE_WIDGET,
            "start_time": TIME_WIDGET,
            "end_time": TIME_WIDGET,
            "description": forms.Textarea(attrs={"rows": 4}),
        }
        help_texts = {
            "title": "« Mieux organiser l'ingénierie », « Faire participer les habitants ».",
            "theme": "Un thème de la synthèse : les sorties de l'atelier nourriront son cahier.",
            "start_time": "Sans horaires, les agendas le notent sur la journée (9h-17h).",
            "description": "La problématique partagée, le déroulé prévu.",
        }

    def __init__(self, *args, programme: Programme, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        self.fields["theme"].queryset = Theme.objects.filter(programme=programme)
        self.fields["theme"].empty_label = "— sans thème —"

    def clean(self) -> dict:
        data = super().clean()
        start, end = data.get("start_time"), data.get("end_time")
        if bool(start) != bool(end) and not {"start_time", "end_time"} & set(self.errors):
            self.add_error("end_time", "Indiquez le début et la fin, ou ni l'un ni l'autre.")
        elif start and end and end <= start:
            self.add_error("end_time", "La fin de l'atelier doit suivre son début.")
        return data


class OutputsForm(VersionedFormMixin, BoundedModelForm):
    class Meta:
        model = Workshop
        fields = ["outputs"]
        widgets = {"outputs": forms.Textarea(attrs={"rows": 12})}
        labels = {"outputs": "Notes de l'atelier"}
        help_texts = {"outputs": "Les constats partagés, les pistes, les exemples des territoires."}


# The three answers of the attendance, as the form sends them.
PRESENT, ABSENT, UNKNOWN = "present", "absent", ""
ATTENDANCE_CHOICES = [(PRESENT, "présent"), (ABSENT, "absent"), (UNKNOWN, "non renseigné")]
ATTENDED = {PRESENT: True, ABSENT: False, UNKNOWN: None}


class AttendanceForm(BoundedForm):
    """Whether one person invited came; one such form for each invitation, prefixed with its
    pk, all sent in one POST."""

    attended = forms.ChoiceField(
        choices=ATTENDANCE_CHOICES, widget=forms.RadioSelect, required=False
    )
    # What the page showed: only what this person changed is written (another person may be
    # noting the same workshop).
    loaded = forms.ChoiceField(choices=ATTENDANCE_CHOICES, widget=forms.HiddenInput, required=False)

    def __init__(self, *args, invitation: WorkshopInvitation, **kwargs) -> None:
        value = {True: PRESENT, False: ABSENT, None: UNKNOWN}[invitation.attended]
        super().__init__(
            *args,
            prefix=f"invitation-{invitation.pk}",
            initial={"attended": value, "loaded": value},
            **kwargs,
        )
        self.invitation = invitation
        self.fields["attended"].label = f"Présence de {invitation.contact.name}"

    @property
    def answer(self) -> bool | None:
        """Present (True), absent (False), not known (None)."""
        return ATTENDED[self.cleaned_data["attended"]]

    @property
    def loaded_answer(self) -> bool | None:
        """What the page showed (the current value when the page sent none)."""
        if self.add_prefix("loaded") not in self.data:
            return self.invitation.attended
        return ATTENDED[self.cleaned_data.get("loaded") or UNKNOWN]


class SeminarForm(VersionedFormMixin, BoundedModelForm):
    class Meta:
        model = Seminar
        fields = ["title", "date", "place", "description"]
        widgets = {"date": DATE_WIDGET, "description": forms.Textarea(attrs={"rows": 4})}
        help_texts = {"title": "« Séminaire de restitution », « Séminaire final »."}

    def __init__(self, *args, programme: Programme, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        if self.instance.session_id is not None:
            self.fields[
                "date"
            ].help_text = "Les dates, le lieu et l'annonce de la session se changent sur ses pages."


class NewSeminarForm(SeminarForm):
    with_registrations = forms.BooleanField(
        label="Avec inscriptions et présences",
        required=False,
        help_text=(
            "Le séminaire est organisé comme une session de formation, non publiée, dont vous "
            "êtes propriétaire : inscriptions, liste d'attente, émargement."
        ),
    )

    def clean(self) -> dict:
        data = super().clean()
        if data.get("with_registrations") and not data.get("place"):
            self.add_error("place", "Indiquez le lieu d'un séminaire organisé avec inscriptions.")
        return data
