"""The readiness diagnostic's form: one answer and one justification per question of the grid,
grouped by dimension, with the version of the answers it was loaded from."""

from django import forms

from essaim.core.bounds import BoundedForm
from essaim.core.concurrency import (
    VERSION_FIELD,
    Conflict,
    EditConflict,
    find_conflicts,
    fingerprint,
    read_version,
    shown,
    sign_version,
)
from essaim.core.history import readable
from essaim.experiments.forms.framing import DATE_WIDGET
from essaim.scaling.readiness import ANSWER_CHOICES, DIMENSIONS, QUESTIONS


def score_field(key: str) -> str:
    return f"reponse_{key}"


def justification_field(key: str) -> str:
    return f"justification_{key}"


class ReadinessForm(BoundedForm):
    """``values`` are the current answers (field name → value) of the diagnosis being edited,
    or those of the latest one for a new diagnosis (pre-filled, so that progress is what
    changes)."""

    assessed_on = forms.DateField(label="Date du diagnostic", widget=DATE_WIDGET)
    note = forms.CharField(
        label="Commentaire d'ensemble",
        required=False,
        widget=forms.Textarea(attrs={"rows": 3}),
    )

    def __init__(self, *args, values: dict, versioned: bool, **kwargs) -> None:
        kwargs.setdefault("initial", {}).update(values)
        super().__init__(*args, **kwargs)
        for key, question in QUESTIONS.items():
            self.fields[score_field(key)] = forms.TypedChoiceField(
                label=question.text,
                choices=ANSWER_CHOICES,
                coerce=int,
                empty_value=None,
                required=False,
                widget=forms.RadioSelect,
                help_text=question.hint,
            )
            self.fields[justification_field(key)] = forms.CharField(
                label="Justification",
                required=False,
                widget=forms.Textarea(attrs={"rows": 2}),
            )
        self.current = {name: fingerprint(value) for name, value in values.items()}
        self.versioned = versioned
        if versioned:
            self.fields[VERSION_FIELD] = forms.CharField(
                widget=forms.HiddenInput, required=False, initial=sign_version(self.current)
            )

    def dimensions(self) -> list[dict]:
        """The fields grouped as the page shows them: one fieldset per dimension."""
        return [
            {
                "dimension": dimension,
                "questions": [
                    (self[score_field(q.key)], self[justification_field(q.key)])
                    for q in dimension.questions
                ],
            }
            for dimension in DIMENSIONS
        ]

    def answers(self) -> dict[str, tuple[int | None, str]]:
        """Question key → (score, justification), as typed."""
        return {
            key: (self.cleaned_data[score_field(key)], self.cleaned_data[justification_field(key)])
            for key in QUESTIONS
        }

    def edited_names(self) -> set[str]:
        """The fields this person changed from what they loaded (every one without a version)."""
        loaded = (
            read_version(self.data.get(self.add_prefix(VERSION_FIELD))) if self.versioned else None
        )
        names = [name for name in self.cleaned_data if name != VERSION_FIELD]
        if loaded is None:
            return set(names)
        return {name for name in names if fingerprint(self.cleaned_data[name]) != loaded.get(name)}

    def check_against(self, current_values: dict) -> None:
        """Raise :class:`EditConflict` for each field someone else changed since this form was
        loaded and that this person changed too, to another value."""
        loaded = (
            read_version(self.data.get(self.add_prefix(VERSION_FIELD))) if self.versioned else None
        )
        if loaded is None:
            return
        current = {name: fingerprint(value) for name, value in current_values.items()}
        proposed = {name: fingerprint(self.cleaned_data[name]) for name in self.edited_names()}
        names = find_conflicts(loaded=loaded, current=current, proposed=proposed)
        if names:
            raise EditConflict(
                [
                    Conflict(
                        name=name,
                        label=self._label(name),
                        current=readable(self.fields[name], current_values.get(name)),
                        loaded=self._loaded_label(name, loaded[name]),
                        kept=current[name],
                    )
                    for name in names
                ]
            )

    def _loaded_label(self, name: str, kept) -> str | None:
        field = self.fields[name]
        if isinstance(field, forms.TypedChoiceField) and kept is not None:
            return readable(field, field.clean(str(kept)))
        return shown(field, kept)

    def _label(self, name: str) -> str:
        for key, question in QUESTIONS.items():
            if name == justification_field(key):
                return f"Justification — {question.text}"
        return str(self.fields[name].label)

    def show_conflict(self, conflict: EditConflict) -> None:
        """As :meth:`VersionedFormMixin.show_conflict`: sent again, this person's values win."""
        for each in conflict.conflicts:
            self.add_error(None, each.message)
        confirmed = {**(read_version(self.data.get(self.add_prefix(VERSION_FIELD))) or {})}
        for each in conflict.conflicts:
            confirmed[each.name] = each.kept
        self.data = self.data.copy()
        self.data[self.add_prefix(VERSION_FIELD)] = sign_version(confirmed)
