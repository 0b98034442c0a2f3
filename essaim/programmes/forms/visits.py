"""The forms of a listening visit: its dates, place and pair of experts, a slot of its agenda,
its debrief."""

import datetime

from django import forms
from django.utils import timezone

from essaim.core.bounds import BoundedModelForm
from essaim.core.concurrency import VersionedFormMixin
from essaim.governance.forms import DATE_WIDGET, DATETIME_WIDGET
from essaim.programmes.models import MAX_VISIT_DAYS, GroupMember, Programme, Visit, VisitSlot


class VisitForm(VersionedFormMixin, BoundedModelForm):
    class Meta:
        model = Visit
        fields = ["start_date", "end_date", "place", "address", "experts", "debrief_at"]
        widgets = {
            "start_date": DATE_WIDGET,
            "end_date": DATE_WIDGET,
            "debrief_at": DATETIME_WIDGET,
            "address": forms.Textarea(attrs={"rows": 2}),
            "experts": forms.CheckboxSelectMultiple,
        }
        help_texts = {
            "experts": "Deux experts du groupe d'accompagnement.",
            "debrief_at": "Possible le soir du premier jour.",
        }

    def __init__(self, *args, programme: Programme, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        self.fields["experts"].queryset = GroupMember.objects.filter(
            programme=programme, is_expert=True
        )
        self.fields["experts"].required = True

    def clean_experts(self):
        experts = self.cleaned_data["experts"]
        if len(experts) != 2:
            raise forms.ValidationError(
                "Choisissez le binôme : deux experts du groupe d'accompagnement."
            )
        return experts

    def clean(self) -> dict:
        data = super().clean()
        start, end = data.get("start_date"), data.get("end_date")
        if start and end:
            if end < start:
                self.add_error("end_date", "Le dernier jour doit suivre le premier.")
            elif (end - start).days + 1 > MAX_VISIT_DAYS:
                self.add_error(
                    "end_date",
                    f"Une écoute territoriale dure {MAX_VISIT_DAYS} jours au plus, sur un même "
                    "lieu.",
                )
            debrief = data.get("debrief_at")
            if debrief and not start <= timezone.localtime(debrief).date() <= end:
                self.add_error("debrief_at", "La restitution à chaud a lieu pendant la visite.")
        return data


class SlotForm(VersionedFormMixin, BoundedModelForm):
    class Meta:
        model = VisitSlot
        fields = ["starts_at", "ends_at", "kind", "title", "who", "role", "place"]
        widgets = {"starts_at": DATETIME_WIDGET, "ends_at": DATETIME_WIDGET}
        help_texts = {
            "title": "« Entretien avec le président », « Réunion du conseil de développement ».",
            "who": "Les personnes rencontrées, leur fonction.",
        }

    def __init__(self, *args, programme: Programme, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        visit = self.instance.visit
        if self.instance.pk is None and not self.is_bound:
            self.initial.setdefault("place", "")
            start = datetime.datetime.combine(visit.start_date, datetime.time(9, 0))
            self.initial["starts_at"] = timezone.make_aware(start)
            self.initial["ends_at"] = timezone.make_aware(start + datetime.timedelta(hours=1))

    def clean(self) -> dict:
        data = super().clean()
        start, end = data.get("starts_at"), data.get("ends_at")
        visit = self.instance.visit
        if start and end:
            if end <= start:
                self.add_error("ends_at", "La fin du créneau doit suivre son début.")
            for name, moment in (("starts_at", start), ("ends_at", end)):
                day = timezone.localtime(moment).date()
                if not visit.start_date <= day <= visit.end_date:
                    self.add_error(name, "Le créneau doit tenir dans les jours de la visite.")
        return data


class DebriefForm(VersionedFormMixin, BoundedModelForm):
    class Meta:
        model = Visit
        fields = ["debrief_notes"]
        widgets = {"debrief_notes": forms.Textarea(attrs={"rows": 10})}
        labels = {"debrief_notes": "Ce que le binôme a restitué à chaud"}
