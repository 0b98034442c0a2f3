from pathlib import PurePath

from essaim.attachments.models import Attachment
from essaim.core.bounds import BoundedModelForm
from essaim.core.uploads import validate_evidence_file


class AttachmentForm(BoundedModelForm):
    class Meta:
        model = Attachment
        fields = ["kind", "title", "file"]
        help_texts = {"title": "Par défaut, le nom du fichier."}

    def __init__(self, *args, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        self.fields["title"].required = False

    def clean_file(self):
        file = self.cleaned_data["file"]
        validate_evidence_file(file)
        return file

    def clean(self) -> dict:
        cleaned = super().clean()
        file = cleaned.get("file")
        if file is not None and not cleaned.get("title"):
            cleaned["title"] = PurePath(file.name).stem[:200]
        return cleaned
