"""The date and time inputs every form of the catalogue uses (the browser's own pickers)."""

from django import forms

DATE_WIDGET = forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d")
TIME_WIDGET = forms.TimeInput(attrs={"type": "time"}, format="%H:%M")
DATETIME_WIDGET = forms.DateTimeInput(attrs={"type": "datetime-local"}, format="%Y-%m-%dT%H:%M")


def short_text(rows: int = 3) -> forms.Textarea:
    return forms.Textarea(attrs={"rows": rows})
