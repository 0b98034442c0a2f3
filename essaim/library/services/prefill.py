"""The first draft of a sheet, written from what Essaim already knows, for the person to reread
and correct before asking for review.

From an experiment: its framing (need, purposes, public), its territory and theme, its steps,
the verdicts on its hypotheses, its decisions, the latest figure of its main indicators against
their target, the lessons of its learning journal, the prerequisites of its transfer kit and
where it has been reproduced. From a programme's report sheet, once its territory has
validated it and agreed to its publication: its ten sections, grouped under the sheet's five.
Nothing here is saved: :func:`essaim.library.services.sheets.create_sheet` does it."""

from django.db.models import OuterRef, Subquery

from essaim.evaluation.models import HypothesisVerdict, Indicator, IndicatorKind, JournalEntry
from essaim.experiments.models import Experiment
from essaim.lib import french
from essaim.library.models import ExperienceSheet, SheetSource
from essaim.library.services.sheets import SheetDraft, SheetError
from essaim.programmes.models import ReportSheet, SheetStatus
from essaim.programmes.models.reports import REPORT_SECTIONS
from essaim.scaling.models import KitItemKind, Replication, ScalingStrategy, TransferKit
from essaim.scaling.models.network import ReplicationStatus

# How many indicators, lessons and replica places a first draft names at most: the main ones.
MAIN_INDICATORS = 5
LESSONS = 8
REPLICA_PLACES = 10

# The sections of a report sheet that make each text of an experience sheet.
REPORT_SHEET_PARTS: dict[str, tuple[str, ...]] = {
    "context": ("context",),
    "tried": ("strategy", "governance", "cooperation", "engineering", "participation"),
    "results": ("strengths", "difficulties"),
    "learned": ("keys",),
    "conditions": ("levers",),
}


def paragraphs(*parts: str) -> str:
    """The non-empty ``parts``, one paragraph each."""
    return "\n\n".join(part.strip() for part in parts if part and part.strip())


def bullets(lines: list[str]) -> str:
    return "\n".join(f"- {line}" for line in lines)


def headed(heading: str, text: str) -> str:
    """« Heading : » then ``text``, or nothing when ``text`` is empty."""
    return f"{heading} :\n{text}" if text.strip() else ""


def within_lengths(fields: dict) -> dict:
    """``fields`` with each text cut to its column's ``max_length`` (a title made of a long
    territory and programme name), so that the draft always saves; the person rereads it."""
    cut = {}
    for name, value in fields.items():
        limit = getattr(ExperienceSheet._meta.get_field(name), "max_length", None)
        if isinstance(value, str) and limit and len(value) > limit:
            value = value[: limit - 1].rstrip() + "…"
        cut[name] = value
    return cut


# From an experiment ------------------------------------------------------------------------------


def draft_from_experiment(experiment: Experiment) -> SheetDraft:
    """The sheet ``experiment`` would make, as a first draft."""
    territory = experiment.territories.order_by("name", "pk").first()
    kit = TransferKit.objects.filter(experiment=experiment).prefetch_related("items").first()
    strategy = ScalingStrategy.objects.filter(experiment=experiment).first()
    fields = {
        "title": experiment.title,
        "summary": experiment.summary,
        "context": paragraphs(
            headed("Le besoin", experiment.need),
            headed("Les finalités", experiment.purposes),
            headed("Le public visé", experiment.target_public),
        ),
        "tried": tried_of(experiment),
        "results": paragraphs(
            headed("Les indicateurs", bullets(indicator_figures(experiment))),
            headed("Les hypothèses", bullets(verdict_lines(experiment))),
            headed("Les décisions", bullets(decision_lines(experiment))),
        ),
        "learned": bullets(journal_lessons(experiment)),
        "conditions": paragraphs(
            headed("Conditions de réussite", experiment.success_conditions),
            kit_conditions(kit),
            replica_network(experiment),
        ),
        "territory": territory,
        "stage": experiment.stage,
        "strategy": strategy.strategy if strategy is not None else "",
        "year_start": experiment.start_date.year if experiment.start_date else None,
        "year_end": experiment.end_date.year if experiment.end_date else None,
        "illustrative": experiment.illustrative,
    }
    return SheetDraft(
        fields=within_lengths(fields),
        themes=[experiment.theme],
        source=SheetSource.EXPERIMENT,
        experiment=experiment,
    )


def tried_of(experiment: Experiment) -> str:
    """The steps of the method, with their dates and what they were about."""
    lines = []
    for step in experiment.steps.order_by("start_date", "pk"):
        when = f"depuis le {french.long_date(step.start_date)}"
        text = f"{step.title} ({when})"
        if step.description:
            text += f" : {step.description.strip()}"
        lines.append(text)
    return bullets(lines)


