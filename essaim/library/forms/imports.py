"""The forms of an import of sheets: the file, then the field each of its columns holds."""

from django import forms
from django.core.exceptions import ValidationError
from django.core.files.uploadedfile import UploadedFile

from essaim.core.bounds import BoundedForm
from essaim.lib.french import number
from essaim.lib.french_csv import Sheet
from essaim.library.services.imports import (
    IMPORT_FIELDS,
    MAX_IMPORT_BYTES,
    MAX_IMPORT_ROWS,
    CollectionImportError,
    mapping_problems,
    read_collection,
)

NOT_IMPORTED = ""


class CollectionFileForm(BoundedForm):
    file = forms.FileField(
        label="Fichier de fiches",
        help_text=(
            "Un fichier CSV (séparateur « ; », UTF-8 ou Windows-1252) ou XLSX, une fiche par "
            f"ligne sous une ligne d'intitulés, {number(MAX_IMPORT_ROWS)} lignes et "
            f"{MAX_IMPORT_BYTES // 1024 // 1024} Mo au plus."
        ),
        widget=forms.ClearableFileInput(
            attrs={
                "accept": ".csv,.txt,.xlsx,text/csv,"
                "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
            }
        ),
    )

    def clean_file(self) -> UploadedFile:
        """Read the file now: a file that cannot be imported is refused here, with why."""
        file = self.cleaned_data["file"]
        if file.size > MAX_IMPORT_BYTES:
            raise ValidationError(
                f"Le fichier dépasse {MAX_IMPORT_BYTES // 1024 // 1024} Mo : découpez-le en "
                "plusieurs fichiers.",
                code="too_big",
            )
        self.data_read = file.read()
        try:
            self.sheet: Sheet = read_collection(self.data_read)
        except CollectionImportError as error:
            raise ValidationError(error.message, code="unreadable") from None
        return file


FIELD_CHOICES = [
    (NOT_IMPORTED, "ne pas importer"),
    *(
        (field.key, field.label + (" (obligatoire)" if field.required else ""))
        for field in IMPORT_FIELDS
    ),
]


class ColumnMappingForm(BoundedForm):
    """One choice per column of the file: the field of the sheet it fills, or nothing."""

    def __init__(self, *args, headers: list[str], initial_mapping: dict[str, str], **kwargs):
        super().__init__(*args, **kwargs)
        self.headers = headers
        for index, header in enumerate(headers):
            self.fields[self.field_name(index)] = forms.ChoiceField(
                label=header or f"Colonne {index + 1} (sans intitulé)",
                choices=FIELD_CHOICES,
                required=False,
                initial=initial_mapping.get(str(index), NOT_IMPORTED),
            )

    @staticmethod
    def field_name(index: int) -> str:
        return f"column_{index}"

    def clean(self) -> dict:
        cleaned = super().clean()
        problems = mapping_problems(self.mapping())
        for problem in problems:
            self.add_error(None, problem)
        return cleaned

    def mapping(self) -> dict[str, str]:
        """``{"0": "title", …}``: the columns chosen, by their position."""
        return {
            str(index): self.cleaned_data.get(self.field_name(index)) or NOT_IMPORTED
            for index in range(len(self.headers))
            if self.cleaned_data.get(self.field_name(index))
        }
