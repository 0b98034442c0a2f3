"""Writing interview notes with their quotes, and pseudonymising a person everywhere at once.

The programme's history says that a note was written or changed, and where, never whom it is
about: the history is read by the whole team and outlives a pseudonymisation."""

import hashlib
import json
from string import ascii_uppercase

from django.db import transaction

from essaim.core.search import index_object
from essaim.lib.errors import DomainError
from essaim.programmes.models import (
    Interview,
    Interviewee,
    Programme,
    Visit,
)
from essaim.programmes.services.names import replace_name


class QuotesChanged(DomainError):
    """Someone else changed the quotes of a note while this person edited them."""


def quotes_version(interview: Interview) -> str:
    """A short fingerprint of the note's quotes and their themes, to tell a concurrent change."""
    if interview.pk is None:
        return ""
    rows = [
        [quote.pk, quote.text, sorted(theme.pk for theme in quote.themes.all())]
        for quote in interview.quotes.prefetch_related("themes")
    ]
    return hashlib.sha256(json.dumps(rows).encode()).hexdigest()[:20]


def save_interview(
    *, form, quotes, programme: Programme, visit: Visit, actor, loaded_quotes: str = ""
) -> Interview:
    """Save the note of ``form`` and the quotes of the formset ``quotes`` (both valid), with the
    new person it names, if any. Raises :class:`QuotesChanged` when the quotes changed since
    ``loaded_quotes`` and this person changed them too (nothing is saved)."""
    is_new = form.instance.pk is None
    with transaction.atomic():
        if not is_new:
            Interview.objects.select_for_update().filter(pk=form.instance.pk).first()
            if quotes.has_changed() and quotes_version(form.instance) != loaded_quotes:
                raise QuotesChanged(
                    "Quelqu'un d'autre a modifié les citations de cette note pendant que vous "
                    "écriviez : vos changements ne sont pas enregistrés. Relisez la note, puis "
                    "refaites-les."
                )
        interview = form.save(commit=False)
        interview.programme, interview.visit = programme, visit
        if is_new:
            interview.written_by = actor
            name = form.cleaned_data.get("new_name")
            if name:
                interview.interviewee = Interviewee.objects.create(
                    programme=programme,
                    territory=visit.territory,
                    name=name,
                    role=form.cleaned_data["new_role"],
                    function=form.cleaned_data.get("new_function", ""),
                    pseudonym=form.cleaned_data.get("new_pseudonym", ""),
                    pseudonymised=bool(form.cleaned_data.get("new_pseudonym")),
                )
        interview.save()
        form.save_m2m()
        quotes.instance = interview
        saved = quotes.save(commit=False)
        position = interview.quotes.count() - len(quotes.deleted_objects)
        for quote in saved:
            if quote.pk is None:
                position += 1
                quote.position = position
            quote.save()
        quotes.save_m2m()
        for quote in quotes.deleted_objects:
            quote.delete()
        person = interview.interviewee
        if is_new and person is not None and person.pseudonymised:
            # Asked for at the first meeting: the name typed in the note goes at once.
            replace_name(programme, person.name, person.pseudonym)
        what = "ajoutée" if is_new else "modifiée"
        programme.log_action(
            actor, "interview", f"Note d'entretien {what} : {visit.territory.name}"
        )
    return interview


def reindex_interviews(keys) -> None:
    """Write again the search index of the interviews ``keys``: after their quotes, or a name
    in them, changed without their own save."""
    for interview in Interview.objects.filter(pk__in=list(keys)).select_related("interviewee"):
        index_object(interview)


def suggested_pseudonyms(interviewees: list[Interviewee]) -> dict[int, str]:
    """« Élu A », « Technicien B »… for each person not yet pseudonymised (by pk): their role
    and the first letter no one of the programme holds with it, nor another suggestion; one
    query for the list."""
    if not interviewees:
        return {}
    taken = set(
        Interviewee.objects.filter(programme_id=interviewees[0].programme_id)
        .exclude(pseudonym="")
        .values_list("pseudonym", flat=True)
    )
    suggestions = {}
    for interviewee in interviewees:
        if interviewee.pseudonymised:
            continue
        base = interviewee.get_role_display().capitalize()
        pseudonym = next(
            (f"{base} {letter}" for letter in ascii_uppercase if f"{base} {letter}" not in taken),
            f"{base} {interviewee.pk}",
        )
        taken.add(pseudonym)
        suggestions[interviewee.pk] = pseudonym
    return suggestions


def pseudonymise(*, interviewee: Interviewee, pseudonym: str, actor) -> int:
    """Show ``interviewee`` as ``pseudonym`` everywhere from now on, and take their name out of
    everything the programme holds (``names.replace_name``); returns how many rows changed."""
    pseudonym = pseudonym.strip()
    if not pseudonym:
        raise DomainError("Choisissez un pseudonyme.", field="pseudonym")
    with transaction.atomic():
        interviewee.pseudonym, interviewee.pseudonymised = pseudonym, True
        interviewee.save(update_fields=["pseudonym", "pseudonymised"])
        programme = interviewee.programme
        changed = replace_name(programme, interviewee.name, pseudonym)
        programme.log_action(actor, "interviewee", "Une personne rencontrée est pseudonymisée")
    return changed