def indicator_figures(experiment: Experiment) -> list[str]:
    """The main quantitative indicators (those with a target, first in the experiment's order):
    the latest figure against the target, written the French way."""
    indicators = (
        Indicator.objects.with_standing()
        .filter(experiment=experiment, kind=IndicatorKind.QUANTITATIVE, target_value__isnull=False)
        .order_by("position", "pk")[:MAIN_INDICATORS]
    )
    lines = []
    for indicator in indicators:
        if indicator.current is None:
            continue
        figure = french.number(indicator.current, unit=indicator.unit)
        target = french.number(indicator.target_value, unit=indicator.unit)
        line = f"{indicator.name} : {figure} pour une cible de {target}"
        if indicator.latest_on:
            line += f" (dernière mesure le {french.long_date(indicator.latest_on)})"
        lines.append(line)
    return lines


def verdict_lines(experiment: Experiment) -> list[str]:
    """Each hypothesis with its latest verdict and what grounds it."""
    latest = HypothesisVerdict.objects.filter(hypothesis=OuterRef("pk")).order_by(
        "-decided_on", "-pk"
    )
    hypotheses = (
        experiment.hypotheses.annotate(
            verdict_pk=Subquery(latest.values("pk")[:1]),
        )
        .filter(verdict_pk__isnull=False)
        .order_by("position", "pk")
    )
    verdicts = HypothesisVerdict.objects.in_bulk([h.verdict_pk for h in hypotheses])
    lines = []
    for hypothesis in hypotheses:
        verdict = verdicts[hypothesis.verdict_pk]
        lines.append(
            f"{hypothesis.statement.strip()} — {verdict.get_verdict_display()} : "
            f"{verdict.rationale.strip()}"
        )
    return lines


def decision_lines(experiment: Experiment) -> list[str]:
    return [
        f"{french.long_date(decision.decided_on).capitalize()}, décision de "
        f"{decision.get_kind_display()} : {decision.rationale.strip()}"
        for decision in experiment.decisions.order_by("decided_on", "pk")
    ]


def journal_lessons(experiment: Experiment) -> list[str]:
    """What the journal says was learned, the highlighted entries first."""
    entries = (
        JournalEntry.objects.filter(experiment=experiment)
        .exclude(what_learned="")
        .order_by("-highlight", "written_on", "pk")[:LESSONS]
    )
    return [f"{entry.title} : {entry.what_learned.strip()}" for entry in entries]


def kit_conditions(kit: TransferKit | None) -> str:
    """The prerequisites of the transfer kit and the conditions of its charter."""
    if kit is None:
        return ""
    prerequisites = [
        item.title + (f" : {item.description.strip()}" if item.description else "")
        for item in kit.items.all()
        if item.kind == KitItemKind.PREREQUISITE
    ]
    return paragraphs(
        headed("Les prérequis pour un nouveau territoire", bullets(prerequisites)),
        headed("L'engagement commun", kit.charter_conditions),
    )


def replica_network(experiment: Experiment) -> str:
    """« Le modèle a été repris par 3 territoires : Die, Crest et Nyons. »"""
    replicas = list(
        Replication.objects.filter(model_experiment=experiment)
        .exclude(status=ReplicationStatus.STOPPED)
        .select_related("commune")
        .order_by("name", "pk")
    )
    if not replicas:
        return ""
    places = [
        replica.commune.name if replica.commune else replica.name
        for replica in replicas[:REPLICA_PLACES]
    ]
    if len(replicas) > REPLICA_PLACES:
        places.append(french.counted(len(replicas) - REPLICA_PLACES, "autre", "autres"))
    count = french.counted(len(replicas), "territoire", "territoires")
    return f"Le modèle a été repris par {count} : {french.enumeration(places)}."


# From a report sheet -----------------------------------------------------------------------------


def report_sheets_open_to(user):
    """The report sheets ``user`` may see whose territory validated them and agreed to their
    publication in the library: those a sheet may start from."""
    return (
        ReportSheet.objects.visible_to(user)
        .filter(status=SheetStatus.VALIDATED, publication_agreed_at__isnull=False)
        .select_related("territory__programme", "territory__perimeter")
        .order_by("territory__programme__title", "territory__name")
    )


def draft_from_report_sheet(report_sheet: ReportSheet) -> SheetDraft:
    """The sheet a validated report sheet makes, once its territory agreed to publish it."""
    if report_sheet.status != SheetStatus.VALIDATED:
        raise SheetError("Seule une fiche reportage validée par son territoire peut être publiée.")
    if report_sheet.publication_agreed_at is None:
        raise SheetError(
            "Le territoire n'a pas encore accepté que sa fiche reportage soit publiée dans la "
            "bibliothèque."
        )
    territory = report_sheet.territory
    programme = territory.programme
    fields = {
        "title": f"{territory.name} — {programme.title}",
        "summary": territory.description,
        "territory": territory.perimeter,
        "year_start": programme.start_date.year,
        "year_end": programme.end_date.year,
        "illustrative": territory.illustrative,
    }
    for part, sections in REPORT_SHEET_PARTS.items():
        if len(sections) == 1:
            fields[part] = getattr(report_sheet, sections[0]).strip()
        else:
            fields[part] = paragraphs(
                *(headed(REPORT_SECTIONS[key], getattr(report_sheet, key)) for key in sections)
            )
    return SheetDraft(
        fields=within_lengths(fields), source=SheetSource.REPORT_SHEET, report_sheet=report_sheet
    )
