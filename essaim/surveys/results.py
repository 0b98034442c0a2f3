"""The answers of a session's questionnaires, and of a whole cycle's, turned into figures: how
many answered, the mean and the distribution of each note, the counts of each choice, the
free-text answers (never with a name), and the charts that show them.

Each function reads the rows of several surveys in a fixed number of queries, whatever the
number of participants, so that pages stay fast and constant in queries."""

from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass, field
from decimal import ROUND_HALF_UP, Decimal

from django.db.models import Count, Prefetch, Q
from django.utils.safestring import SafeString, mark_safe

from essaim.lib import french
from essaim.lib.svg_charts import Bar, render_bar_chart
from essaim.surveys.models import (
    RATING_SCALE,
    Moment,
    Survey,
    SurveyAnswer,
    SurveyInvitation,
    SurveyQuestion,
)
from essaim.trainings.models import Cycle, TrainingSession


def percent(part: int, whole: int) -> int | None:
    """``part`` out of ``whole`` as a whole percentage, or ``None`` when ``whole`` is 0."""
    if not whole:
        return None
    return int((Decimal(part) * 100 / whole).quantize(Decimal(1), rounding=ROUND_HALF_UP))


def mean_of(ratings: list[int]) -> Decimal | None:
    if not ratings:
        return None
    return (Decimal(sum(ratings)) / len(ratings)).quantize(Decimal("0.1"), ROUND_HALF_UP)


def format_mean(mean: Decimal | None) -> str:
    """« 4,2 »; always one decimal, so that means line up in tables."""
    return "—" if mean is None else f"{mean:.1f}".replace(".", ",")


def answers_word(count: int) -> str:
    return f"{count}{french.NBSP}{french.plural(count, 'réponse')}"


# --- One question ------------------------------------------------------------------------------


@dataclass(frozen=True)
class Share:
    """How many answers gave one note or one choice, out of ``whole``."""

    label: str
    count: int
    whole: int

    @property
    def percent(self) -> int | None:
        return percent(self.count, self.whole)

    @property
    def text(self) -> str:
        """« 3 (25 %) »."""
        share = self.percent
        return f"{self.count} ({french.percent(share)})" if share is not None else str(self.count)


NO_CHART = SafeString("")


@dataclass
class QuestionResult:
    question: SurveyQuestion
    answer_count: int
    ratings: list[int] = field(default_factory=list)
    shares: list[Share] = field(default_factory=list)
    texts: list[str] = field(default_factory=list)
    chart: SafeString = NO_CHART

    @property
    def mean(self) -> Decimal | None:
        return mean_of(self.ratings)

    @property
    def mean_text(self) -> str:
        return format_mean(self.mean)


def rating_shares(ratings: list[int]) -> list[Share]:
    return [
        Share(f"{value} · {label}", ratings.count(value), len(ratings))
        for value, label in RATING_SCALE.items()
    ]


def shares_chart(title: str, shares: list[Share], summary: str) -> SafeString:
    """The shares as horizontal bars, each as long as its share of those who answered (a bar
    of 3 answers out of 12 fills a quarter of its track, however the others are split); the SVG
    escapes every text it writes."""
    if not any(share.count for share in shares):
        return NO_CHART
    bars = [Bar(share.label, share.count, share.text) for share in shares]
    whole = max(share.whole for share in shares)
    return mark_safe(render_bar_chart(title=title, bars=bars, maximum=whole, summary=summary))


def distribution_chart(title: str, ratings: list[int]) -> SafeString:
    summary = (
        "Répartition des notes de 1 (pas du tout) à 5 (tout à fait), "
        f"{answers_word(len(ratings))}, moyenne {format_mean(mean_of(ratings))} sur 5 :"
    )
    return shares_chart(title, rating_shares(ratings), summary)


