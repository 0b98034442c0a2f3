"""Expenses: the rules of a programme (« les déplacements, repas et hébergements des binômes
d'experts », « les frais de déplacement et les repas des représentants des territoires (3 par
territoire) »), the claims checked against them, their approval and payment, (the totals and the
accountant's workbook: ``expense_reports.py``).

A claim outside the rules is saved with the reasons why (``flags``): it is never refused nor
paid silently; approving it asks for the reason, kept with it. The checks read what a list of
claims prefetches (:func:`claims_of`, :func:`with_presence`), so that checking one claim or a
hundred costs the same few queries."""

import datetime
from collections import defaultdict
from collections.abc import Callable, Collection, Iterable
from decimal import ROUND_HALF_UP, Decimal

from django.core.files.uploadedfile import UploadedFile
from django.db import transaction
from django.db.models import Exists, OuterRef, QuerySet
from django.utils import timezone

from essaim.attachments.models import Attachment, AttachmentKind
from essaim.attachments.services import attach_file
from essaim.core.models import record_history
from essaim.lib import french
from essaim.lib.errors import DomainError
from essaim.programmes.models import (
    TAKING_PART,
    Category,
    Claimant,
    ClaimStatus,
    Coverage,
    EventKind,
    ExpenseClaim,
    ExpenseRules,
    Programme,
)
from essaim.roles.models import Perm

# (who, for what event, which category): what the organisers pay for, as the seed says.
DEFAULT_COVERAGES = (
    (Claimant.EXPERT, EventKind.VISIT, Category.TRAVEL),
    (Claimant.EXPERT, EventKind.VISIT, Category.MEAL),
    (Claimant.EXPERT, EventKind.VISIT, Category.LODGING),
    (Claimant.REPRESENTATIVE, EventKind.WORKSHOP, Category.TRAVEL),
    (Claimant.REPRESENTATIVE, EventKind.WORKSHOP, Category.MEAL),
    (Claimant.REPRESENTATIVE, EventKind.SEMINAR, Category.TRAVEL),
    (Claimant.REPRESENTATIVE, EventKind.SEMINAR, Category.MEAL),
)
# An expense more than this many days before or after its event is flagged.
DAYS_AROUND_EVENT = 2
# The claims of experts for a workshop or a seminar are the programme's, not a territory's.
PROGRAMME_LABEL = "Programme"
NO_STAGE_LABEL = "Hors étape"
CENT = Decimal("0.01")
# The fields a claim's author changes, with what the check writes.
CLAIM_FIELDS = [
    "claimant_kind",
    "expert",
    "contact",
    "claimant_name",
    "event_kind",
    "visit",
    "workshop",
    "seminar",
    "category",
    "spent_on",
    "kilometres",
    "amount",
    "description",
    "flags",
    "updated_at",
]
# The moves of a claim's status.
NEXT_STATUSES = {
    ClaimStatus.SUBMITTED: (ClaimStatus.APPROVED, ClaimStatus.REFUSED),
    ClaimStatus.APPROVED: (ClaimStatus.PAID, ClaimStatus.REFUSED),
    ClaimStatus.REFUSED: (ClaimStatus.APPROVED,),
    ClaimStatus.PAID: (),
}

CoverageKey = tuple[str, str, str]

# To say what is not covered: « l'hébergement d'un représentant pour un atelier… ».
THE_CATEGORY = {
    Category.TRAVEL: "le déplacement",
    Category.MEAL: "le repas",
    Category.LODGING: "l'hébergement",
}
OF_WHOM = {
    Claimant.EXPERT: "d'un expert du binôme",
    Claimant.REPRESENTATIVE: "d'un représentant d'un territoire",
}
FOR_EVENT = {
    EventKind.VISIT: "pour une écoute territoriale",
    EventKind.WORKSHOP: "pour un atelier inter-territoires",
    EventKind.SEMINAR: "pour un séminaire",
}


