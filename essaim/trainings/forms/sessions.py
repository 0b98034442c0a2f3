"""The form of a session, in four groups (the announcement, practicalities, registration,
follow-up), and the form that duplicates one."""

import datetime

from django import forms
from django.db.models import Q
from django.utils import timezone

from essaim.core.bounds import BoundedForm, BoundedModelForm
from essaim.core.concurrency import VersionedFormMixin
from essaim.organisations.models import Organisation
from essaim.trainings.access import cycles_editable_by
from essaim.trainings.forms.widgets import DATE_WIDGET, DATETIME_WIDGET, short_text
from essaim.trainings.models import Access, Cycle, Format, TrainingSession

FIELDSETS = [
    (
        "annonce",
        "L'annonce",
        "Les rubriques de la page publique, dans les mots de votre annonce.",
        [
            "title",
            "cycle",
            "position",
            "why",
            "audience",
            "objectives",
            "programme_intro",
            "teaching_methods",
            "prerequisites",
            "accessibility",
            "accessibility_contact",
        ],
    ),
    (
        "en-pratique",
        "En pratique",
        "Dates, format, lieu et contact. Les horaires se saisissent ensuite, séance par séance, "
        "dans l'onglet « Programme ».",
        [
            "start_date",
            "end_date",
            "format",
            "meeting_url",
            "venue",
            "address",
            "organiser",
            "contact_name",
            "contact_email",
            "contact_phone",
        ],
    ),
    (
        "inscription",
        "Inscription",
        "Qui peut s'inscrire, à quelles conditions et jusqu'à quand.",
        [
            "access",
            "price",
            "capacity",
            "registration_deadline",
            "offer_hours",
            "all_slots_recommended",
        ],
    ),
    (
        "suivi",
        "Suivi",
        "Les rappels envoyés aux inscrit·es et la durée de conservation de leurs données.",
        ["reminder_days", "retention_months"],
    ),
]


