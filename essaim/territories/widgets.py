"""Search-as-you-type pickers of communes and EPCI, for any Django form.

``CommunePickerField`` (several communes, or one with ``multiple=False``) and
``EpciPickerField`` post INSEE codes or SIREN numbers in hidden inputs, one per chosen item,
shown as chips with a remove button. Typing in the search box asks
``territories:search_communes`` / ``territories:search_epci`` for up to 15 options (htmx); the
number of options found is read out through an ``aria-live`` region. A form open to everyone
takes ``CommunePickerField(public=True)``: it asks ``territories:search_communes_public``,
which needs no account and limits the searches of each address. ``picker.js`` adds and
removes the chips and lets the keyboard move between the box and the options.

A template that shows such a form renders ``{{ form.media }}``.
"""

from collections.abc import Iterable
from typing import Any, NamedTuple

from django import forms
from django.core.exceptions import ValidationError
from django.db import models
from django.urls import reverse

from essaim.territories.models import Commune, Epci


class PickerChoice(NamedTuple):
    value: str
    label: str


class PickerWidget(forms.Widget):
    template_name = "territories/widgets/picker.html"

    def __init__(
        self, *, search_url_name: str, multiple: bool, chosen_label: str, attrs=None
    ) -> None:
        super().__init__(attrs)
        self.search_url_name = search_url_name
        self.multiple = multiple
        self.chosen_label = chosen_label

    @property
    def media(self) -> forms.Media:
        return forms.Media(js=[forms.Script("territories/picker.js", defer=True)])

    def format_value(self, value: Any) -> list[PickerChoice]:
        return list(value or [])

    def get_context(self, name: str, value: Any, attrs: dict | None) -> dict:
        context = super().get_context(name, value, attrs)
        widget = context["widget"]
        picker_id = widget["attrs"].get("id") or f"id_{name}"
        widget["attrs"]["id"] = picker_id
        described_by = [widget["attrs"].get("aria-describedby", ""), f"{picker_id}-statut"]
        widget["attrs"]["aria-describedby"] = " ".join(part for part in described_by if part)
        widget.update(
            picker_id=picker_id,
            search_url=reverse(self.search_url_name),
            multiple=self.multiple,
            chosen_label=self.chosen_label,
            chosen=widget["value"],
        )
        return context

    def value_from_datadict(self, data, files, name: str) -> list[str]:
        if hasattr(data, "getlist"):
            values = data.getlist(name)
        else:
            raw = data.get(name)
            values = raw if isinstance(raw, list | tuple) else ([] if raw is None else [raw])
        return [str(value) for value in values]

    def value_omitted_from_data(self, data, files, name: str) -> bool:
        return name not in data

    def id_for_label(self, id_: str) -> str:
        return id_

    def use_required_attribute(self, initial: Any) -> bool:
        # The search box stays empty once items are chosen: the browser must not require it.
        return False


