"""The form that uploads a file of measurements to import."""

from django import forms
from django.core.exceptions import ValidationError
from django.core.files.uploadedfile import UploadedFile

from essaim.core.bounds import BoundedForm
from essaim.evaluation.spreadsheets import MAX_IMPORT_BYTES


class MeasurementImportForm(BoundedForm):
    file = forms.FileField(
        label="Fichier de mesures",
        help_text=(
            "Un fichier CSV ou XLSX enregistré par votre tableur, de "
            f"{MAX_IMPORT_BYTES // 1024 // 1024} Mo au plus."
        ),
        widget=forms.ClearableFileInput(
            attrs={
                "accept": ".csv,.txt,.xlsx,text/csv,"
                "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
            }
        ),
    )
    check_only = forms.BooleanField(
        label="Vérifier seulement, sans rien importer",
        required=False,
        help_text="Pour relire le fichier avant de l'importer pour de bon.",
    )

    def clean_file(self) -> UploadedFile:
        file = self.cleaned_data["file"]
        if file.size > MAX_IMPORT_BYTES:
            raise ValidationError(
                f"Le fichier dépasse {MAX_IMPORT_BYTES // 1024 // 1024} Mo : découpez-le en "
                "plusieurs fichiers.",
                code="too_big",
            )
        return file