class ExpenseError(DomainError):
    """A change of a claim or of the rules that the rules refuse."""


# Rules --------------------------------------------------------------------------------------------


def rules_of(programme: Programme) -> ExpenseRules:
    """The rules of ``programme``; the first time, those the seed sets out."""
    rules = ExpenseRules.objects.filter(programme=programme).first()
    if rules is None:
        with transaction.atomic():
            rules, created = ExpenseRules.objects.get_or_create(programme=programme)
            if created:
                Coverage.objects.bulk_create(
                    Coverage(rules=rules, claimant=who, event=event, category=category)
                    for who, event, category in DEFAULT_COVERAGES
                )
    rules.programme = programme
    return rules


def coverage_keys(rules: ExpenseRules) -> frozenset[CoverageKey]:
    return frozenset(rules.coverages.values_list("claimant", "event", "category"))


def coverage_key(key: str) -> CoverageKey:
    """``"expert:visite:repas"`` (a checkbox of the rules' form) as a key."""
    who, event, category = key.split(":")
    return who, event, category


def coverage_sentences(keys: Collection[CoverageKey]) -> list[str]:
    """« Expert du binôme, écoute territoriale : déplacement, repas, hébergement », one per
    person and event, in the order of the choices."""
    sentences = []
    for who in Claimant:
        for event in EventKind:
            covered = [category.label for category in Category if (who, event, category) in keys]
            if covered:
                sentences.append(f"{who.label.capitalize()}, {event.label} : {', '.join(covered)}")
    return sentences


def update_rules(
    *,
    rules: ExpenseRules,
    covered: Collection[CoverageKey],
    loaded: Collection[CoverageKey] | None,
    actor,
    save: Callable[[], object] | None = None,
    changes: dict | None = None,
) -> int:
    """Write the rates and caps (``save``, the form's save) and the coverage ``covered``; the
    claims awaiting a decision are checked again. ``loaded`` is the coverage the page showed:
    a change made meanwhile by someone else is kept when this person left the coverage as it
    was, and refused when they changed it too. Returns how many claims awaiting a decision are
    now outside the rules."""
    programme = rules.programme
    covered = frozenset(covered)
    with transaction.atomic():
        ExpenseRules.objects.select_for_update().filter(pk=rules.pk).first()
        current = coverage_keys(rules)
        if loaded is not None and covered == frozenset(loaded):
            covered = current
        elif loaded is not None and frozenset(loaded) != current and covered != current:
            raise ExpenseError(
                "Les prises en charge ont été modifiées par quelqu'un d'autre pendant que vous "
                "les éditiez ; elles sont maintenant : "
                f"{' ; '.join(coverage_sentences(current)) or 'aucune'}. Choisissez à nouveau.",
                field="covered",
            )
        if save is not None:
            save()
        added, removed = covered - current, current - covered
        for who, event, category in removed:
            rules.coverages.filter(claimant=who, event=event, category=category).delete()
        Coverage.objects.bulk_create(
            Coverage(rules=rules, claimant=who, event=event, category=category)
            for who, event, category in sorted(added)
        )
        changes = dict(changes or {})
        if added or removed:
            changes["Prises en charge"] = {
                "avant": " ; ".join(coverage_sentences(current)) or "aucune",
                "après": " ; ".join(coverage_sentences(covered)) or "aucune",
            }
        flagged = recheck_claims(programme, rules=rules)
        if changes:
            programme.log_action(
                actor,
                "expense_rules",
                f"Règles de prise en charge des frais modifiées : {', '.join(changes)}",
                changes,
            )
    return flagged


# Checks -------------------------------------------------------------------------------------------


def mileage_amount(kilometres: int, rate: Decimal) -> Decimal:
    """« 120 km à 0,32 € » : 38,40 €, rounded to the cent."""
    return (Decimal(kilometres) * rate).quantize(CENT, rounding=ROUND_HALF_UP)


