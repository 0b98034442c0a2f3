"""The forms of a report sheet: its sections, a remark."""

from django import forms

from essaim.core.bounds import BoundedForm, BoundedModelForm
from essaim.core.concurrency import VersionedFormMixin
from essaim.programmes.models import REPORT_SECTIONS, ReportSheet


class ReportSheetForm(VersionedFormMixin, BoundedModelForm):
    class Meta:
        model = ReportSheet
        fields = list(REPORT_SECTIONS)
        widgets = {name: forms.Textarea(attrs={"rows": 6}) for name in REPORT_SECTIONS}


class CommentForm(BoundedForm):
    section = forms.ChoiceField(
        label="Sur", choices=[("", "la fiche entière"), *REPORT_SECTIONS.items()], required=False
    )
    body = forms.CharField(label="Votre remarque", widget=forms.Textarea(attrs={"rows": 3}))
