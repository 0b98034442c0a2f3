"""The forms of the organiser's registrations tab: filtering the list (the page and its
exports), refusing a pending registration, and writing to the registrants."""

from django import forms
from django.db.models import Q, QuerySet

from essaim.core.bounds import BoundedForm
from essaim.lib import french
from essaim.registrations.models import ACTIVE, Category, Status
from essaim.trainings.models import Slot

# The status filter: active registrations by default, one status, or every registration.
EVERY_STATUS = "toutes"
STATUS_FILTER_CHOICES = [
    ("", "Actives"),
    *((value, label.capitalize()) for value, label in Status.choices),
    (EVERY_STATUS, "Toutes, annulées comprises"),
]


def slot_label(slot: Slot) -> str:
    """« Jeudi 9 novembre 2023, 10h30-12h »."""
    day = french.weekday_date(slot.date, capital=True)
    return f"{day}, {french.hours(slot.start_time, slot.end_time)}"


class RegistrationFilterForm(BoundedForm):
    """Who to show (and export): by status, category, slot, and words of the name, e-mail or
    organisation. The slot filter exists only when the session has several slots."""

    q = forms.CharField(
        label="Nom, e-mail ou organisation",
        required=False,
        max_length=100,
        widget=forms.SearchInput,
    )
    status = forms.ChoiceField(label="Statut", required=False, choices=STATUS_FILTER_CHOICES)
    category = forms.ChoiceField(
        label="Catégorie",
        required=False,
        choices=[("", "Toutes les catégories"), *Category.choices],
    )
    slot = forms.TypedChoiceField(label="Séance", required=False, coerce=int, empty_value=None)

    def __init__(self, *args, slots: list[Slot], **kwargs) -> None:
        super().__init__(*args, **kwargs)
        if len(slots) > 1:
            self.fields["slot"].choices = [
                ("", "Toutes les séances"),
                *((slot.pk, slot_label(slot)) for slot in slots),
            ]
        else:
            del self.fields["slot"]

    @property
    def is_filtered(self) -> bool:
        return self.is_valid() and any(self.cleaned_data.values())

    def filter(self, registrations: QuerySet) -> QuerySet:
        """``registrations`` narrowed to the filters; the active ones when the form is empty or
        wrong (a wrong value in an address shows the default list, with the error)."""
        data = self.cleaned_data if self.is_valid() else {}
        status = data.get("status", "")
        if status == EVERY_STATUS:
            pass
        elif status:
            registrations = registrations.filter(status=status)
        else:
            registrations = registrations.filter(status__in=ACTIVE)
        if data.get("category"):
            registrations = registrations.filter(category=data["category"])
        if data.get("slot"):
            registrations = registrations.filter(slots__pk=data["slot"])
        for word in data.get("q", "").split():
            registrations = registrations.filter(
                Q(first_name__icontains=word)
                | Q(last_name__icontains=word)
                | Q(email__icontains=word)
                | Q(organisation_name__icontains=word)
            )
        return registrations


class RefusalForm(BoundedForm):
    reason = forms.CharField(
        label="Motif du refus",
        required=False,
        max_length=1000,
        widget=forms.Textarea(attrs={"rows": 3}),
        help_text="Il figure dans l'e-mail envoyé à la personne.",
    )


RECIPIENT_STATUSES = {
    "confirmed": (Status.CONFIRMED,),
    "pending": (Status.PENDING,),
    "waiting": (Status.WAITING,),
    "all": ACTIVE,
}
RECIPIENT_LABELS = {
    "confirmed": "Les inscrits confirmés",
    "pending": "Les inscriptions en attente de validation",
    "waiting": "La liste d'attente",
    "all": "Toutes les personnes inscrites, liste d'attente comprise",
}


class OrganiserMessageForm(BoundedForm):
    """A message to the registrants; ``counts`` (recipients key → how many) goes in the labels
    of the choices, so that the organiser knows how many people will receive it."""

    recipients = forms.ChoiceField(label="Destinataires", widget=forms.RadioSelect)
    subject = forms.CharField(label="Objet", max_length=200)
    body = forms.CharField(
        label="Message",
        max_length=10000,
        widget=forms.Textarea(attrs={"rows": 10}),
        help_text=(
            "Chaque personne reçoit son propre e-mail ; les réponses vont au contact de la "
            "session. Le titre et la date de la session sont rappelés en bas du message."
        ),
    )

    def __init__(self, *args, counts: dict[str, int], **kwargs) -> None:
        super().__init__(*args, **kwargs)
        self.counts = counts
        self.fields["recipients"].choices = [
            (key, f"{label} ({counts.get(key, 0)})") for key, label in RECIPIENT_LABELS.items()
        ]

    def clean_subject(self) -> str:
        return " ".join(self.cleaned_data["subject"].split())

    def clean_body(self) -> str:
        # Browsers send line breaks as CRLF; the message is compared and sent with LF.
        body = self.cleaned_data["body"].replace("\r\n", "\n").strip()
        if not body:
            raise forms.ValidationError("Écrivez le message.")
        return body

    def clean_recipients(self) -> str:
        recipients = self.cleaned_data["recipients"]
        if not self.counts.get(recipients):
            raise forms.ValidationError(
                "Personne n'est concerné pour l'instant : choisissez d'autres destinataires."
            )
        return recipients