def event_dates(claim: ExpenseClaim) -> tuple[datetime.date, datetime.date] | None:
    if claim.visit is not None:
        return claim.visit.start_date, claim.visit.end_date
    event = claim.workshop or claim.seminar
    return (event.date, event.date) if event is not None else None


def territory_of(claim: ExpenseClaim):
    """The territory a claim counts for: the visit's, or the representative's; ``None`` for
    the programme's own (an expert at a workshop or a seminar)."""
    if claim.visit is not None:
        return claim.visit.territory
    if claim.claimant_kind == Claimant.REPRESENTATIVE and claim.contact is not None:
        return claim.contact.territory
    return None


def _euros(amount: Decimal) -> str:
    return french.euros(amount, cents="always")


def check_claim(
    claim: ExpenseClaim,
    rules: ExpenseRules,
    coverages: Collection[CoverageKey],
    *,
    has_receipt: bool,
    other_representatives: int = 0,
) -> list[str]:
    """Why ``claim`` is outside the rules (an empty list when it follows them), in French.

    ``has_receipt``: whether a receipt is attached (a mileage allowance needs none);
    ``other_representatives``: how many other people of the same territory claim for the same
    event. Reads the contact's territory (:func:`claims_of`), the visit's experts and the
    workshop's invitations (:func:`with_presence`): prefetched, no query."""
    reasons = []
    who = Claimant(claim.claimant_kind)
    event = EventKind(claim.event_kind)
    category = Category(claim.category)
    if (who, event, category) not in coverages:
        reasons.append(
            f"Non pris en charge : {THE_CATEGORY[category]} {OF_WHOM[who]} {FOR_EVENT[event]}."
        )
    amount = claim.amount
    if amount is not None:
        if category == Category.MEAL and amount > rules.meal_cap:
            reasons.append(f"Repas de {_euros(amount)} : plafond de {_euros(rules.meal_cap)}.")
        if category == Category.LODGING and amount > rules.lodging_cap:
            reasons.append(
                f"Nuit d'hébergement de {_euros(amount)} : plafond de {_euros(rules.lodging_cap)}."
            )
        if claim.kilometres is not None:
            expected = mileage_amount(claim.kilometres, rules.mileage_rate)
            if amount != expected:
                distance = french.number(claim.kilometres, unit="km")
                rate = french.number(rules.mileage_rate, 3, unit="€")
                reasons.append(
                    f"{distance} à {rate} font {_euros(expected)}, pas {_euros(amount)}."
                )
    if not has_receipt and claim.kilometres is None:
        reasons.append("Aucun justificatif joint.")
    reasons.extend(_presence_reasons(claim, who, event))
    if (
        who == Claimant.REPRESENTATIVE
        and claim.contact is not None
        and event != EventKind.VISIT
        and other_representatives >= claim.programme.participants_expected
    ):
        expected = claim.programme.participants_expected
        others = french.counted(other_representatives, "autre représentant", "autres représentants")
        reasons.append(
            f"Déjà {others} de "
            f"« {claim.contact.territory.name} » pour cet événement : les organisateurs en "
            f"prennent {expected} en charge par territoire."
        )
    dates = event_dates(claim)
    if dates is not None and claim.spent_on is not None:
        first, last = dates
        window = datetime.timedelta(days=DAYS_AROUND_EVENT)
        if not first - window <= claim.spent_on <= last + window:
            when = french.date_range(first, last, capital=False)
            reasons.append(
                f"Dépense du {claim.spent_on:%d/%m/%Y}, à plus de {DAYS_AROUND_EVENT} jours de "
                f"l'événement ({when})."
            )
    return reasons