class ReferentialPickerField(forms.Field):
    """Communes or EPCI chosen by their code; cleans to model instances."""

    model: type[models.Model]
    code_field: str
    search_url_name: str
    chosen_labels: tuple[str, str]  # (singular, plural), headings of the chosen items
    default_error_messages: dict[str, str] = {}

    def __init__(
        self, *, multiple: bool = True, search_url_name: str | None = None, **kwargs
    ) -> None:
        self.multiple = multiple
        kwargs.setdefault(
            "widget",
            PickerWidget(
                search_url_name=search_url_name or self.search_url_name,
                multiple=multiple,
                chosen_label=self.chosen_label(multiple),
            ),
        )
        super().__init__(**kwargs)
        self._known: dict[str, models.Model] = {}

    def chosen_label(self, multiple: bool) -> str:
        singular, plural = self.chosen_labels
        return plural if multiple else singular

    def label_of(self, obj: models.Model) -> str:
        return f"{obj.name} ({getattr(obj, self.code_field)})"

    def queryset(self) -> models.QuerySet:
        return self.model.objects.all()

    def code_of(self, item: Any) -> str:
        if isinstance(item, self.model):
            return getattr(item, self.code_field)
        return str(item).strip().upper().replace(" ", "")

    def to_python(self, value: Any) -> list[str]:
        if value in self.empty_values:
            return []
        items = value if isinstance(value, Iterable) and not isinstance(value, str) else [value]
        return list(dict.fromkeys(code for code in map(self.code_of, items) if code))

    def validate(self, value: list[str]) -> None:
        if self.required and not value:
            raise ValidationError(self.error_messages["required"], code="required")
        if not self.multiple and len(value) > 1:
            raise ValidationError(self.error_messages["only_one"], code="only_one")

    def clean(self, value: Any) -> Any:
        codes = self.to_python(value)
        self.validate(codes)
        self.run_validators(codes)
        found = self._fetch(codes)
        unknown = [code for code in codes if code not in found]
        if unknown:
            key = "unknown" if len(unknown) == 1 else "unknown_plural"
            raise ValidationError(
                self.error_messages[key], code="unknown", params={"codes": ", ".join(unknown)}
            )
        objects = [found[code] for code in codes]
        if self.multiple:
            return objects
        return objects[0] if objects else None

    def prepare_value(self, value: Any) -> list[PickerChoice]:
        """The chips to show: known objects by their label, unknown codes as they were typed."""
        if value in self.empty_values:
            return []
        items = value if isinstance(value, Iterable) and not isinstance(value, str) else [value]
        items = list(items)
        if all(isinstance(item, PickerChoice) for item in items):
            return items
        objects = {self.code_of(item): item for item in items if isinstance(item, self.model)}
        codes = self.to_python(items)
        missing = [code for code in codes if code not in objects and code not in self._known]
        self._fetch(missing)
        choices = []
        for code in codes:
            obj = objects.get(code) or self._known.get(code)
            choices.append(PickerChoice(code, self.label_of(obj) if obj else f"{code} (inconnu)"))
        return choices

    def has_changed(self, initial: Any, data: Any) -> bool:
        return set(self.to_python(initial)) != set(self.to_python(data))

    def _fetch(self, codes: list[str]) -> dict[str, models.Model]:
        if not codes:
            return {}
        found = {
            getattr(obj, self.code_field): obj
            for obj in self.queryset().filter(**{f"{self.code_field}__in": codes})
        }
        self._known.update(found)
        return found


class CommunePickerField(ReferentialPickerField):
    model = Commune
    code_field = "insee_code"
    search_url_name = "territories:search_communes"
    chosen_labels = ("Commune choisie", "Communes choisies")
    default_error_messages = {
        "required": "Choisissez au moins une commune.",
        "only_one": "Choisissez une seule commune.",
        "unknown": "Code INSEE inconnu : %(codes)s. Choisissez la commune dans la liste.",
        "unknown_plural": "Codes INSEE inconnus : %(codes)s. Choisissez les communes dans la "
        "liste.",
    }

    def __init__(self, *, multiple: bool = True, public: bool = False, **kwargs) -> None:
        if public:
            kwargs["search_url_name"] = "territories:search_communes_public"
        kwargs.setdefault("label", "Communes" if multiple else "Commune")
        kwargs.setdefault(
            "help_text",
            "Tapez le nom, le code postal ou le code INSEE, puis choisissez dans la liste.",
        )
        super().__init__(multiple=multiple, **kwargs)
        if not multiple:
            self.error_messages["required"] = "Choisissez une commune."

    def queryset(self) -> models.QuerySet:
        return Commune.objects.select_related("departement")


class EpciPickerField(ReferentialPickerField):
    model = Epci
    code_field = "siren"
    search_url_name = "territories:search_epci"
    chosen_labels = ("EPCI choisi", "EPCI choisis")
    default_error_messages = {
        "required": "Choisissez un EPCI.",
        "only_one": "Choisissez un seul EPCI.",
        "unknown": "SIREN inconnu : %(codes)s n'est pas un EPCI du référentiel. Choisissez "
        "l'EPCI dans la liste.",
        "unknown_plural": "SIREN inconnus : %(codes)s ne sont pas des EPCI du référentiel.",
    }

    def __init__(self, *, multiple: bool = False, **kwargs) -> None:
        kwargs.setdefault("label", "EPCI")
        kwargs.setdefault(
            "help_text",
            "Tapez le nom de l'intercommunalité ou son numéro SIREN, puis choisissez dans la "
            "liste.",
        )
        super().__init__(multiple=multiple, **kwargs)
