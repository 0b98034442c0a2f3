"""A contact of a sheet: published only with their consent, dated."""

from essaim.core.bounds import BoundedModelForm
from essaim.core.concurrency import VersionedFormMixin
from essaim.governance.forms import DATE_WIDGET
from essaim.library.models import SheetContact


class ContactForm(VersionedFormMixin, BoundedModelForm):
    class Meta:
        model = SheetContact
        fields = ["name", "role", "organisation", "email", "phone", "consented", "consented_on"]
        widgets = {"consented_on": DATE_WIDGET}
        help_texts = {
            "consented_on": "Le jour où la personne a dit oui, par écrit ou de vive voix.",
        }

    def clean(self) -> dict:
        data = super().clean()
        if data.get("consented") and data.get("consented_on") is None:
            self.add_error("consented_on", "Indiquez la date de son accord.")
        if not data.get("consented"):
            data["consented_on"] = None
        return data
