"""Forms of the governance: bodies and their members, meetings and attendance, and the decision
log. The forms that choose among an owner's bodies or meetings take that ``owner`` (an experiment,
a programme…), fetched by the caller with its own permission check."""

from django import forms
from django.db import models
from django.db.models import Q

from essaim.core.bounds import BoundedForm, BoundedModelForm
from essaim.core.concurrency import VersionedFormMixin
from essaim.governance.models import Attendance, Body, BodyMember, LoggedDecision, Meeting
from essaim.organisations.models import Organisation, Person

DATE_WIDGET = forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d")
DATETIME_WIDGET = forms.DateTimeInput(attrs={"type": "datetime-local"}, format="%Y-%m-%dT%H:%M")


class BodyForm(VersionedFormMixin, BoundedModelForm):
    class Meta:
        model = Body
        fields = ["kind", "name", "mandate"]
        widgets = {"kind": forms.RadioSelect, "mandate": forms.Textarea(attrs={"rows": 3})}
        help_texts = {
            "name": "Par exemple « Comité de pilotage » ou « Groupe des usagers ».",
            "mandate": "Ce que l'instance décide ou conseille, et à quel rythme elle se réunit.",
        }


class PersonChoiceField(forms.ModelChoiceField):
    def label_from_instance(self, obj: Person) -> str:
        if obj.organisation_id:
            return f"{obj.full_name} ({obj.organisation.name})"
        return obj.full_name


class BodyMemberForm(VersionedFormMixin, BoundedModelForm):
    """A contact from the directory, or simply a name, for an organisation or not."""

    person = PersonChoiceField(
        label="Personne de vos contacts",
        required=False,
        queryset=Person.objects.none(),
        help_text="Parmi les contacts que vous pouvez voir ; sinon, écrivez son nom ci-dessous.",
    )

    class Meta:
        model = BodyMember
        fields = ["person", "name", "organisation", "role_in_body", "start_date", "end_date"]
        widgets = {"start_date": DATE_WIDGET, "end_date": DATE_WIDGET}
        labels = {"name": "Nom (si la personne n'est pas dans vos contacts)"}
        help_texts = {
            "organisation": (
                "La structure que la personne représente, ou qui siège en tant que telle."
            ),
            "role_in_body": "Par exemple « présidente », « élu référent », « animatrice ».",
        }

    def __init__(self, *args, user, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        visible = Person.objects.visible_to(user)
        if self.instance.person_id:
            # Keep the contact chosen by someone else, even if this user may not see it.
            visible = Person.objects.filter(
                Q(pk__in=visible.values("pk")) | Q(pk=self.instance.person_id)
            )
        self.fields["person"].queryset = visible.select_related("organisation")
        self.fields["organisation"].queryset = Organisation.objects.visible_to(user)

    def clean(self) -> dict:
        data = super().clean()
        if not (data.get("person") or data.get("name", "").strip() or data.get("organisation")):
            raise forms.ValidationError(
                "Choisissez une personne de vos contacts, écrivez un nom ou choisissez "
                "une organisation."
            )
        start, end = data.get("start_date"), data.get("end_date")
        if start and end and end < start:
            self.add_error("end_date", "La fin ne peut pas précéder le début.")
        return data


class MeetingForm(VersionedFormMixin, BoundedModelForm):
    class Meta:
        model = Meeting
        fields = ["body", "starts_at", "ends_at", "place", "agenda", "minutes"]
        widgets = {
            "starts_at": DATETIME_WIDGET,
            "ends_at": DATETIME_WIDGET,
            "agenda": forms.Textarea(attrs={"rows": 5}),
            "minutes": forms.Textarea(attrs={"rows": 8}),
        }
        labels = {"body": "Instance"}
        help_texts = {
            "place": "Une adresse, une salle, ou le lien d'une visioconférence.",
            "minutes": "À compléter après la réunion : ce qui a été dit et décidé.",
        }

    def __init__(self, *args, owner: models.Model, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        bodies = Body.objects.of(owner)
        self.fields["body"].queryset = bodies
        if self.instance.pk is None and len(bodies) == 1:
            self.initial["body"] = bodies[0].pk

    def clean(self) -> dict:
        data = super().clean()
        start, end = data.get("starts_at"), data.get("ends_at")
        if start and end and end <= start:
            self.add_error("ends_at", "La fin doit suivre le début.")
        return data


class MeetingChoiceField(forms.ModelChoiceField):
    def label_from_instance(self, obj: Meeting) -> str:
        return f"{obj.body.name} du {obj.starts_at:%d/%m/%Y}"


class LoggedDecisionForm(VersionedFormMixin, BoundedModelForm):
    meeting = MeetingChoiceField(
        label="Réunion",
        required=False,
        queryset=Meeting.objects.none(),
        help_text=(
            "Si la décision a été prise en réunion ; l'instance est alors celle de la réunion."
        ),
    )

    class Meta:
        model = LoggedDecision
        fields = [
            "decided_on",
            "body",
            "meeting",
            "subject",
            "options_considered",
            "decision",
            "rationale",
        ]
        widgets = {
            "decided_on": DATE_WIDGET,
            "options_considered": forms.Textarea(attrs={"rows": 3}),
            "decision": forms.Textarea(attrs={"rows": 3}),
            "rationale": forms.Textarea(attrs={"rows": 3}),
        }
        help_texts = {
            "options_considered": "Les choix qui étaient sur la table, y compris ceux écartés.",
            "rationale": "Pourquoi cette option plutôt qu'une autre.",
        }

    def __init__(self, *args, owner: models.Model, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        self.fields["body"].queryset = Body.objects.of(owner)
        self.fields["meeting"].queryset = Meeting.objects.of(owner).select_related("body")

    def clean(self) -> dict:
        data = super().clean()
        meeting, body = data.get("meeting"), data.get("body")
        if meeting and body and meeting.body_id != body.pk:
            self.add_error("meeting", "Cette réunion est celle d'une autre instance.")
        elif meeting:
            data["body"] = meeting.body
        return data


class AttendanceForm(BoundedForm):
    """One choice per member of the body: present, excused or absent (or not said)."""

    def __init__(self, *args, members: list[BodyMember], initial_statuses: dict, **kwargs):
        super().__init__(*args, **kwargs)
        self.members = members
        for member in members:
            self.fields[f"member_{member.pk}"] = forms.ChoiceField(
                label=str(member),
                choices=[("", "non renseignée"), *Attendance.choices],
                required=False,
                initial=initial_statuses.get(member.pk, ""),
                widget=forms.RadioSelect,
            )

    def statuses(self) -> dict[int, str]:
        """Member pk → status ("" when not said), from the cleaned data."""
        return {member.pk: self.cleaned_data[f"member_{member.pk}"] for member in self.members}

    def rows(self):
        """(member, bound field) pairs, for the attendance table."""
        return [(member, self[f"member_{member.pk}"]) for member in self.members]


class DecisionFilterForm(BoundedForm):
    """Which body's decisions the decision log shows (all when empty)."""

    instance = forms.TypedChoiceField(
        label="Instance", required=False, coerce=int, empty_value=None
    )

    def __init__(self, *args, bodies: list[Body], **kwargs) -> None:
        super().__init__(*args, **kwargs)
        self.fields["instance"].choices = [
            ("", "Toutes les instances"),
            *((body.pk, body.name) for body in bodies),
        ]
