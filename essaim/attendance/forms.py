"""Forms of attendance: the connection report to import, and the certificates to send."""

from django import forms
from django.core.exceptions import ValidationError
from django.core.files.uploadedfile import UploadedFile

from essaim.attendance.reports import MAX_REPORT_BYTES
from essaim.core.bounds import BoundedForm
from essaim.lib import french
from essaim.trainings.models import Slot, TrainingSession


class SlotChoiceField(forms.ModelChoiceField):
    def label_from_instance(self, slot: Slot) -> str:
        label = (
            f"{french.weekday_date(slot.date, capital=True)}, "
            f"{french.hours(slot.start_time, slot.end_time)}"
        )
        return f"{label} — {slot.title}" if slot.title else label


class ConnectionReportForm(BoundedForm):
    slot = SlotChoiceField(
        queryset=Slot.objects.none(),
        label="Séance",
        empty_label=None,
        help_text="La webconférence dont le fichier rend compte.",
    )
    threshold = forms.IntegerField(
        label="Seuil de présence (% de la séance)",
        min_value=1,
        max_value=100,
        initial=50,
        help_text=(
            "Une personne connectée au moins ce pourcentage de la séance est notée présente ; "
            "en dessous, absente, avec ses minutes de connexion."
        ),
    )
    file = forms.FileField(
        label="Rapport de connexion",
        help_text=(
            "Le fichier CSV (ou XLSX) exporté par l'outil de webconférence — Zoom, Teams, "
            f"BigBlueButton… —, de {MAX_REPORT_BYTES // 1024 // 1024} Mo au plus."
        ),
        widget=forms.ClearableFileInput(
            attrs={
                "accept": ".csv,.txt,.xlsx,text/csv,"
                "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
            }
        ),
    )

    def __init__(self, *args, session: TrainingSession, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        self.fields["slot"].queryset = session.slots.all()

    def clean_file(self) -> UploadedFile:
        file = self.cleaned_data["file"]
        if file.size > MAX_REPORT_BYTES:
            raise ValidationError(
                f"Le fichier dépasse {MAX_REPORT_BYTES // 1024 // 1024} Mo : est-ce bien un "
                "rapport de connexion ?",
                code="too_big",
            )
        return file


class SendCertificatesForm(BoundedForm):
    place = forms.CharField(
        label="Fait à",
        max_length=120,
        required=False,
        help_text="La ville écrite au bas des attestations, avant la date du jour.",
    )
