"""Writing interview notes with their quotes, and pseudonymising a person everywhere at once.

The programme's history says that a note was written or changed, and where, never whom it is
about: the history is read by the whole team and outlives a pseudonymisation."""

import hashlib
import json
import re
from string import ascii_uppercase

from django.db import transaction
from django.db.models import Q

from essaim.lib.errors import DomainError
from essaim.programmes.models import Interview, Interviewee, Programme, Quote, Visit, VisitSlot


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
        what = "ajoutée" if is_new else "modifiée"
        programme.log_action(
            actor, "interview", f"Note d'entretien {what} : {visit.territory.name}"
        )
    return interview


def suggested_pseudonym(interviewee: Interviewee) -> str:
    """« Élu A », « Technicien B »…: the role and the first letter no one of the programme
    holds with it."""
    base = interviewee.get_role_display().capitalize()
    taken = set(
        Interviewee.objects.filter(programme=interviewee.programme, pseudonym__startswith=base)
        .exclude(pk=interviewee.pk)
        .values_list("pseudonym", flat=True)
    )
    for letter in ascii_uppercase:
        if f"{base} {letter}" not in taken:
            return f"{base} {letter}"
    return f"{base} {interviewee.pk}"


def name_pattern(name: str) -> re.Pattern:
    """The person's full name as written in notes, whatever the case or the spaces."""
    words = [re.escape(word) for word in name.split()]
    return re.compile(r"\b" + r"\s+".join(words) + r"\b", re.IGNORECASE)


def mentioning(name: str):
    """(column) -> the condition that keeps the rows whose ``column`` may hold ``name``: its
    longest word, when the database compares it without case (ASCII); else every row."""
    longest = max(name.split(), key=len, default="")

    def condition(column: str) -> Q:
        if not longest or not longest.isascii():
            return Q()
        return Q(**{f"{column}__icontains": longest})

    return condition


def pseudonymise(*, interviewee: Interviewee, pseudonym: str, actor) -> int:
    """Show ``interviewee`` as ``pseudonym`` everywhere from now on, and take their name out of
    every note, quote, debrief and agenda of the programme; returns how many rows changed."""
    pseudonym = pseudonym.strip()
    if not pseudonym:
        raise DomainError("Choisissez un pseudonyme.", field="pseudonym")
    pattern = name_pattern(interviewee.name)
    mentions = mentioning(interviewee.name)
    changed = 0
    with transaction.atomic():
        interviewee.pseudonym, interviewee.pseudonymised = pseudonym, True
        interviewee.save(update_fields=["pseudonym", "pseudonymised"])
        programme = interviewee.programme
        for interview in Interview.objects.filter(mentions("notes"), programme=programme).only(
            "pk", "notes"
        ):
            notes = pattern.sub(pseudonym, interview.notes)
            if notes != interview.notes:
                Interview.objects.filter(pk=interview.pk).update(notes=notes)
                changed += 1
        for quote in Quote.objects.filter(mentions("text"), interview__programme=programme).only(
            "pk", "text"
        ):
            text = pattern.sub(pseudonym, quote.text)
            if text != quote.text:
                Quote.objects.filter(pk=quote.pk).update(text=text)
                changed += 1
        for visit in Visit.objects.filter(
            mentions("debrief_notes"), territory__programme=programme
        ).only("pk", "debrief_notes"):
            notes = pattern.sub(pseudonym, visit.debrief_notes)
            if notes != visit.debrief_notes:
                Visit.objects.filter(pk=visit.pk).update(debrief_notes=notes)
                changed += 1
        for slot in VisitSlot.objects.filter(
            mentions("who") | mentions("title"), visit__territory__programme=programme
        ).only("pk", "who", "title"):
            who, title = pattern.sub(pseudonym, slot.who), pattern.sub(pseudonym, slot.title)
            if (who, title) != (slot.who, slot.title):
                VisitSlot.objects.filter(pk=slot.pk).update(who=who, title=title)
                changed += 1
        programme.log_action(actor, "interviewee", "Une personne rencontrée est pseudonymisée")
    return changed
