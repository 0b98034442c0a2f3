"""The forms of a programme's setup: the programme, its stages, its deliverables and its
accompaniment group."""

from django import forms

from essaim.core.bounds import BoundedModelForm
from essaim.core.concurrency import VersionedFormMixin
from essaim.governance.forms import DATE_WIDGET
from essaim.organisations.models import Organisation
from essaim.programmes.models import Deliverable, GroupMember, Programme, Stage


class ProgrammeForm(VersionedFormMixin, BoundedModelForm):
    class Meta:
        model = Programme
        fields = [
            "title",
            "summary",
            "aims",
            "questions",
            "added_value",
            "organisers",
            "start_date",
            "end_date",
            "budget",
            "participants_expected",
            "contact",
        ]
        localized_fields = ["budget"]
        widgets = {
            "start_date": DATE_WIDGET,
            "end_date": DATE_WIDGET,
            "summary": forms.Textarea(attrs={"rows": 3}),
            "aims": forms.Textarea(attrs={"rows": 4}),
            "questions": forms.Textarea(attrs={"rows": 4}),
            "added_value": forms.Textarea(attrs={"rows": 4}),
            "contact": forms.Textarea(attrs={"rows": 3}),
            "organisers": forms.CheckboxSelectMultiple,
        }

    def __init__(self, *args, programme: Programme | None = None, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        self.fields["organisers"].queryset = Organisation.objects.order_by("name")
        self.fields["participants_expected"].max_value = 20
        self.fields["participants_expected"].widget.attrs["max"] = 20

    def clean(self) -> dict:
        data = super().clean()
        start, end = data.get("start_date"), data.get("end_date")
        if start and end and end < start:
            self.add_error("end_date", "La fin du programme doit suivre son début.")
        if data.get("participants_expected") is not None and data["participants_expected"] > 20:
            self.add_error("participants_expected", "Vingt participants par territoire au plus.")
        return data


class StageForm(VersionedFormMixin, BoundedModelForm):
    class Meta:
        model = Stage
        fields = ["position", "title", "description", "start_date", "end_date", "status"]
        widgets = {
            "start_date": DATE_WIDGET,
            "end_date": DATE_WIDGET,
            "description": forms.Textarea(attrs={"rows": 3}),
        }

    def __init__(self, *args, programme: Programme, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        self.programme = programme
        if self.instance.pk is None and not self.is_bound:
            self.initial["position"] = programme.stages.count() + 1

    def clean(self) -> dict:
        data = super().clean()
        start, end = data.get("start_date"), data.get("end_date")
        if start and end and end < start:
            self.add_error("end_date", "La fin de l'étape doit suivre son début.")
        return data


class DeliverableForm(VersionedFormMixin, BoundedModelForm):
    class Meta:
        model = Deliverable
        fields = ["kind", "title", "stage", "due_date", "status", "note"]
        widgets = {"due_date": DATE_WIDGET, "note": forms.Textarea(attrs={"rows": 2})}
        help_texts = {
            "note": "Le fichier se joint depuis la page du programme, une fois enregistré."
        }

    def __init__(self, *args, programme: Programme, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        self.fields["stage"].queryset = Stage.objects.filter(programme=programme)
        self.fields["stage"].empty_label = "Aucune"


class GroupMemberForm(VersionedFormMixin, BoundedModelForm):
    class Meta:
        model = GroupMember
        fields = ["name", "organisation", "role", "is_expert", "email"]

    def __init__(self, *args, programme: Programme, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        self.fields["organisation"].queryset = Organisation.objects.order_by("name")
        self.fields["organisation"].empty_label = "Aucune"
