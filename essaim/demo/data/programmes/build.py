"""Builds the demo programme in the database: what a previous load made of it is replaced, so
that loading the demo twice gives the same pages. Every territory is a fictitious example whose
perimeter is a real EPCI of the referential (for the map alone); the people are invented."""

import datetime

from django.contrib.contenttypes.models import ContentType
from django.core.files.base import ContentFile
from django.core.files.uploadedfile import SimpleUploadedFile
from django.utils import timezone

from essaim.attachments.models import Attachment, AttachmentKind
from essaim.core.models import HistoryEntry
from essaim.demo.data.programmes.spec import ProgrammeSpec, TerritorySpec
from essaim.organisations.models import Organisation
from essaim.programmes.models import (
    Claimant,
    ClaimStatus,
    ContactKind,
    Coverage,
    Deliverable,
    EventKind,
    ExpenseClaim,
    ExpenseRules,
    GroupMember,
    Interview,
    Interviewee,
    Programme,
    ProgrammeTerritory,
    Quote,
    ReportComment,
    ReportSheet,
    Seminar,
    Stage,
    Synthesis,
    SynthesisSection,
    TerritoryContact,
    TerritoryStatusChange,
    Theme,
    ThemeExtraction,
    Visit,
    VisitSlot,
    Workshop,
    WorkshopInvitation,
)
from essaim.programmes.services.expenses import decide, save_claim
from essaim.programmes.services.territories import perimeter_for_epci
from essaim.roles.models import Role
from essaim.territories.models import Epci

LETTER = b"%PDF-1.4\n% Lettre d'engagement (exemple fictif)\n"
RECEIPT = b"%PDF-1.4\n% Justificatif de depense (exemple fictif)\n"


def _forget(programme: Programme) -> None:
    """Delete what a previous load made: the programme, and what the database does not delete
    with it — the history and the files of its rows, kept by content type and key."""
    rows = {
        Programme: [programme.pk],
        ProgrammeTerritory: programme.territories.values_list("pk", flat=True),
        Deliverable: programme.deliverables.values_list("pk", flat=True),
        Workshop: programme.workshops.values_list("pk", flat=True),
        ExpenseClaim: programme.expense_claims.values_list("pk", flat=True),
    }
    for model, keys in rows.items():
        kind = ContentType.objects.get_for_model(model)
        keys = list(keys)
        HistoryEntry.objects.filter(content_type=kind, object_id__in=keys).delete()
        Attachment.objects.filter(content_type=kind, object_id__in=keys).delete()
    # The claims first: they protect the visits, workshops and seminars they are about.
    programme.expense_claims.all().delete()
    programme.delete()


def aware(moment: datetime.datetime) -> datetime.datetime:
    return timezone.make_aware(moment)


def build_programme(spec: ProgrammeSpec, *, owner) -> Programme:
    previous = Programme.objects.filter(slug=spec.slug).first()
    if previous is not None:
        _forget(previous)
    programme = Programme.objects.create(
        title=spec.title,
        slug=spec.slug,
        summary=spec.summary,
        aims=spec.aims,
        questions=spec.questions,
        added_value=spec.added_value,
        start_date=spec.start,
        end_date=spec.end,
        budget=spec.budget,
        participants_expected=spec.participants_expected,
        contact="\n".join(
            f"{contact.name} — {contact.organisation} ({contact.role})" for contact in spec.contacts
        ),
    )
    programme.grant(owner, Role.OWNER)
    organisations = {
        organiser.name: Organisation.objects.get_or_create(
            name=organiser.name, defaults={"kind": organiser.kind}
        )[0]
        for organiser in spec.organisers
    }
    programme.organisers.set(organisations.values())
    stages = {
        stage.number: Stage.objects.create(
            programme=programme,
            position=stage.number,
            title=stage.title,
            description=stage.description,
            start_date=stage.start,
            end_date=stage.end,
            status=stage.status,
        )
        for stage in spec.stages
    }
    Deliverable.objects.bulk_create(
        Deliverable(
            programme=programme,
            kind=item.kind,
            title=item.title,
            due_date=item.due,
            stage=stages.get(item.stage),
            status=item.status,
        )
        for item in spec.deliverables
    )
    group = {
        member.name: GroupMember.objects.create(
            programme=programme,
            name=member.name,
            organisation=organisations.get(member.organisation),
            role=member.role,
            is_expert=member.is_expert,
            email=member.email,
        )
        for member in spec.group
    }
    themes = {
        theme.name: Theme.objects.create(
            programme=programme, name=theme.name, description=theme.description
        )
        for theme in spec.themes
    }
    contacts: dict[str, TerritoryContact] = {}
    for territory_spec in spec.territories:
        _territory(programme, territory_spec, group, themes, contacts, owner)
    _workshops(programme, spec, themes, contacts)
    _synthesis(programme, themes)
    for seminar in spec.seminars:
        Seminar.objects.create(
            programme=programme,
            title=seminar.title,
            date=seminar.date,
            place=seminar.place,
            description=seminar.description,
        )
    _expenses(programme, spec, group, contacts, owner)
    return programme


