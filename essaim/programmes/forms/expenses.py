"""The forms of the expenses: the programme's rules (rates, caps, who is covered for what), a
claim (who, for which event of this programme, what, when, how much, its receipt), and the
decision on a claim."""

from decimal import Decimal

from django import forms
from django.core.validators import MinValueValidator

from essaim.core.bounds import BoundedForm, BoundedModelForm
from essaim.core.concurrency import VersionedFormMixin
from essaim.core.history import describe_changes
from essaim.core.uploads import validate_evidence_file
from essaim.governance.forms import DATE_WIDGET
from essaim.lib import french
from essaim.programmes.models import (
    TAKING_PART,
    Category,
    Claimant,
    ClaimStatus,
    EventKind,
    ExpenseClaim,
    ExpenseRules,
    GroupMember,
    Programme,
    Seminar,
    TerritoryContact,
    Visit,
    Workshop,
)
from essaim.programmes.services.expenses import NEXT_STATUSES, CoverageKey, coverage_key

NOT_NEGATIVE = MinValueValidator(Decimal(0), "Le montant ne peut pas être négatif.")
MAX_KILOMETRES = 5000


def accept_french_amount(field: forms.DecimalField, example: str = "17,50") -> None:
    """« 17,50 » as French people type it (« 17.50 » too), never negative."""
    field.localize = True
    field.widget = forms.TextInput(attrs={"inputmode": "decimal", "autocomplete": "off"})
    field.widget.is_localized = True
    field.validators.append(NOT_NEGATIVE)
    field.error_messages["invalid"] = f"Indiquez un montant en euros, par exemple {example}."


# Rules --------------------------------------------------------------------------------------------


def coverage_value(key: CoverageKey) -> str:
    return ":".join(key)


def all_coverages() -> list[tuple[Claimant, EventKind, Category]]:
    return [
        (who, event, category) for who in Claimant for event in EventKind for category in Category
    ]


class RulesForm(VersionedFormMixin, BoundedModelForm):
    """The rates and caps, and who is covered for what, as a grid of boxes: one row per person
    and event, one column per category."""

    covered = forms.MultipleChoiceField(
        label="Ce que les organisateurs prennent en charge",
        required=False,
        widget=forms.CheckboxSelectMultiple,
    )
    # The coverage the page showed: a change made meanwhile by someone else is not overridden.
    loaded_coverage = forms.CharField(widget=forms.HiddenInput, required=False)

    class Meta:
        model = ExpenseRules
        fields = ["mileage_rate", "meal_cap", "lodging_cap"]
        localized_fields = ["mileage_rate", "meal_cap", "lodging_cap"]
        help_texts = {
            "mileage_rate": "Par exemple 0,32 : le montant d'un déplacement en voiture est "
            "calculé à partir des kilomètres.",
            "meal_cap": "Un repas plus cher est signalé, pas refusé.",
            "lodging_cap": "Une nuit plus chère est signalée, pas refusée.",
        }

    def __init__(self, *args, covered: frozenset[CoverageKey], **kwargs) -> None:
        loaded = ",".join(sorted(coverage_value(key) for key in covered))
        kwargs.setdefault("initial", {}).update(
            covered=[coverage_value(key) for key in covered], loaded_coverage=loaded
        )
        super().__init__(*args, **kwargs)
        self.fields["covered"].choices = [
            (coverage_value(key), f"{key[2].label} — {key[0].label}, {key[1].label}")
            for key in all_coverages()
        ]
        for name, example in (
            ("mileage_rate", "0,32"),
            ("meal_cap", "17,50"),
            ("lodging_cap", "90"),
        ):
            accept_french_amount(self.fields[name], example)

    def grid(self) -> list[dict]:
        """The boxes of ``covered`` as rows (a person at an event) and columns (categories)."""
        boxes = {box.data["value"]: box for box in self["covered"]}
        return [
            {
                "label": f"{who.label.capitalize()} — {event.label}",
                "boxes": [
                    (category.label, boxes[coverage_value((who, event, category))])
                    for category in Category
                ],
            }
            for who in Claimant
            for event in EventKind
        ]

    def covered_keys(self) -> frozenset[CoverageKey]:
        return frozenset(coverage_key(value) for value in self.cleaned_data["covered"])

    def loaded_keys(self) -> frozenset[CoverageKey] | None:
        """The coverage the page showed (``None`` from a page that did not say)."""
        if "loaded_coverage" not in self.data:
            return None
        values = self.cleaned_data.get("loaded_coverage", "").split(",")
        return frozenset(coverage_key(value) for value in values if value.count(":") == 2)


# Claims -------------------------------------------------------------------------------------------


