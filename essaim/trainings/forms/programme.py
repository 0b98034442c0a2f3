"""The forms of the programme: time slots, speakers, testimonies and the questions added to the
registration form."""

from django import forms
from django.db.models import Q

from essaim.core.bounds import BoundedModelForm
from essaim.core.concurrency import VersionedFormMixin
from essaim.experiments.models import Experiment
from essaim.lib import french
from essaim.organisations.models import Person
from essaim.trainings.forms.widgets import DATE_WIDGET, TIME_WIDGET, short_text
from essaim.trainings.models import (
    QuestionKind,
    RegistrationQuestion,
    Slot,
    Speaker,
    Testimony,
    TrainingSession,
)
from essaim.trainings.places import registrants_of

TIME_FIELDS = ("date", "start_time", "end_time")
CONFIRM_FIELD = "notify_registrants"


class SlotForm(VersionedFormMixin, BoundedModelForm):
    """A slot; once people follow it, moving it asks to confirm that they will be told."""

    class Meta:
        model = Slot
        fields = ["date", "start_time", "end_time", "title", "topics"]
        widgets = {
            "date": DATE_WIDGET,
            "start_time": TIME_WIDGET,
            "end_time": TIME_WIDGET,
            "topics": forms.Textarea(attrs={"rows": 5}),
        }
        help_texts = {
            "title": "Par exemple « L'expérimentation : premiers éléments de repère ».",
            "topics": (
                "Un point par ligne : « Expérimentation, de quoi parle-t-on ? », "
                "« Pourquoi expérimenter ? »…"
            ),
        }

    def __init__(self, *args, session: TrainingSession, user=None, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        self.session = session
        first = french.weekday_date(session.start_date)
        if session.start_date == session.end_date:
            self.fields["date"].help_text = f"La session a lieu le {first}."
        else:
            last = french.weekday_date(session.end_date)
            self.fields["date"].help_text = f"Entre le {first} et le {last}."
        if not self.instance.pk and not self.initial.get("date"):
            self.initial["date"] = session.start_date
        self.registrant_count = len(registrants_of(self.instance)) if self.instance.pk else 0
        if self.registrant_count:
            followers = french.counted(self.registrant_count, "inscrit·e", "inscrit·es")
            self.fields[CONFIRM_FIELD] = forms.BooleanField(
                label=(
                    "Prévenir l'inscrit·e si la date ou les horaires changent"
                    if self.registrant_count == 1
                    else f"Prévenir les {followers} si la date ou les horaires changent"
                ),
                required=False,
                help_text=(
                    f"{followers} {french.plural(self.registrant_count, 'suit', 'suivent')} "
                    "cette séance : chacun·e recevra un e-mail avec le nouvel horaire et la "
                    "séance à jour pour son agenda."
                ),
            )

    @property
    def changed_data(self) -> list[str]:
        """The slot's fields this person changed (the confirmation is not one of them)."""
        return [name for name in super().changed_data if name != CONFIRM_FIELD]

    @property
    def time_changed(self) -> bool:
        """Whether the date or the times were changed (once the form is validated)."""
        return any(name in self.changed_data for name in TIME_FIELDS)

    def clean(self) -> dict:
        data = super().clean()
        # Compared with the slot as loaded: ``changed_data`` is known only after validation.
        moved = any(name in data and data[name] != self.initial.get(name) for name in TIME_FIELDS)
        if self.registrant_count and moved and not data.get(CONFIRM_FIELD):
            followers = french.counted(self.registrant_count, "inscrit·e", "inscrit·es")
            self.add_error(
                CONFIRM_FIELD,
                f"Ce changement d'horaire concerne {followers} : cochez cette case pour "
                "confirmer et les prévenir par e-mail.",
            )
        start, end, day = data.get("start_time"), data.get("end_time"), data.get("date")
        if start and end and end <= start:
            self.add_error("end_time", "L'heure de fin doit suivre l'heure de début.")
        session = self.session
        if day and not session.start_date <= day <= session.end_date:
            self.add_error(
                "date",
                "Cette date est hors des dates de la session : changez d'abord son premier ou "
                "son dernier jour (bouton « Modifier la session »).",
            )
        return data


class SpeakerForm(VersionedFormMixin, BoundedModelForm):
    """A speaker typed by hand, or picked from the directory (name, function and organisation
    are then taken from the contact when left empty)."""

    class Meta:
        model = Speaker
        fields = ["person", "name", "function", "organisation_name", "role"]
        labels = {"person": "Choisir dans l'annuaire"}
        help_texts = {
            "person": (
                "Facultatif : choisissez un contact, ou tapez le nom, la fonction et "
                "l'organisation ci-dessous."
            ),
            "function": "Par exemple « chargée de mission, de recherche et de formation ».",
            "organisation_name": (
                "Par exemple « Ciedel (Centre international d'études pour le "
                "développement local) »."
            ),
        }

    def __init__(self, *args, session: TrainingSession, user, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        people = Person.objects.visible_to(user)
        if self.instance.person_id:
            people = Person.objects.filter(
                Q(pk__in=people.values("pk")) | Q(pk=self.instance.person_id)
            )
        field = self.fields["person"]
        field.queryset = people.select_related("organisation").order_by("last_name", "first_name")
        field.empty_label = "— Personne de l'annuaire —"
        field.label_from_instance = _person_label
        self.fields["name"].required = False

    def clean(self) -> dict:
        data = super().clean()
        person = data.get("person")
        if person is not None:
            data["name"] = data.get("name") or person.full_name
            data["function"] = data.get("function") or person.function
            if not data.get("organisation_name") and person.organisation_id:
                data["organisation_name"] = person.organisation.name
        if not data.get("name"):
            self.add_error("name", "Indiquez le nom de l'intervenant·e ou choisissez un contact.")
        return data


def _person_label(person: Person) -> str:
    parts = [person.full_name, person.function, person.organisation and person.organisation.name]
    return ", ".join(part for part in parts if part)


class TestimonyForm(VersionedFormMixin, BoundedModelForm):
    """A case presented at the session; its experiment is chosen among those ``user`` sees."""

    class Meta:
        model = Testimony
        fields = ["title", "presenters", "slot", "experiment"]
        widgets = {"presenters": short_text()}
        labels = {"slot": "Présenté pendant la séance", "experiment": "Expérimentation liée"}
        help_texts = {
            "title": "Par exemple « Rezo Pouce, l'autostop organisé en Chartreuse ».",
            "presenters": (
                "Une personne par ligne : « Sophie Roy, chargée de mission Transition "
                "énergétique, PNR de Chartreuse »."
            ),
            "experiment": (
                "Sa fiche d'expérimentation sur Essaim, parmi celles auxquelles vous avez accès."
            ),
        }

    def __init__(self, *args, session: TrainingSession, user, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        self.fields["slot"].queryset = session.slots.all()
        self.fields["slot"].empty_label = "— Aucune séance en particulier —"
        self.fields["slot"].label_from_instance = _slot_label
        experiments = Experiment.objects.visible_to(user)
        if self.instance.experiment_id:
            experiments = Experiment.objects.filter(
                Q(pk__in=experiments.values("pk")) | Q(pk=self.instance.experiment_id)
            )
        self.fields["experiment"].queryset = experiments.order_by("title", "pk")
        self.fields["experiment"].empty_label = "— Aucune —"


def _slot_label(slot: Slot) -> str:
    day = french.weekday_date(slot.date, capital=True)
    label = f"{day}, {french.hours(slot.start_time, slot.end_time)}"
    return f"{label} — {slot.title}" if slot.title else label


class QuestionForm(VersionedFormMixin, BoundedModelForm):
    class Meta:
        model = RegistrationQuestion
        fields = ["label", "kind", "choices", "required"]
        widgets = {"kind": forms.RadioSelect, "choices": short_text(4)}
        help_texts = {
            "label": "Par exemple « Qu'attendez-vous de cette session ? ».",
            "choices": "Pour un choix parmi une liste : un choix par ligne, deux au moins.",
        }

    def __init__(self, *args, session: TrainingSession, user=None, **kwargs) -> None:
        super().__init__(*args, **kwargs)

    def clean(self) -> dict:
        data = super().clean()
        if data.get("kind") == QuestionKind.CHOICE:
            choices = [line.strip() for line in data.get("choices", "").splitlines()]
            if len([choice for choice in choices if choice]) < 2:
                self.add_error("choices", "Indiquez au moins deux choix, un par ligne.")
        elif "choices" in data:
            data["choices"] = ""
        return data
