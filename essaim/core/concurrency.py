"""Concurrent edits never silently undo each other.

An edit form, or an object read from the API, carries the *version* it was loaded from: a
signed fingerprint of the values of its fields (:func:`sign_version`; long values are kept as
a hash). When the change comes back, inside a transaction with the row locked:

- a field that someone else changed meanwhile, and that this person changed too, to another
  value, is a conflict: the change is refused (:class:`EditConflict`), with the current value
  of each such field, and nothing is saved;
- otherwise only the fields this person changed are written; the others' changes stay.

:class:`VersionedFormMixin` does it for a ``ModelForm`` (a hidden ``version`` field), and
every edit view saves through :func:`save_or_conflict`, which turns a conflict found at save
time into the form's error; the API
calls :func:`read_version`, :func:`fingerprint_of` and :func:`find_conflicts`. A change sent
without a version (an older page, a script) is merged field by field as if it had been loaded
from the current values: the fields it changes are written, the others are left alone."""

import datetime
import hashlib
import json
import uuid
from collections.abc import Callable
from dataclasses import dataclass
from decimal import Decimal

from django import forms
from django.core import signing
from django.core.exceptions import FieldDoesNotExist, ValidationError
from django.core.files.uploadedfile import UploadedFile
from django.db import models, transaction
from django.db.models.fields.files import FieldFile

from essaim.core.history import changed_labels, describe_changes, readable
from essaim.lib.errors import DomainError

VERSION_FIELD = "version"
SALT = "essaim.core.concurrency"
# Longer values are kept in the version as a hash: the version stays short.
LONGEST_KEPT = 60


@dataclass(frozen=True)
class Conflict:
    """A field changed both by someone else and by this person."""

    name: str
    label: str
    current: str
    loaded: str | None = None
    # The current value, as the version keeps it.
    kept: object = None

    @property
    def message(self) -> str:
        text = (
            "Ce champ a été modifié par quelqu'un d'autre pendant que vous l'éditiez : "
            f"{self.label} — {self.current}"
        )
        return f"{text} (vous aviez {self.loaded})" if self.loaded else text


class EditConflict(DomainError):
    """A change refused because someone else changed the same fields meanwhile."""

    def __init__(self, conflicts: list[Conflict]) -> None:
        super().__init__(" ; ".join(conflict.message for conflict in conflicts))
        self.conflicts = conflicts


# Fingerprints ------------------------------------------------------------------------------------


def _plain(value):
    """``value`` as JSON, the same whether it comes from the database or from a form."""
    if isinstance(value, models.Model):
        return value.pk
    if isinstance(value, FieldFile):
        return value.name or None
    if isinstance(value, UploadedFile):
        return f"fichier déposé : {value.name} ({value.size})"
    if isinstance(value, models.QuerySet | set | frozenset):
        value = list(value)
    if isinstance(value, list | tuple):
        items = [_plain(item) for item in value]
        if any(isinstance(item, models.Model) for item in value):
            items.sort(key=str)
        return items
    if isinstance(value, dict):
        return {str(key): _plain(item) for key, item in value.items()}
    if isinstance(value, datetime.datetime):
        if value.tzinfo is not None:
            value = value.astimezone(datetime.UTC)
        return value.isoformat()
    if isinstance(value, datetime.date | datetime.time):
        return value.isoformat()
    if isinstance(value, Decimal):
        return f"{value.normalize():f}"
    if isinstance(value, uuid.UUID):
        return str(value)
    if value == "":
        return None
    return value


def fingerprint(value):
    """What the version keeps of one value: the value itself as JSON when short, else a hash."""
    text = json.dumps(_plain(value), sort_keys=True, ensure_ascii=False, default=str)
    if len(text) <= LONGEST_KEPT:
        return json.loads(text)
    return {"empreinte": hashlib.sha256(text.encode()).hexdigest()[:20]}


def _is_hash(kept) -> bool:
    return isinstance(kept, dict) and set(kept) == {"empreinte"}


def model_field(model: type[models.Model], name: str) -> models.Field | None:
    """The field ``name`` of ``model`` a version follows: a column or a many-to-many."""
    try:
        field = model._meta.get_field(name)
    except FieldDoesNotExist:
        return None
    if field.many_to_many and not field.auto_created:
        return field
    if getattr(field, "concrete", False) and not field.primary_key and not field.auto_created:
        return field
    return None


def fingerprint_of(instance: models.Model, names) -> dict:
    """The fingerprint of the fields ``names`` of ``instance`` (many-to-many included)."""
    values = {}
    for name in names:
        field = model_field(type(instance), name)
        if field is not None:
            values[name] = fingerprint(field.value_from_object(instance))
    return values


def sign_version(values: dict) -> str:
    # No timestamp: the same values always give the same version (and the same ETag).
    return signing.Signer(salt=SALT).sign_object(values, compress=True)