def question_result(question: SurveyQuestion, answers: list[SurveyAnswer]) -> QuestionResult:
    if question.is_rating:
        ratings = [answer.rating for answer in answers if answer.rating is not None]
        return QuestionResult(
            question,
            len(ratings),
            ratings=ratings,
            shares=rating_shares(ratings),
            chart=distribution_chart(question.label, ratings),
        )
    values = [answer.value for answer in answers if answer.value.strip()]
    if question.is_choice:
        listed = question.choice_list()
        # Answers to a choice since removed from the list still count.
        labels = listed + sorted(set(values) - set(listed))
        shares = [Share(label, values.count(label), len(values)) for label in labels]
        summary = f"Choix de {answers_word(len(values))} :"
        chart = shares_chart(question.label, shares, summary)
        return QuestionResult(question, len(values), shares=shares, chart=chart)
    return QuestionResult(question, len(values), texts=values)


# --- One survey -----------------------------------------------------------------------------


@dataclass
class SurveyResult:
    survey: Survey
    invited: int
    answered: int
    questions: list[QuestionResult]

    @property
    def rate(self) -> int | None:
        return percent(self.answered, self.invited)


def surveys_with_questions(**lookups) -> list[Survey]:
    """The surveys matching ``lookups``, hot before cold, with their questions in order."""
    return list(
        Survey.objects.filter(**lookups)
        .select_related("session")
        .prefetch_related(Prefetch("questions", SurveyQuestion.objects.order_by("position", "pk")))
        .order_by("session__start_date", "session_id", "send_after_days", "pk")
    )


def invitation_counts(surveys: Iterable[Survey]) -> dict[int, tuple[int, int]]:
    """survey pk → (invited, answered), in one query."""
    rows = (
        SurveyInvitation.objects.filter(survey__in=[survey.pk for survey in surveys])
        .values("survey_id")
        .annotate(invited=Count("pk"), answered=Count("pk", filter=Q(answered_at__isnull=False)))
    )
    return {row["survey_id"]: (row["invited"], row["answered"]) for row in rows}


def answers_by_question(surveys: Iterable[Survey]) -> dict[int, list[SurveyAnswer]]:
    """question pk → its answers in the order they came, in one query."""
    answers = SurveyAnswer.objects.filter(
        question__survey__in=[survey.pk for survey in surveys]
    ).only("question_id", "rating", "value")
    grouped: dict[int, list[SurveyAnswer]] = defaultdict(list)
    for answer in answers.order_by("pk"):
        grouped[answer.question_id].append(answer)
    return grouped


def survey_results(surveys: list[Survey]) -> list[SurveyResult]:
    """The results of ``surveys`` (fetched by :func:`surveys_with_questions`)."""
    counts = invitation_counts(surveys)
    answers = answers_by_question(surveys)
    return [
        SurveyResult(
            survey,
            *counts.get(survey.pk, (0, 0)),
            [question_result(q, answers.get(q.pk, [])) for q in survey.questions.all()],
        )
        for survey in surveys
    ]


def session_results(session: TrainingSession) -> list[SurveyResult]:
    """The results of the session's questionnaires, « à chaud » first."""
    return survey_results(surveys_with_questions(session=session))


# --- A cycle ------------------------------------------------------------------------------------


@dataclass(frozen=True)
class Column:
    """A rating question of the cycle: the same label asked at the same moment in one session
    or several. Numbered Q1, Q2… across the cycle, « à chaud » first."""

    moment: str
    label: str
    number: int

    @property
    def heading(self) -> str:
        return f"Q{self.number}"

    @property
    def moment_label(self) -> str:
        return Moment(self.moment).label


@dataclass(frozen=True)
class Cell:
    """The mean of one column in one session, from ``count`` notes."""

    column: Column
    mean: Decimal | None
    count: int

    @property
    def mean_text(self) -> str:
        return format_mean(self.mean)


@dataclass
class SessionRow:
    """One session of the cycle: its questionnaires' results and its mean for each column."""

    session: TrainingSession
    hot: SurveyResult | None
    cold: SurveyResult | None
    cells: list[Cell]


