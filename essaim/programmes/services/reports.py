"""The report sheet of a territory: prepared from what its interviews said (the quotes that
may be cited, under the themes they were tagged with), written by the team, sent to the
territory's referent, commented on and validated."""

from collections import defaultdict
from contextlib import suppress
from dataclasses import dataclass

from django.conf import settings
from django.db import transaction
from django.template.loader import render_to_string
from django.utils import timezone

from essaim.lib.errors import DomainError
from essaim.lib.text import strip_accents
from essaim.mail.tasks import about, send_email
from essaim.programmes.models import (
    ContactKind,
    ProgrammeTerritory,
    Quote,
    ReportComment,
    ReportSheet,
    SheetStatus,
    Theme,
)
from essaim.roles.models import Role
from essaim.roles.services import MembershipError, add_member

# The themes whose quotes feed a section: a theme goes to the first section one of whose words
# its name holds (without accents, in lower case).
SECTION_WORDS: dict[str, tuple[str, ...]] = {
    "governance": ("gouvernance", "elu", "pilotage", "decision"),
    "cooperation": ("cooperation", "partenariat", "mutualis", "reseau", "region"),
    "engineering": ("ingenierie", "technicien", "service", "organisation"),
    "participation": ("participation", "habitant", "societe civile", "conseil de developpement"),
    "strategy": ("strategie", "transition", "energie", "tourisme", "developpement", "financement"),
}


class SheetError(DomainError):
    """A step of the sheet that its state refuses."""


@dataclass(frozen=True)
class CitedQuote:
    """A quote as a report may show it: in the person's words, under their shown name."""

    pk: int
    text: str
    who: str  # « Élu A, élu », « réunion : conseil de développement »
    themes: tuple[str, ...]


def section_of(theme_name: str) -> str:
    words = strip_accents(theme_name).lower()
    for section, keys in SECTION_WORDS.items():
        if any(key in words for key in keys):
            return section
    return ""


def citable_quotes(territory: ProgrammeTerritory) -> list[CitedQuote]:
    """The quotes of the territory's interviews whose person consented, in one query (two with
    their themes)."""
    quotes = (
        Quote.objects.filter(interview__visit__territory=territory, interview__consent_given=True)
        .select_related("interview__interviewee")
        .prefetch_related("themes")
        .order_by("interview__created_at", "interview_id", "position", "pk")
    )
    return [cited(quote) for quote in quotes]


def cited(quote: Quote) -> CitedQuote:
    interview = quote.interview
    if interview.interviewee is not None:
        person = interview.interviewee
        who = f"{person.shown_name}, {person.get_role_display()}"
    else:
        who = f"réunion : {interview.group_description}"
    return CitedQuote(
        pk=quote.pk,
        text=quote.text,
        who=who,
        themes=tuple(theme.name for theme in quote.themes.all()),
    )


def quotes_by_theme(quotes: list[CitedQuote]) -> dict[str, list[CitedQuote]]:
    grouped: dict[str, list[CitedQuote]] = defaultdict(list)
    for quote in quotes:
        for theme in quote.themes or ("Sans thème",):
            grouped[theme].append(quote)
    return dict(sorted(grouped.items()))


def draft_sections(territory: ProgrammeTerritory, quotes: list[CitedQuote]) -> dict[str, str]:
    """The first text of each section: the quotes under the themes that go to it, and for the
    context the themes the interviews raised."""
    by_section: dict[str, list[CitedQuote]] = defaultdict(list)
    for quote in quotes:
        sections = {section_of(theme) for theme in quote.themes} - {""}
        for section in sorted(sections):
            by_section[section].append(quote)
    drafts = {}
    for section, cited_quotes in by_section.items():
        lines = ["Ce qu'en disent les personnes rencontrées :"]
        lines += [f"— « {quote.text} » ({quote.who})" for quote in cited_quotes]
        drafts[section] = "\n".join(lines)
    counts = Theme.objects.filter(interviews__visit__territory=territory).values_list("name")
    raised = sorted({name for (name,) in counts})
    context = [territory.description.strip()] if territory.description.strip() else []
    if raised:
        context.append("Thèmes abordés lors de l'écoute territoriale : " + ", ".join(raised) + ".")
    if context:
        drafts["context"] = "\n\n".join(context)
    return drafts