def _territory(programme, spec: TerritorySpec, group, themes, contacts, owner) -> None:
    perimeter = perimeter_for_epci(Epci.objects.get(siren=spec.perimeter_epci_siren), user=owner)
    last = spec.statuses[-1]
    territory = ProgrammeTerritory.objects.create(
        programme=programme,
        name=spec.name,
        perimeter=perimeter,
        field=spec.field,
        description=spec.description,
        status=last.status,
        status_since=last.on,
        commitment_on=spec.commitment_on,
        commitment_signed_by=spec.commitment_signed_by,
        withdrawn_reason=spec.withdrawn_reason,
        illustrative=spec.illustrative,
    )
    TerritoryStatusChange.objects.bulk_create(
        TerritoryStatusChange(territory=territory, status=move.status, on=move.on, note=move.note)
        for move in spec.statuses
    )
    if spec.commitment_on is not None:
        Attachment.objects.create(
            target=territory,
            kind=AttachmentKind.ENGAGEMENT_LETTER,
            title=f"Confirmation écrite — {spec.name}",
            file=ContentFile(LETTER, name="lettre-engagement.pdf"),
            original_name="lettre-engagement.pdf",
            size=len(LETTER),
            mime_type="application/pdf",
            uploaded_by=owner,
            created_at=timezone.make_aware(
                datetime.datetime.combine(spec.commitment_on, datetime.time(10))
            ),
        )
    if spec.referent is not None:
        _contact(territory, ContactKind.REFERENT, spec.referent)
    for person in spec.participants:
        contacts[person.name] = _contact(territory, ContactKind.PARTICIPANT, person)
    if spec.visit is not None:
        _visit(programme, territory, spec, group, themes)
    if spec.report_sheet is not None:
        sheet_spec = spec.report_sheet
        sent = aware(datetime.datetime.combine(spec.visit.end, datetime.time(9))) + (
            datetime.timedelta(days=45)
        )
        sheet = ReportSheet.objects.create(
            territory=territory,
            status=sheet_spec.status,
            sent_at=sent if sheet_spec.status != "brouillon" else None,
            validated_at=sent + datetime.timedelta(days=12)
            if sheet_spec.status == "validee"
            else None,
            **sheet_spec.sections,
        )
        if sheet_spec.referent_comment:
            ReportComment.objects.create(
                sheet=sheet,
                body=sheet_spec.referent_comment,
                created_at=sent + datetime.timedelta(days=8),
            )


def _contact(territory, kind, person) -> TerritoryContact:
    return TerritoryContact.objects.create(
        territory=territory,
        kind=kind,
        name=person.name,
        role=person.role,
        function=person.function,
        email=person.email,
        phone=person.phone,
    )


def _visit(programme, territory, spec: TerritorySpec, group, themes) -> None:
    visit_spec = spec.visit
    visit = Visit.objects.create(
        territory=territory,
        start_date=visit_spec.start,
        end_date=visit_spec.end,
        place=visit_spec.place,
        debrief_at=aware(visit_spec.debrief_on),
        debrief_notes=visit_spec.debrief_notes,
    )
    visit.experts.set([group[name] for name in visit_spec.experts])
    slots = {
        slot.title: VisitSlot.objects.create(
            visit=visit,
            starts_at=aware(slot.starts_at),
            ends_at=aware(slot.ends_at),
            kind=slot.kind,
            title=slot.title,
            who=slot.who,
            role=slot.role,
            place=slot.place,
        )
        for slot in visit_spec.slots
    }
    people: dict[str, Interviewee] = {}
    for number, item in enumerate(spec.interviews):
        slot = slots.get(item.slot)
        person = None
        if item.interviewee is not None:
            person = people.get(item.interviewee.name)
            if person is None:
                person = Interviewee.objects.create(
                    programme=programme,
                    territory=territory,
                    name=item.interviewee.name,
                    role=item.interviewee.role,
                    function=item.interviewee.function,
                    email=item.interviewee.email,
                    pseudonym=item.pseudonym,
                    pseudonymised=bool(item.pseudonym),
                )
                people[person.name] = person
        written = (
            slot.ends_at
            if slot
            else aware(datetime.datetime.combine(visit_spec.end, datetime.time(18)))
            + datetime.timedelta(days=number + 1)
        )
        interview = Interview.objects.create(
            programme=programme,
            visit=visit,
            slot=slot,
            interviewee=person,
            group_description=item.group_description,
            consent_given=item.consent,
            notes=item.notes,
            created_at=written,
        )
        interview.themes.set([themes[name] for name in item.themes])
        for position, quote_spec in enumerate(item.quotes, start=1):
            quote = Quote.objects.create(
                interview=interview, text=quote_spec.text, position=position
            )
            quote.themes.set([themes[name] for name in quote_spec.themes])