@dataclass
class ColumnResult:
    """One rating question across the cycle: every note pooled, and the mean per session."""

    column: Column
    ratings: list[int]
    distribution: SafeString
    comparison: SafeString

    @property
    def mean_text(self) -> str:
        return format_mean(mean_of(self.ratings))

    @property
    def shares(self) -> list[Share]:
        return rating_shares(self.ratings)


@dataclass(frozen=True)
class MomentTotal:
    """The questionnaires « à chaud » (or « à froid ») of the whole cycle."""

    moment: Moment
    invited: int
    answered: int
    columns: list[ColumnResult]

    @property
    def rate(self) -> int | None:
        return percent(self.answered, self.invited)


@dataclass
class CycleResults:
    rows: list[SessionRow]
    columns: list[Column]
    moments: list[MomentTotal]


def rating_columns(results: list[SurveyResult]) -> list[Column]:
    keys: list[tuple[str, str]] = []
    for moment in Moment:
        for result in results:
            if result.survey.moment != moment:
                continue
            for item in result.questions:
                key = (moment.value, item.question.label.strip())
                if item.question.is_rating and key not in keys:
                    keys.append(key)
    return [Column(moment, label, number) for number, (moment, label) in enumerate(keys, 1)]


def comparison_chart(column: Column, per_session: list[tuple[str, Cell]]) -> SafeString:
    bars = [
        Bar(title, float(cell.mean or 0), f"{cell.mean_text} ({cell.count})")
        for title, cell in per_session
    ]
    summary = (
        "Moyenne par session, de 1 (pas du tout) à 5 (tout à fait), avec le nombre de "
        "réponses entre parenthèses :"
    )
    chart = render_bar_chart(
        title=column.label, bars=bars, maximum=5, summary=summary, label_share=0.55
    )
    return mark_safe(chart)


def cycle_results(cycle: Cycle) -> CycleResults:
    """The questionnaires of every session of ``cycle``: one row per session, and each rating
    question of the cycle pooled and compared across sessions."""
    sessions = list(cycle.sessions.order_by("position", "start_date", "pk"))
    results = survey_results(surveys_with_questions(session__cycle=cycle))
    columns = rating_columns(results)
    index = {(column.moment, column.label): column for column in columns}

    by_session: dict[int, dict[str, SurveyResult]] = defaultdict(dict)
    ratings: dict[tuple[int, Column], list[int]] = {}
    for result in results:
        survey = result.survey
        by_session[survey.session_id][survey.moment] = result
        for item in result.questions:
            column = index.get((survey.moment, item.question.label.strip()))
            if column is not None:
                ratings.setdefault((survey.session_id, column), []).extend(item.ratings)

    def cell(session: TrainingSession, column: Column) -> Cell:
        values = ratings.get((session.pk, column), [])
        return Cell(column, mean_of(values), len(values))

    rows = [
        SessionRow(
            session,
            by_session[session.pk].get(Moment.HOT),
            by_session[session.pk].get(Moment.COLD),
            [cell(session, column) for column in columns],
        )
        for session in sessions
    ]
    column_results = []
    for column in columns:
        pooled = [value for s in sessions for value in ratings.get((s.pk, column), [])]
        asked = [(s.title, cell(s, column)) for s in sessions if (s.pk, column) in ratings]
        column_results.append(
            ColumnResult(
                column,
                pooled,
                distribution_chart(column.label, pooled),
                comparison_chart(column, asked) if pooled else NO_CHART,
            )
        )
    moments = []
    for moment in Moment:
        of_moment = [r for r in results if r.survey.moment == moment]
        moments.append(
            MomentTotal(
                moment,
                sum(r.invited for r in of_moment),
                sum(r.answered for r in of_moment),
                [c for c in column_results if c.column.moment == moment],
            )
        )
    return CycleResults(rows, columns, moments)