def _presence_reasons(claim: ExpenseClaim, who: Claimant, event: EventKind) -> list[str]:
    """Whether the person was where they claim to have spent."""
    if who == Claimant.EXPERT:
        if claim.expert is None:
            return [f"{claim.claimant_name} n'est plus du groupe d'accompagnement."]
        if event == EventKind.VISIT and claim.visit is not None:
            experts = {expert.pk for expert in claim.visit.experts.all()}
            if claim.expert_id not in experts:
                return [
                    f"{claim.expert.name} n'était pas du binôme de cette écoute territoriale "
                    f"({claim.visit.territory.name})."
                ]
        return []
    contact = claim.contact
    if contact is None:
        return [f"{claim.claimant_name} n'est plus parmi les contacts des territoires."]
    territory = contact.territory
    reasons = []
    if territory.status not in TAKING_PART:
        reasons.append(
            f"Le territoire « {territory.name} » ne participe pas au programme "
            f"(statut : {territory.get_status_display()})."
        )
    if event == EventKind.WORKSHOP and claim.workshop is not None:
        invited = {invitation.contact_id for invitation in claim.workshop.invitees.all()}
        if contact.pk not in invited:
            reasons.append(f"{contact.name} n'était pas invité·e à l'atelier « {claim.workshop} ».")
    if (
        event == EventKind.VISIT
        and claim.visit is not None
        and claim.visit.territory_id != territory.pk
    ):
        reasons.append(
            f"{contact.name} représente « {territory.name} », pas le territoire de cette "
            f"écoute ({claim.visit.territory.name})."
        )
    return reasons


# Claims -------------------------------------------------------------------------------------------


def receipts_of_claims() -> QuerySet:
    return Attachment.objects.filter(
        content_type__app_label="programmes",
        content_type__model="expenseclaim",
        object_id=OuterRef("pk"),
        kind=AttachmentKind.EXPENSE_RECEIPT,
    )


def claims_of(programme: Programme) -> QuerySet:
    """The claims of ``programme`` with what their page, their checks and the totals read:
    their people, their event and its territory, whether a receipt is attached."""
    return (
        ExpenseClaim.objects.filter(programme=programme)
        .select_related(
            "expert",
            "contact__territory",
            "visit__territory",
            "workshop",
            "seminar",
            "decided_by",
            "created_by",
        )
        .annotate(has_receipt=Exists(receipts_of_claims()))
    )


def with_presence(queryset: QuerySet) -> QuerySet:
    """What the checks of presence read: the visit's experts, the workshop's invitations."""
    return queryset.prefetch_related("visit__experts", "workshop__invitees")


def _fellows(claims: Iterable[ExpenseClaim]) -> dict[tuple, set[int]]:
    """The contacts of each territory claiming for each event (refused claims aside)."""
    fellows: dict[tuple, set[int]] = defaultdict(set)
    for claim in claims:
        if claim.contact is None or claim.status == ClaimStatus.REFUSED:
            continue
        event = (claim.event_kind, claim.visit_id, claim.workshop_id, claim.seminar_id)
        fellows[(claim.contact.territory_id, *event)].add(claim.contact_id)
    return fellows


def _others(claim: ExpenseClaim, fellows: dict[tuple, set[int]]) -> int:
    if claim.contact is None:
        return 0
    event = (claim.event_kind, claim.visit_id, claim.workshop_id, claim.seminar_id)
    return len(fellows.get((claim.contact.territory_id, *event), set()) - {claim.contact_id})


def recheck_claims(programme: Programme, *, rules: ExpenseRules | None = None) -> int:
    """Check again the claims awaiting a decision (after a change of the rules); returns how
    many are outside the rules."""
    rules = rules or rules_of(programme)
    keys = coverage_keys(rules)
    claims = list(with_presence(claims_of(programme)))
    fellows = _fellows(claims)
    waiting = [claim for claim in claims if claim.status == ClaimStatus.SUBMITTED]
    for claim in waiting:
        claim.programme = programme
        claim.flags = "\n".join(
            check_claim(
                claim,
                rules,
                keys,
                has_receipt=claim.has_receipt,
                other_representatives=_others(claim, fellows),
            )
        )
    ExpenseClaim.objects.bulk_update(waiting, ["flags"])
    return sum(1 for claim in waiting if claim.flags)