def _synthesis(programme, themes) -> None:
    """The draft synthesis, with the first key quote of each of its themes that may be cited;
    then the theme analysis of every note, whose proposals wait for the team."""
    from essaim.demo.data.programmes import synthesis as text
    from essaim.programmes.services.synthesis import run_extraction

    synthesis = Synthesis.objects.create(
        programme=programme, introduction=text.INTRODUCTION, conclusion=text.CONCLUSION
    )
    for name, section in text.SECTIONS.items():
        theme = themes[name]
        SynthesisSection.objects.create(synthesis=synthesis, theme=theme, text=section)
        first = (
            Quote.objects.filter(themes=theme, interview__consent_given=True)
            .order_by("interview__visit__territory__name", "pk")
            .first()
        )
        if first is not None:
            synthesis.selected_quotes.add(first)
    run_extraction(ThemeExtraction.objects.create(programme=programme).pk)


# What the organisers answered to the claims off the rules, in the demo.
OVERRIDE = "Accordé à titre exceptionnel par le comité de pilotage du 2 juillet 2015."
REFUSAL = "Hors des règles du programme : les organisateurs ne prennent pas en charge ces frais."


def _expenses(programme, spec: ProgrammeSpec, group, contacts, owner) -> None:
    """The rules as the seed sets them out, and the claims saved and decided through the
    services, as the pages do: those off the rules are flagged by the same checks."""
    rules_spec = spec.expense_rules
    rules = ExpenseRules.objects.create(
        programme=programme,
        mileage_rate=rules_spec.mileage_rate,
        meal_cap=rules_spec.meal_cap,
        lodging_cap=rules_spec.lodging_cap,
    )
    Coverage.objects.bulk_create(
        Coverage(rules=rules, claimant=who, event=event, category=category)
        for who, event, category in rules_spec.covered
    )
    visits = {
        visit.territory.name: visit
        for visit in Visit.objects.filter(territory__programme=programme).select_related(
            "territory"
        )
    }
    workshops = {workshop.title: workshop for workshop in programme.workshops.all()}
    seminars = {seminar.title: seminar for seminar in programme.seminars.all()}
    for item in spec.expenses:
        expert = group.get(item.claimant)
        claim = ExpenseClaim(
            programme=programme,
            claimant_kind=Claimant.EXPERT if expert is not None else Claimant.REPRESENTATIVE,
            expert=expert,
            contact=None if expert is not None else contacts[item.claimant],
            event_kind=item.event.kind,
            visit=visits.get(item.event.name) if item.event.kind == EventKind.VISIT else None,
            workshop=workshops.get(item.event.name)
            if item.event.kind == EventKind.WORKSHOP
            else None,
            seminar=seminars.get(item.event.name) if item.event.kind == EventKind.SEMINAR else None,
            category=item.category,
            spent_on=item.spent_on,
            amount=item.amount,
            kilometres=item.kilometres,
            description=item.description,
        )
        receipt = (
            SimpleUploadedFile("justificatif.pdf", RECEIPT, "application/pdf")
            if item.receipt
            else None
        )
        save_claim(claim=claim, actor=owner, receipt=receipt)
        if item.status == ClaimStatus.SUBMITTED:
            continue
        if item.status == ClaimStatus.REFUSED:
            decide(claim=claim, status=ClaimStatus.REFUSED, actor=owner, reason=REFUSAL)
            continue
        decide(
            claim=claim,
            status=ClaimStatus.APPROVED,
            actor=owner,
            reason=OVERRIDE if claim.flags else "",
        )
        if item.status == ClaimStatus.PAID:
            decide(claim=claim, status=ClaimStatus.PAID, actor=owner)


def _workshops(programme, spec: ProgrammeSpec, themes, contacts) -> None:
    for workshop_spec in spec.workshops:
        workshop = Workshop.objects.create(
            programme=programme,
            title=workshop_spec.title,
            theme=themes.get(workshop_spec.theme),
            date=workshop_spec.date,
            place=workshop_spec.place,
            description=workshop_spec.description,
            outputs=workshop_spec.outputs,
        )
        invited_at = aware(
            datetime.datetime.combine(workshop_spec.date, datetime.time(9))
        ) - datetime.timedelta(days=30)
        present = set(workshop_spec.attendance)
        WorkshopInvitation.objects.bulk_create(
            WorkshopInvitation(
                workshop=workshop,
                contact=contact,
                invited_at=invited_at,
                attended=name in present,
            )
            for name, contact in contacts.items()
            if contact.territory.status == "confirme"
        )