class ClaimForm(VersionedFormMixin, BoundedModelForm):
    """A claim of one person for one event of the programme, both chosen among the programme's
    own. The amount of a trip by car comes from its kilometres when left empty; the receipt,
    if any, is attached to the claim."""

    claimant = forms.ChoiceField(label="Qui a engagé la dépense")
    event = forms.ChoiceField(label="Pour quel événement")
    # The person and the event the page showed (not columns: the version does not hold them).
    claimant_loaded = forms.CharField(widget=forms.HiddenInput, required=False)
    event_loaded = forms.CharField(widget=forms.HiddenInput, required=False)
    receipt = forms.FileField(
        label="Justificatif",
        required=False,
        help_text="Facture, ticket, billet (PDF ou photo). Un déplacement en voiture compté en "
        "kilomètres n'en demande pas. D'autres pièces se joignent depuis la page de la note.",
    )

    class Meta:
        model = ExpenseClaim
        fields = ["category", "spent_on", "kilometres", "amount", "description"]
        localized_fields = ["amount"]
        widgets = {"spent_on": DATE_WIDGET, "category": forms.RadioSelect}
        help_texts = {
            "kilometres": "Pour un déplacement en voiture : le montant est calculé au taux du "
            "programme si vous le laissez vide.",
            "description": "« Train Lyon – Valence aller-retour », « dîner du premier soir ».",
        }

    def __init__(self, *args, programme: Programme, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        self.programme = programme
        claim = self.instance
        self.people = self._people(claim)
        self.events = self._events()
        self.fields["claimant"].choices = self._people_choices()
        self.fields["event"].choices = self._event_choices()
        self.fields["category"].choices = Category.choices
        self.order_fields(["claimant", "event", "category", "spent_on", "kilometres", "amount"])
        self.fields["amount"].required = False
        self.fields["amount"].help_text = "En euros, par exemple 17,50."
        accept_french_amount(self.fields["amount"])
        self.fields["kilometres"].max_value = MAX_KILOMETRES
        self.fields["kilometres"].widget.attrs["max"] = MAX_KILOMETRES
        self.current_keys = {"claimant": "", "event": ""}
        if claim.pk is not None:
            if claim.expert_id or claim.contact_id:
                person = claim.expert if claim.claimant_kind == Claimant.EXPERT else claim.contact
                self.current_keys["claimant"] = person_key(person)
            if claim.event is not None:
                self.current_keys["event"] = event_key(claim.event)
            if not self.is_bound:
                for name, key in self.current_keys.items():
                    self.initial[name] = self.initial[f"{name}_loaded"] = key

    def _people(self, claim: ExpenseClaim) -> dict:
        """The experts of the accompaniment group (the claim's own kept), then the contacts of
        the territories, by key."""
        experts = GroupMember.objects.filter(programme=self.programme).order_by("name", "pk")
        contacts = TerritoryContact.objects.filter(
            territory__programme=self.programme
        ).select_related("territory")
        people = {
            person_key(expert): expert
            for expert in experts
            if expert.is_expert or expert.pk == claim.expert_id
        }
        for contact in sorted(contacts, key=lambda contact: (contact.territory.name, contact.pk)):
            people[person_key(contact)] = contact
        return people

    def _people_choices(self) -> list:
        experts, contacts = [], []
        for key, person in self.people.items():
            if isinstance(person, GroupMember):
                experts.append((key, person.name))
                continue
            territory = person.territory
            label = f"{person.name} — {territory.name} ({person.get_kind_display()})"
            if territory.status not in TAKING_PART:
                label += f", territoire « {territory.get_status_display()} »"
            contacts.append((key, label))
        return [
            ("", "Choisissez la personne"),
            ("Experts du groupe d'accompagnement", experts),
            ("Représentants des territoires", contacts),
        ]

    def _events(self) -> dict:
        visits = Visit.objects.filter(territory__programme=self.programme).select_related(
            "territory"
        )
        return {
            event_key(event): event
            for event in [
                *visits,
                *Workshop.objects.filter(programme=self.programme),
                *Seminar.objects.filter(programme=self.programme),
            ]
        }

    def _event_choices(self) -> list:
        groups = {kind: [] for kind in EventKind}
        for key, event in self.events.items():
            if isinstance(event, Visit):
                when = french.date_range(event.start_date, event.end_date, capital=False)
                groups[EventKind.VISIT].append((key, f"{event.territory.name} — {when}"))
            else:
                kind = EventKind.WORKSHOP if isinstance(event, Workshop) else EventKind.SEMINAR
                groups[kind].append((key, f"{event.title} — {event.date:%d/%m/%Y}"))
        titles = {
            EventKind.VISIT: "Écoutes territoriales",
            EventKind.WORKSHOP: "Ateliers inter-territoires",
            EventKind.SEMINAR: "Séminaires",
        }
        return [("", "Choisissez l'événement")] + [
            (titles[kind], choices) for kind, choices in groups.items()
        ]

    def described_changes(self) -> dict:
        """What this person changed, for the history: the person and the event by name."""
        changes = describe_changes(self)
        for name in ("claimant", "event"):
            label = str(self.fields[name].label)
            if label in changes:
                names = dict(flat_choices(self.fields[name].choices))
                changes[label] = {
                    "avant": names.get(self.initial.get(name), "—"),
                    "après": names.get(self.cleaned_data.get(name), "—"),
                }
        changes.pop(str(self.fields["receipt"].label), None)
        return changes

    def clean_receipt(self):
        receipt = self.cleaned_data.get("receipt")
        if receipt:
            validate_evidence_file(receipt)
        return receipt

    def clean_kilometres(self):
        kilometres = self.cleaned_data.get("kilometres")
        if kilometres is not None and kilometres > MAX_KILOMETRES:
            raise forms.ValidationError(
                f"{french.number(MAX_KILOMETRES)} kilomètres au plus par note de frais."
            )
        return kilometres

    def _chosen(self, name: str, data: dict, what: str) -> str:
        """The key of the person or event to write: the current one when this person left the
        choice as they loaded it (someone else may have changed it meanwhile); refused when
        both changed it."""
        chosen, current = data.get(name, ""), self.current_keys[name]
        if self.instance.pk is None or self.add_prefix(f"{name}_loaded") not in self.data:
            return chosen
        loaded = data.get(f"{name}_loaded", "")
        if chosen == loaded:
            data[name] = current
            return current
        if current not in (loaded, chosen):
            names = dict(flat_choices(self.fields[name].choices))
            self.add_error(
                name,
                f"Quelqu'un d'autre a changé {what} pendant que vous écriviez : c'est "
                f"maintenant « {names.get(current, current)} ». Choisissez à nouveau.",
            )
            self.data = self.data.copy()
            self.data[self.add_prefix(f"{name}_loaded")] = current
            return ""
        return chosen

    def clean(self) -> dict:
        data = super().clean()
        claim = self.instance
        person = self.people.get(self._chosen("claimant", data, "la personne"))
        if person is not None:
            is_expert = isinstance(person, GroupMember)
            claim.claimant_kind = Claimant.EXPERT if is_expert else Claimant.REPRESENTATIVE
            claim.expert = person if is_expert else None
            claim.contact = None if is_expert else person
            claim.claimant_name = person.name
        event = self.events.get(self._chosen("event", data, "l'événement"))
        if event is not None:
            claim.visit = event if isinstance(event, Visit) else None
            claim.workshop = event if isinstance(event, Workshop) else None
            claim.seminar = event if isinstance(event, Seminar) else None
            claim.event_kind = event_key(event).partition("-")[0]
        category, kilometres = data.get("category"), data.get("kilometres")
        if kilometres is not None and category and category != Category.TRAVEL:
            self.add_error("kilometres", "Les kilomètres ne valent que pour un déplacement.")
        if data.get("amount") is None and kilometres is None and "amount" not in self.errors:
            self.add_error(
                "amount", "Indiquez le montant, ou les kilomètres d'un déplacement en voiture."
            )
        return data


def flat_choices(choices) -> list[tuple[str, str]]:
    """The choices of a field, out of their groups."""
    flat = []
    for value, label in choices:
        if isinstance(label, list | tuple):
            flat.extend(label)
        else:
            flat.append((value, label))
    return flat


# The keys of the choices of person and event: « expert-12 », « contact-7 », « visite-3 »…
PERSON_PREFIX = {Claimant.EXPERT: "expert", Claimant.REPRESENTATIVE: "contact"}


def person_choice(kind: Claimant | str, pk: int) -> str:
    return f"{PERSON_PREFIX[Claimant(kind)]}-{pk}"


def event_choice(kind: EventKind | str, pk: int) -> str:
    return f"{EventKind(kind).value}-{pk}"


def person_key(person: GroupMember | TerritoryContact) -> str:
    kind = Claimant.EXPERT if isinstance(person, GroupMember) else Claimant.REPRESENTATIVE
    return person_choice(kind, person.pk)


def event_key(event: Visit | Workshop | Seminar) -> str:
    if isinstance(event, Visit):
        kind = EventKind.VISIT
    elif isinstance(event, Workshop):
        kind = EventKind.WORKSHOP
    else:
        kind = EventKind.SEMINAR
    return event_choice(kind, event.pk)


# Decisions ----------------------------------------------------------------------------------------

DECISION_LABELS = {
    ClaimStatus.APPROVED: "Approuver",
    ClaimStatus.REFUSED: "Refuser",
    ClaimStatus.PAID: "Marquer remboursée",
}


class DecisionForm(BoundedForm):
    status = forms.ChoiceField(label="Décision", widget=forms.RadioSelect)
    reason = forms.CharField(
        label="Raison",
        required=False,
        widget=forms.Textarea(attrs={"rows": 3}),
        help_text="Obligatoire pour refuser, et pour approuver une note hors des règles : "
        "elle est gardée avec la note.",
    )
    # The status the page showed: a decision taken meanwhile by someone else is not overridden.
    loaded = forms.CharField(widget=forms.HiddenInput, required=False)

    def __init__(self, *args, claim: ExpenseClaim, **kwargs) -> None:
        kwargs.setdefault("initial", {})["loaded"] = claim.status
        super().__init__(*args, **kwargs)
        self.fields["status"].choices = [
            (status.value, DECISION_LABELS[status])
            for status in NEXT_STATUSES[ClaimStatus(claim.status)]
        ]
