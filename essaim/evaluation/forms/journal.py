"""Forms of the learning journal: one entry with its evidence files, and the filters."""

from pathlib import PurePath

from django import forms
from django.core.exceptions import ValidationError
from django.core.files.uploadedfile import UploadedFile
from django.db.models import Q, QuerySet

from essaim.core.bounds import BoundedForm, BoundedModelForm
from essaim.core.concurrency import VersionedFormMixin
from essaim.core.uploads import EVIDENCE_EXTENSIONS, validate_evidence_file
from essaim.evaluation.models import EntryKind, Indicator, JournalEntry, JournalEvidence
from essaim.experiments.models import Experiment, Hypothesis, Step

DATE_WIDGET = forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d")


class MultipleFileInput(forms.FileInput):
    allow_multiple_selected = True


class EvidenceFilesField(forms.FileField):
    """Several evidence files at once, each checked for size and type."""

    widget = MultipleFileInput(attrs={"accept": ",".join(sorted(EVIDENCE_EXTENSIONS))})

    def clean(self, data, initial=None) -> list[UploadedFile]:
        files = [file for file in (data if isinstance(data, list | tuple) else [data]) if file]
        if self.required and not files:
            raise ValidationError(self.error_messages["required"], code="required")
        errors = []
        for file in files:
            try:
                super().clean(file, initial)
                validate_evidence_file(file)
            except ValidationError as error:
                name = PurePath(file.name or "").name
                errors.extend(f"« {name} » : {message}" for message in error.messages)
        if errors:
            raise ValidationError(errors)
        return files


class JournalEntryForm(VersionedFormMixin, BoundedModelForm):
    evidence_files = EvidenceFilesField(
        label="Pièces à l'appui",
        required=False,
        help_text=(
            "Photos, comptes rendus, tableaux… Vous pouvez en choisir plusieurs ; "
            "10 Mo au plus chacune (PDF, images, textes, tableurs et présentations)."
        ),
    )
    remove_evidence = forms.ModelMultipleChoiceField(
        label="Pièces à retirer",
        required=False,
        queryset=JournalEvidence.objects.none(),
        widget=forms.CheckboxSelectMultiple,
    )

    class Meta:
        model = JournalEntry
        fields = [
            "written_on",
            "kind",
            "title",
            "what_happened",
            "what_learned",
            "what_changes",
            "hypothesis",
            "step",
            "indicator",
            "highlight",
        ]
        widgets = {
            "written_on": DATE_WIDGET,
            "kind": forms.RadioSelect,
            "what_happened": forms.Textarea(attrs={"rows": 4}),
            "what_learned": forms.Textarea(attrs={"rows": 3}),
            "what_changes": forms.Textarea(attrs={"rows": 3}),
        }
        help_texts = {
            "title": "En quelques mots : « Les conducteurs s'arrêtent moins le soir ».",
            "highlight": "Repris dans le dossier de l'expérimentation.",
        }

    def __init__(self, *args, experiment: Experiment, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        self.fields["kind"].choices = EntryKind.choices  # radio buttons need no empty choice
        self.fields["hypothesis"].queryset = Hypothesis.objects.filter(experiment=experiment)
        self.fields["step"].queryset = Step.objects.filter(experiment=experiment)
        self.fields["indicator"].queryset = Indicator.objects.filter(experiment=experiment)
        for name in ("hypothesis", "step", "indicator"):
            self.fields[name].empty_label = "Aucun lien"
        if self.instance.pk:
            self.fields["remove_evidence"].queryset = self.instance.evidence.all()
            self.fields["remove_evidence"].label_from_instance = evidence_label
        else:
            del self.fields["remove_evidence"]


def evidence_label(evidence: JournalEvidence) -> str:
    return evidence.description or PurePath(evidence.file.name).name


class JournalFilterForm(BoundedForm):
    q = forms.CharField(label="Texte", required=False, max_length=100, widget=forms.SearchInput)
    kind = forms.ChoiceField(
        label="Type", required=False, choices=[("", "Tous les types"), *EntryKind.choices]
    )
    hypothesis = forms.TypedChoiceField(
        label="Hypothèse", required=False, coerce=int, empty_value=None
    )
    start = forms.DateField(label="Du", required=False, widget=DATE_WIDGET)
    end = forms.DateField(label="Au", required=False, widget=DATE_WIDGET)
    highlight = forms.BooleanField(label="Enseignements marquants seulement", required=False)

    def __init__(self, *args, hypotheses: list[Hypothesis], **kwargs) -> None:
        super().__init__(*args, **kwargs)
        self.fields["hypothesis"].choices = [
            ("", "Toutes les hypothèses"),
            *((hypothesis.pk, _shorten(hypothesis.statement)) for hypothesis in hypotheses),
        ]

    def clean(self) -> dict:
        data = super().clean()
        start, end = data.get("start"), data.get("end")
        if start and end and end < start:
            self.add_error("end", "La date de fin précède la date de début.")
        return data

    def filter(self, entries: QuerySet) -> tuple[QuerySet, bool]:
        """``entries`` narrowed by the valid filters; tells whether any was applied."""
        if not self.is_valid():
            return entries, False
        data = self.cleaned_data
        if query := data["q"].strip():
            entries = _search(entries, query)
        if data["kind"]:
            entries = entries.filter(kind=data["kind"])
        if data["hypothesis"]:
            entries = entries.filter(hypothesis_id=data["hypothesis"])
        if data["start"]:
            entries = entries.filter(written_on__gte=data["start"])
        if data["end"]:
            entries = entries.filter(written_on__lte=data["end"])
        if data["highlight"]:
            entries = entries.filter(highlight=True)
        is_filtered = bool(
            query
            or data["kind"]
            or data["hypothesis"]
            or data["start"]
            or data["end"]
            or data["highlight"]
        )
        return entries, is_filtered


def _search(entries: QuerySet, query: str) -> QuerySet:
    matches = Q()
    for field in ("title", "what_happened", "what_learned", "what_changes"):
        matches |= Q(**{f"{field}__icontains": query})
    return entries.filter(matches)


def _shorten(text: str, limit: int = 70) -> str:
    return text if len(text) <= limit else text[: limit - 1] + "…"