class SessionForm(VersionedFormMixin, BoundedModelForm):
    """Create or change a session; ``user`` chooses among the cycles they may edit."""

    class Meta:
        model = TrainingSession
        fields = [name for *_, names in FIELDSETS for name in names]
        widgets = {
            "why": forms.Textarea(attrs={"rows": 6}),
            "audience": short_text(),
            "objectives": forms.Textarea(attrs={"rows": 5}),
            "programme_intro": short_text(),
            "teaching_methods": short_text(),
            "prerequisites": short_text(2),
            "accessibility": short_text(),
            "address": short_text(2),
            "start_date": DATE_WIDGET,
            "end_date": DATE_WIDGET,
            "registration_deadline": DATETIME_WIDGET,
            "format": forms.RadioSelect,
            "access": forms.RadioSelect,
        }
        labels = {
            "programme_intro": "Présentation du programme",
            "accessibility_contact": "Qui contacter pour adapter la session",
            "organiser": "Organisé par",
        }
        help_texts = {
            "title": "Par exemple « L'expérimentation : repères méthodologiques ».",
            "cycle": "Les sessions d'un cycle se suivent : leurs pages renvoient l'une à l'autre.",
            "position": "1 pour la première session du cycle, 2 pour la suivante…",
            "why": "Les enjeux, les questions que la session aborde.",
            "audience": (
                "Par exemple « Elle est destinée aux acteurs du développement local : agents "
                "de développement, élus… »."
            ),
            "programme_intro": (
                "Quelques lignes avant les séances : « Cette session se déroulera à distance "
                "et proposera des repères pour… »."
            ),
            "teaching_methods": (
                "Apports théoriques et méthodologiques, témoignages, études de cas…"
            ),
            "accessibility": (
                "Ce qui est prévu (sous-titrage, salle accessible…) ; les personnes qui ont "
                "besoin d'une adaptation peuvent l'indiquer en s'inscrivant."
            ),
            "accessibility_contact": "Un nom et un moyen de le joindre ; à défaut, le contact.",
            "meeting_url": (
                "Facultatif à la création. Jamais publié : seul·es les inscrit·es confirmé·es le "
                "reçoivent, dans le rappel et sur leur page d'inscription."
            ),
            "venue": "Obligatoire en présentiel : « Maison du Parc », « Salle des fêtes »…",
            "contact_phone": "Un ou plusieurs numéros, séparés par « / ».",
            "price": "Obligatoire pour une session payante.",
            "capacity": "Laissez vide pour ne pas limiter le nombre de places.",
            "registration_deadline": (
                "Avant le début de la session. Laissez vide pour accepter les inscriptions "
                "jusqu'au début."
            ),
            "offer_hours": (
                "Quand une place se libère, la première personne de la liste d'attente a ce "
                "délai pour la confirmer."
            ),
        }

    def __init__(self, *args, user, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        # The cycle the session already belongs to stays in the list, even for an editor of
        # the session who does not edit the cycle.
        self.fields["cycle"].queryset = Cycle.objects.filter(
            Q(pk__in=cycles_editable_by(user).values("pk")) | Q(pk=self.instance.cycle_id)
        ).order_by("-created_at", "pk")
        self.fields["cycle"].empty_label = "Aucun : session isolée"
        self.fields["organiser"].queryset = Organisation.objects.order_by("name")
        self.fields["organiser"].empty_label = "—"
        self.fields["capacity"].min_value = 1
        self.fields["capacity"].widget.attrs["min"] = 1
        self.fields["price"].min_value = 0
        self.fields["format"].choices = [
            (Format.ONLINE, "En ligne (webconférence)"),
            (Format.IN_PERSON, "En présentiel"),
        ]
        self.fields["access"].choices = [
            (Access.FREE, "Gratuite"),
            (Access.MEMBERS, "Soumise à la cotisation annuelle (réservée aux adhérents)"),
            (Access.PAID, "Payante"),
        ]

    def fieldsets(self) -> list[dict]:
        """The bound fields in their groups, for the template."""
        return [
            {"id": key, "legend": legend, "help": help_text, "fields": [self[n] for n in names]}
            for key, legend, help_text, names in FIELDSETS
        ]

    def clean_capacity(self) -> int | None:
        capacity = self.cleaned_data.get("capacity")
        if capacity is not None and capacity < 1:
            raise forms.ValidationError(
                "Indiquez au moins une place, ou laissez vide pour ne pas limiter."
            )
        if (
            capacity is not None
            and self.instance.pk
            and not self.left_as_loaded("capacity", capacity)
        ):
            # At least one place, so at least two taken when this refuses.
            taken = self.instance.registrations.holding_a_place().count()
            if capacity < taken:
                raise forms.ValidationError(
                    f"La capacité ne peut pas être inférieure aux {taken} places déjà prises."
                )
        return capacity

    def clean(self) -> dict:
        data = super().clean()
        if data.get("access") != Access.PAID and "price" in data:
            data["price"] = None
        self._check_deadline(data)
        self._check_slots_inside(data)
        return data

    def _check_deadline(self, data: dict) -> None:
        deadline, start = data.get("registration_deadline"), data.get("start_date")
        if deadline is None or start is None:
            return
        first_start = self.instance.first_start() if self.instance.pk else None
        if timezone.localtime(deadline).date() > start or (
            first_start is not None and deadline >= first_start
        ):
            self.add_error(
                "registration_deadline",
                "La date limite d'inscription doit précéder le début de la session.",
            )

    def _check_slots_inside(self, data: dict) -> None:
        """The days of the programme already entered must stay within the new dates."""
        start, end = data.get("start_date"), data.get("end_date")
        if not (self.instance.pk and start and end and start <= end):
            return
        outside = sorted(
            {slot.date for slot in self.instance.slots.all() if not start <= slot.date <= end}
        )
        if outside:
            days = ", ".join(f"{day:%d/%m/%Y}" for day in outside)
            self.add_error(
                "start_date",
                f"Le programme compte des séances le {days}, hors de ces dates : changez "
                "d'abord leur date dans l'onglet « Programme », ou dupliquez la session pour "
                "la refaire à d'autres dates.",
            )


class DuplicateForm(BoundedForm):
    """The first day of the copy: every date of the programme moves by the same number of days."""

    start_date = forms.DateField(
        label="Premier jour de la nouvelle session",
        widget=DATE_WIDGET,
        help_text="Les séances, leurs horaires et la date limite d'inscription suivent.",
    )

    def clean_start_date(self) -> datetime.date:
        day = self.cleaned_data["start_date"]
        if day < timezone.localdate():
            raise forms.ValidationError("Choisissez une date à venir.")
        return day


class PublishForm(BoundedForm):
    published = forms.BooleanField(required=False)