def prepare_sheet(*, territory: ProgrammeTerritory, actor) -> ReportSheet:
    """The territory's sheet, made from its interviews if it has none yet."""
    with transaction.atomic():
        existing = ReportSheet.objects.filter(territory=territory).first()
        if existing is not None:
            return existing
        drafts = draft_sections(territory, citable_quotes(territory))
        sheet = ReportSheet.objects.create(territory=territory, **drafts)
        territory.programme.log_action(
            actor, "report", f"Fiche reportage préparée : {territory.name}"
        )
    return sheet


def referent_of(territory: ProgrammeTerritory):
    return territory.contacts.filter(kind=ContactKind.REFERENT).first()


def send_to_referent(*, sheet: ReportSheet, actor) -> str:
    """Send the sheet to the territory's referent for validation: they are given a role on the
    territory (or invited to make an account), then told by e-mail; returns their address."""
    territory = sheet.territory
    referent = referent_of(territory)
    if referent is None or not referent.email:
        raise SheetError(
            "Le territoire n'a pas de référent avec une adresse e-mail : ajoutez-le d'abord."
        )
    if sheet.status == SheetStatus.VALIDATED:
        raise SheetError("La fiche est déjà validée.")
    with transaction.atomic():
        # Already given access, or invited and not answered yet: nothing more to do.
        with suppress(MembershipError):
            add_member(obj=territory, email=referent.email, role=Role.CONTRIBUTOR, by=actor)
        sheet.status, sheet.sent_at = SheetStatus.SENT, timezone.now()
        sheet.save(update_fields=["status", "sent_at", "updated_at"])
        territory.programme.log_action(
            actor, "report", f"Fiche reportage envoyée au référent : {territory.name}"
        )
        message = {
            "subject": f"Essaim : la fiche reportage de « {territory.name} » à relire",
            "body": render_to_string(
                "programmes/emails/report_sheet_sent.txt",
                {
                    "sheet": sheet,
                    "territory": territory,
                    "referent": referent,
                    "sender": actor,
                    "url": settings.SITE_URL + sheet.get_absolute_url(),
                },
            ),
            "to": [referent.email],
            "reply_to": [actor.email] if actor.email else None,
            "about": about(sheet),
        }
        transaction.on_commit(lambda: send_email.enqueue(**message))
    return referent.email


def add_comment(*, sheet: ReportSheet, author, body: str, section: str = "") -> ReportComment:
    with transaction.atomic():
        comment = ReportComment.objects.create(
            sheet=sheet, author=author, body=body.strip(), section=section
        )
        sheet.territory.programme.log_action(
            author, "report", f"Remarque sur la fiche reportage : {sheet.territory.name}"
        )
    return comment


def validate_sheet(*, sheet: ReportSheet, actor) -> None:
    if sheet.status != SheetStatus.SENT:
        raise SheetError("Seule une fiche envoyée au référent peut être validée.")
    with transaction.atomic():
        sheet.status = SheetStatus.VALIDATED
        sheet.validated_at, sheet.validated_by = timezone.now(), actor
        sheet.save(update_fields=["status", "validated_at", "validated_by", "updated_at"])
        sheet.territory.programme.log_action(
            actor, "report", f"Fiche reportage validée : {sheet.territory.name}"
        )


def agree_to_publication(*, sheet: ReportSheet, actor) -> None:
    """The territory agrees that its validated sheet becomes an experience sheet of the public
    library (said by its referent, or recorded by the team on their word)."""
    if sheet.status != SheetStatus.VALIDATED:
        raise SheetError("La fiche doit être validée avant d'accepter sa publication.")
    if sheet.publication_agreed_at is not None:
        raise SheetError("La publication de cette fiche est déjà acceptée.")
    with transaction.atomic():
        sheet.publication_agreed_at, sheet.publication_agreed_by = timezone.now(), actor
        sheet.save(update_fields=["publication_agreed_at", "publication_agreed_by", "updated_at"])
        sheet.territory.programme.log_action(
            actor,
            "report",
            f"Publication dans la bibliothèque acceptée : {sheet.territory.name}",
        )
