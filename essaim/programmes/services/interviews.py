"""Writing interview notes with their quotes, and pseudonymising a person everywhere at once.

The programme's history says that a note was written or changed, and where, never whom it is
about: the history is read by the whole team and outlives a pseudonymisation."""

import hashlib
import json
import re
from string import ascii_uppercase

from django.db import models, transaction
from django.db.models import Q

from essaim.core.search import index_object
from essaim.lib.errors import DomainError
from essaim.programmes.models import (
    REPORT_SECTIONS,
    Interview,
    Interviewee,
    Notebook,
    Programme,
    Quote,
    ReportComment,
    ReportSheet,
    Synthesis,
    SynthesisSection,
    ThemeExtraction,
    Visit,
    VisitSlot,
    Workshop,
)


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


def reindex_interviews(keys) -> None:
    """Write again the search index of the interviews ``keys``: after their quotes, or a name
    in them, changed without their own save."""
    for interview in Interview.objects.filter(pk__in=list(keys)).select_related("interviewee"):
        index_object(interview)


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


# Every text of a programme where a person's name may have been written: (model, the path
# from it to its programme, its text columns).
TEXTS: list[tuple[type[models.Model], str, tuple[str, ...]]] = [
    (Interview, "programme", ("notes",)),
    (Quote, "interview__programme", ("text",)),
    (Visit, "territory__programme", ("debrief_notes",)),
    (VisitSlot, "visit__territory__programme", ("who", "title")),
    (ReportSheet, "territory__programme", tuple(REPORT_SECTIONS)),
    (ReportComment, "sheet__territory__programme", ("body",)),
    (Synthesis, "programme", ("introduction", "conclusion")),
    (SynthesisSection, "synthesis__programme", ("text",)),
    (Workshop, "programme", ("outputs",)),
    (Notebook, "programme", ("introduction", "conclusion")),
]


def replace_in_texts(programme: Programme, pattern: re.Pattern, replacement: str, mentions) -> int:
    """Replace ``pattern`` by ``replacement`` in every text of ``programme``; returns how many
    rows changed."""
    changed = 0
    for model, path, columns in TEXTS:
        condition = Q()
        for column in columns:
            condition |= mentions(column)
        rows = model.objects.filter(condition, **{path: programme}).only("pk", *columns)
        for row in rows:
            values = {column: pattern.sub(replacement, getattr(row, column)) for column in columns}
            if any(values[column] != getattr(row, column) for column in columns):
                model.objects.filter(pk=row.pk).update(**values)
                changed += 1
    for extraction in ThemeExtraction.objects.filter(programme=programme):
        proposals = extraction.proposals
        for proposal in proposals:
            for support in proposal.get("supports", []):
                support["excerpt"] = pattern.sub(replacement, support["excerpt"])
        if proposals != ThemeExtraction.objects.get(pk=extraction.pk).proposals:
            ThemeExtraction.objects.filter(pk=extraction.pk).update(proposals=proposals)
            changed += 1
    return changed


def pseudonymise(*, interviewee: Interviewee, pseudonym: str, actor) -> int:
    """Show ``interviewee`` as ``pseudonym`` everywhere from now on, and take their name out of
    every text of the programme (notes, quotes, debriefs, agendas, report sheets, synthesis,
    workshops, notebooks, theme analyses); returns how many rows changed."""
    pseudonym = pseudonym.strip()
    if not pseudonym:
        raise DomainError("Choisissez un pseudonyme.", field="pseudonym")
    with transaction.atomic():
        interviewee.pseudonym, interviewee.pseudonymised = pseudonym, True
        interviewee.save(update_fields=["pseudonym", "pseudonymised"])
        programme = interviewee.programme
        changed = replace_in_texts(
            programme, name_pattern(interviewee.name), pseudonym, mentioning(interviewee.name)
        )
        # Every note of the programme may have held the name; those about the person show it.
        reindex_interviews(
            Interview.objects.filter(programme=programme).values_list("pk", flat=True)
        )
        programme.log_action(actor, "interviewee", "Une personne rencontrée est pseudonymisée")
    return changed