def _flags_now(claim: ExpenseClaim, rules: ExpenseRules, *, has_receipt: bool) -> str:
    """The flags of one claim, from the database as it is (a handful of queries)."""
    siblings = [
        other
        for other in ExpenseClaim.objects.filter(
            programme_id=claim.programme_id,
            event_kind=claim.event_kind,
            visit_id=claim.visit_id,
            workshop_id=claim.workshop_id,
            seminar_id=claim.seminar_id,
            contact__isnull=False,
        )
        .exclude(pk=claim.pk)
        .select_related("contact")
    ]
    others = _others(claim, _fellows([*siblings, claim]))
    return "\n".join(
        check_claim(
            claim,
            rules,
            coverage_keys(rules),
            has_receipt=has_receipt,
            other_representatives=others,
        )
    )


def _has_receipt(claim: ExpenseClaim) -> bool:
    if claim.pk is None:
        return False
    return Attachment.objects.of(claim).filter(kind=AttachmentKind.EXPENSE_RECEIPT).exists()


def describe(claim: ExpenseClaim) -> str:
    """« Martine Olivier, repas du 12/03/2015, 24,80 € »."""
    amount = _euros(claim.amount) if claim.amount is not None else "—"
    day = f"{claim.spent_on:%d/%m/%Y}"
    return f"{claim.claimant_name}, {claim.get_category_display()} du {day}, {amount}"


def save_claim(
    *,
    claim: ExpenseClaim,
    actor,
    receipt: UploadedFile | None = None,
    changes: dict | None = None,
) -> ExpenseClaim:
    """Save ``claim`` (new, or awaiting a decision) with its flags: its amount from the
    kilometres when none is given, the name of its claimant kept, its receipt attached."""
    programme = claim.programme
    new = claim.pk is None
    with transaction.atomic():
        if not new:
            locked = ExpenseClaim.objects.select_for_update().get(pk=claim.pk)
            if locked.status != ClaimStatus.SUBMITTED:
                raise ExpenseError(
                    f"Cette note de frais est « {locked.get_status_display()} » : elle ne se "
                    "modifie plus."
                )
        rules = rules_of(programme)
        if claim.amount is None:
            if claim.kilometres is None:
                raise ExpenseError(
                    "Indiquez le montant, ou les kilomètres d'un déplacement en voiture.",
                    field="amount",
                )
            claim.amount = mileage_amount(claim.kilometres, rules.mileage_rate)
        person = claim.expert if claim.claimant_kind == Claimant.EXPERT else claim.contact
        if person is not None:
            claim.claimant_name = person.name
        claim.flags = _flags_now(
            claim, rules, has_receipt=receipt is not None or _has_receipt(claim)
        )
        if new:
            claim.created_by = actor if actor is not None and actor.is_authenticated else None
            claim.save()
        else:
            claim.save(update_fields=CLAIM_FIELDS)
        outside = " (hors des règles)" if claim.flags else ""
        summary = f"Note de frais {'saisie' if new else 'modifiée'} : {describe(claim)}{outside}"
        programme.log_action(actor, "expense", summary, changes)
        record_history(claim, actor=actor, verb="expense", summary=summary, changes=changes)
        if receipt is not None:
            attach_file(
                target=claim,
                file=receipt,
                kind=AttachmentKind.EXPENSE_RECEIPT,
                title=f"Justificatif — {claim.get_category_display()} du {claim.spent_on:%d/%m/%Y}",
                user=actor,
            )
    return claim


def attach_to_claim(
    *, claim: ExpenseClaim, file: UploadedFile, kind: str, title: str, actor
) -> Attachment:
    """Attach ``file`` to ``claim``; a claim awaiting a decision is checked again (a receipt
    clears its « no receipt »)."""
    with transaction.atomic():
        attachment = attach_file(target=claim, file=file, kind=kind, title=title, user=actor)
        if claim.status == ClaimStatus.SUBMITTED:
            claim.flags = _flags_now(
                claim, rules_of(claim.programme), has_receipt=_has_receipt(claim)
            )
            claim.save(update_fields=["flags"])
    return attachment


