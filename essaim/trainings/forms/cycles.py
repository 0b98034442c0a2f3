"""The form of a cycle of sessions."""

from django import forms

from essaim.core.bounds import BoundedModelForm
from essaim.core.concurrency import VersionedFormMixin
from essaim.organisations.models import Organisation
from essaim.trainings.models import Cycle


class CycleForm(VersionedFormMixin, BoundedModelForm):
    class Meta:
        model = Cycle
        fields = ["title", "summary", "organiser", "published"]
        widgets = {"summary": forms.Textarea(attrs={"rows": 6})}
        labels = {"title": "Titre du cycle", "organiser": "Organisé par"}
        help_texts = {
            "title": (
                "Par exemple « Innovation, expérimentation, pérennisation : "
                "trois sessions à l'automne 2023 »."
            ),
            "summary": "Ce que le cycle propose et comment ses sessions s'enchaînent.",
            "published": (
                "La page publique du cycle présente ses sessions publiées ; "
                "sans cette case, elle n'est visible que de ses organisateurs."
            ),
        }

    def __init__(self, *args, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        self.fields["organiser"].queryset = Organisation.objects.order_by("name")
        self.fields["organiser"].empty_label = "—"