def read_version(token: str | None) -> dict | None:
    """The values a version was loaded from; None when absent or not one of ours."""
    if not token:
        return None
    token = token.strip()
    if token.startswith(("W/", '"')):
        token = token.removeprefix("W/").strip('"')
    try:
        values = signing.Signer(salt=SALT).unsign_object(token)
    except signing.BadSignature:
        return None
    return values if isinstance(values, dict) else None


def version_of(instance: models.Model, names) -> str:
    return sign_version(fingerprint_of(instance, names))


def find_conflicts(*, loaded: dict, current: dict, proposed: dict) -> list[str]:
    """The names of the fields changed since ``loaded`` (in ``current``) that ``proposed``
    changes too, to another value. The three hold fingerprints."""
    return [
        name
        for name, mine in proposed.items()
        if name in loaded
        and name in current
        and loaded[name] != current[name]
        and mine != loaded[name]
        and mine != current[name]
    ]


def shown(field: forms.Field, kept) -> str | None:
    """A value kept in a version, as people read it (None when only its hash was kept)."""
    if _is_hash(kept):
        return None
    try:
        value = field.to_python(kept)
    except (ValidationError, TypeError, ValueError):
        value = kept
    return readable(field, value)


# Forms -------------------------------------------------------------------------------------------


class VersionedFormMixin:
    """For a form that changes an existing object ``self.instance`` (a ``ModelForm``, or a
    form that sets ``instance`` before calling ``__init__``): a hidden ``version`` field holds
    the values the form was loaded from. On a valid submission, the fields changed meanwhile
    by someone else and also by this person are refused with a non-field error (the person's
    values stay in the form, and a new version lets them confirm theirs); the fields changed
    only by someone else keep the new value; ``save()`` locks the row, checks again, and
    writes only the fields this person changed (``update_fields``).

    ``changed_data`` is what this person changed, so the history says what they did."""

    def __init__(self, *args, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        # Evaluated when shown: a subclass may still add or remove fields after this.
        self.fields[VERSION_FIELD] = forms.CharField(
            widget=forms.HiddenInput,
            required=False,
            initial=lambda: sign_version(self.current_values) if self.current_values else "",
        )
        self.loaded_values: dict | None = None
        self._snapshot: dict = {}
        self._edited_names: set[str] = set()
        # The conflict found on validation, if any (for callers that answer it otherwise).
        self.edit_conflict: EditConflict | None = None
        if self.instance.pk is None:
            return
        model = type(self.instance)
        # Every column as the row was read: a column the form does not hold is written back
        # only if this request's code changed it, never with a value someone else has replaced.
        self._columns_at_load = {
            field.attname: getattr(self.instance, field.attname)
            for field in model._meta.concrete_fields
        }
        for name in self.fields:
            field = model_field(model, name) if name != VERSION_FIELD else None
            if field is None:
                continue
            if field.many_to_many:
                # As the form loaded it (model_to_dict), without another query.
                raw = (
                    self.initial[name]
                    if name in self.initial
                    else field.value_from_object(self.instance)
                )
            else:
                raw = getattr(self.instance, field.attname)
            self._snapshot[name] = raw
        if self.is_bound:
            self.loaded_values = read_version(self.data.get(self.add_prefix(VERSION_FIELD)))

    @property
    def _current_raw(self) -> dict:
        """The values of the form's fields when it was made, as the object held them."""
        return {name: raw for name, raw in self._snapshot.items() if name in self.fields}

    @property
    def current_values(self) -> dict:
        return {name: fingerprint(raw) for name, raw in self._current_raw.items()}

    @property
    def changed_data(self) -> list[str]:
        changed = [name for name in super().changed_data if name != VERSION_FIELD]
        if self.loaded_values is None or not hasattr(self, "cleaned_data"):
            return changed
        tracked = self._current_raw
        return [name for name in changed if name not in tracked or self.edited(name)]

    def edited(self, name: str) -> bool:
        """Whether this person changed ``name`` from the value they loaded."""
        if self.loaded_values is None:
            return True
        return name in self._edited_names

    def left_as_loaded(self, name: str, value) -> bool:
        """Whether ``value`` of ``name`` is the one this person loaded: a field they did not
        touch, which keeps the current value whatever it became. For a ``clean_<name>`` that
        judges a change against the current state (run before the others' changes are kept)."""
        return self.loaded_values is not None and self.loaded_values.get(name) == fingerprint(value)

    def _find_edited_names(self) -> set[str]:
        return {
            name
            for name, value in self.cleaned_data.items()
            if name != VERSION_FIELD
            and (name not in self.loaded_values or fingerprint(value) != self.loaded_values[name])
        }

    def _conflicts(self, current: dict, raw: dict) -> list[Conflict]:
        proposed = {
            name: fingerprint(self.cleaned_data[name])
            for name in current
            if name in self.cleaned_data and self.edited(name)
        }
        names = find_conflicts(loaded=self.loaded_values, current=current, proposed=proposed)
        return [
            Conflict(
                name=name,
                label=str(self.fields[name].label or name),
                current=readable(self.fields[name], raw[name]),
                loaded=shown(self.fields[name], self.loaded_values[name]),
                kept=current[name],
            )
            for name in names
        ]

    def _post_clean(self) -> None:
        super()._post_clean()
        self.cleaned_data.pop(VERSION_FIELD, None)
        if self.loaded_values is None:
            return
        self._edited_names = self._find_edited_names()
        current = self.current_values
        conflicts = self._conflicts(current, self._current_raw)
        if conflicts:
            self.edit_conflict = EditConflict(conflicts)
            self.show_conflict(self.edit_conflict)
            return
        self._keep_the_others_changes(current, self._current_raw)

    def show_conflict(self, conflict: EditConflict) -> None:
        """Say which fields someone else changed, keeping what this person typed; sent again
        as they are, this person's values win, now that they have seen the others'."""
        for each in conflict.conflicts:
            self.add_error(None, each.message)
        confirmed = {**(self.loaded_values or {})}
        for each in conflict.conflicts:
            confirmed[each.name] = each.kept
        self.data = self.data.copy()
        self.data[self.add_prefix(VERSION_FIELD)] = sign_version(confirmed)

    def _keep_the_others_changes(self, current: dict, raw: dict) -> None:
        """Put back, on the instance and in ``cleaned_data``, the current value of each field
        someone else changed and this person did not."""
        model = type(self.instance)
        for name, now in current.items():
            if name not in self.cleaned_data or self.edited(name):
                continue
            if fingerprint(self.cleaned_data[name]) == now:
                continue
            field = model_field(model, name)
            if field.many_to_many:
                self.cleaned_data[name] = raw[name]
                continue
            setattr(self.instance, field.attname, raw[name])
            if field.is_relation:
                related = field.related_model._default_manager
                self.cleaned_data[name] = related.filter(pk=raw[name]).first()
            else:
                self.cleaned_data[name] = raw[name]

    def lock_and_check(self) -> None:
        """Inside a transaction: lock the row, and check again, on its values now, that no one
        changed what this person changes (:class:`EditConflict` otherwise); keep what others
        changed meanwhile. ``save()`` does it; a view that saves with ``commit=False`` calls
        it first."""
        if self.loaded_values is None or self.instance.pk is None:
            return
        model = type(self.instance)
        locked = model._default_manager.select_for_update().get(pk=self.instance.pk)
        columns = [name for name in self._current_raw if not model_field(model, name).many_to_many]
        raw = {name: getattr(locked, model_field(model, name).attname) for name in columns}
        current = {name: fingerprint(value) for name, value in raw.items()}
        if conflicts := self._conflicts(current, raw):
            raise EditConflict(conflicts)
        self._keep_the_others_changes(current, raw)

    def save(self, commit: bool = True):
        if not commit or self.instance.pk is None:
            return super().save(commit=commit)
        if self.errors:
            raise ValueError("The form does not validate: it cannot be saved.")
        with transaction.atomic():
            self.lock_and_check()
            self.instance.save(update_fields=self._fields_to_write())
            self._save_m2m()
        return self.instance

    def _fields_to_write(self) -> list[str]:
        """The form's fields this person changed (all of them without a version), the columns
        this request's code changed besides, and those a save stamps (``auto_now``): what others
        changed meanwhile, in the form or not, stays."""
        model = type(self.instance)
        held = set(self._current_raw)
        names = []
        for field in model._meta.concrete_fields:
            if field.primary_key:
                continue
            if field.name in held:
                if self.edited(field.name):
                    names.append(field.name)
            elif getattr(field, "auto_now", False) or getattr(
                self.instance, field.attname
            ) != self._columns_at_load.get(field.attname):
                names.append(field.name)
        return names


def save_or_conflict(form: VersionedFormMixin, *, save: Callable[[], object] | None = None) -> bool:
    """Save ``form`` (valid) with ``save`` — ``form.save`` by default; a callable that also
    writes the history, in one transaction that calls ``form.lock_and_check()`` or
    ``form.save()`` first. When someone else changed the same fields between the form's
    validation and the save (:class:`EditConflict`), nothing is saved: the form says so, with
    this person's values kept, and ``False`` is returned to show it again."""
    try:
        (save or form.save)()
    except EditConflict as conflict:
        form.show_conflict(conflict)
        return False
    return True


def save_with_history(form: VersionedFormMixin, *, owner, actor, verb: str, what: str) -> bool:
    """Save ``form`` (valid) and, when it changed something, write « ``what`` : the fields
    changed » in the history of ``owner`` (its ``log_action``), in one transaction; ``False``
    when someone else changed the same fields meanwhile (:func:`save_or_conflict`)."""
    changes = describe_changes(form)

    def save() -> None:
        with transaction.atomic():
            form.save()
            if changes:
                owner.log_action(actor, verb, f"{what} : {changed_labels(changes)}", changes)

    return save_or_conflict(form, save=save)