def decide(
    *, claim: ExpenseClaim, status: str, actor, reason: str = "", loaded: str = ""
) -> ExpenseClaim:
    """Approve, refuse or mark paid ``claim``, checked again against the rules as they are:
    approving a claim outside them needs ``reason`` (kept with the claim), so does refusing;
    only an approved claim is paid. ``loaded`` is the status the person saw: a decision taken
    meanwhile by someone else is not overridden."""
    status = ClaimStatus(status)
    reason = reason.strip()
    programme = claim.programme
    with transaction.atomic():
        locked = ExpenseClaim.objects.select_for_update().get(pk=claim.pk)
        if loaded and locked.status != loaded:
            raise ExpenseError(
                f"La note de frais est passée à « {locked.get_status_display()} » pendant que "
                "vous la regardiez. Décidez à nouveau.",
                field="status",
            )
        if status == locked.status:
            raise ExpenseError(
                f"Cette note de frais est déjà « {locked.get_status_display()} ».", field="status"
            )
        if status not in NEXT_STATUSES[ClaimStatus(locked.status)]:
            if status == ClaimStatus.PAID:
                raise ExpenseError(
                    "Une note de frais n'est remboursée qu'une fois approuvée.", field="status"
                )
            raise ExpenseError(
                f"Une note de frais « {locked.get_status_display()} » ne peut pas passer à "
                f"« {status.label} ».",
                field="status",
            )
        claim.status = locked.status
        fields = ["status", "decided_by", "decided_at", "updated_at"]
        if status == ClaimStatus.APPROVED:
            claim.flags = _flags_now(claim, rules_of(programme), has_receipt=_has_receipt(claim))
            claim.override_reason = ""
            fields += ["flags", "override_reason"]
            if claim.flag_list:
                if not reason:
                    raise ExpenseError(
                        "Cette note de frais est hors des règles ("
                        + " ".join(claim.flag_list)
                        + ") : donnez la raison de l'accord.",
                        field="reason",
                    )
                claim.override_reason = reason
        if status == ClaimStatus.REFUSED and not reason:
            raise ExpenseError("Donnez la raison du refus.", field="reason")
        claim.decision_reason = reason
        fields.append("decision_reason")
        claim.status = status
        claim.decided_by = actor if actor is not None and actor.is_authenticated else None
        claim.decided_at = timezone.now()
        claim.save(update_fields=fields)
        verb = {
            ClaimStatus.APPROVED: "approuvée",
            ClaimStatus.REFUSED: "refusée",
            ClaimStatus.PAID: "remboursée",
        }[status]
        summary = f"Note de frais {verb} : {describe(claim)}"
        if status == ClaimStatus.APPROVED and claim.flag_list:
            summary += f" — hors des règles, accordée car : {reason}"
        elif reason:
            summary += f" — {reason}"
        programme.log_action(actor, "expense_decision", summary)
        record_history(claim, actor=actor, verb="expense_decision", summary=summary)
    return claim


def current_rules(programme: Programme) -> tuple[ExpenseRules, frozenset[CoverageKey]]:
    """The rules of ``programme`` and their coverage, read only: before anyone sets them, the
    seed's, not yet saved."""
    rules = ExpenseRules.objects.filter(programme=programme).first()
    if rules is None:
        return ExpenseRules(programme=programme), frozenset(DEFAULT_COVERAGES)
    return rules, coverage_keys(rules)


def may_change(user, claim: ExpenseClaim, permissions: frozenset) -> bool:
    """A claim awaiting a decision is changed by whoever entered it, or by an editor."""
    return (
        claim.status == ClaimStatus.SUBMITTED
        and Perm.CONTRIBUTE in permissions
        and (Perm.EDIT in permissions or claim.created_by_id == user.pk)
    )
