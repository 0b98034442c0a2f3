"""The totals of the answers to the organiser's questions — how many meals, who comes by car,
how many people each registrant brings — among the confirmed registrations, and apart among
those on the waiting list: what the organiser orders and plans for. Free-text answers are
totalled only when every one of them is a number."""

from collections import defaultdict
from dataclasses import dataclass
from decimal import Decimal

from django.db.models import Count

from essaim.lib.french_csv import CellError, parse_decimal
from essaim.registrations.forms.public import YES_NO
from essaim.registrations.models import Answer, Status
from essaim.trainings.models import QuestionKind, RegistrationQuestion, TrainingSession

COUNTED = (Status.CONFIRMED, Status.WAITING)


@dataclass(frozen=True)
class TotalRow:
    label: str
    confirmed: int | Decimal
    waiting: int | Decimal


@dataclass(frozen=True)
class QuestionTotals:
    question: RegistrationQuestion
    rows: list[TotalRow]


@dataclass(frozen=True)
class AnswerTotals:
    questions: list[QuestionTotals]
    has_waiting: bool  # someone on the waiting list answered: show their column


def answer_totals(session: TrainingSession) -> AnswerTotals:
    """The totals of every question of ``session`` that has choices, yes or no, or numbers for
    answers (two queries, whatever the number of registrations)."""
    questions = list(session.questions.all())
    # question pk → value → status → how many
    answers: dict[int, dict[str, dict[str, int]]] = defaultdict(
        lambda: defaultdict(lambda: defaultdict(int))
    )
    rows = (
        Answer.objects.filter(question__session=session, registration__status__in=COUNTED)
        .exclude(value="")
        .order_by()
        .values("question_id", "value", "registration__status")
        .annotate(count=Count("pk"))
    )
    for row in rows:
        answers[row["question_id"]][row["value"]][row["registration__status"]] += row["count"]
    totals = []
    for question in questions:
        totalled = _rows(question, answers[question.pk]) if question.pk in answers else []
        if totalled:
            totals.append(QuestionTotals(question, totalled))
    has_waiting = any(row.waiting for totalled in totals for row in totalled.rows)
    return AnswerTotals(totals, has_waiting)


def _rows(question: RegistrationQuestion, answers: dict[str, dict[str, int]]) -> list[TotalRow]:
    if question.kind == QuestionKind.TEXT:
        return _number_rows(answers)
    if question.kind == QuestionKind.YES_NO:
        labels = dict(YES_NO)
    else:
        labels = {choice: choice for choice in question.choice_list()}
    # The choices in their order, then the answers to choices removed since.
    values = [*labels, *sorted(value for value in answers if value not in labels)]
    return [
        TotalRow(
            labels.get(value, value),
            answers.get(value, {}).get(Status.CONFIRMED, 0),
            answers.get(value, {}).get(Status.WAITING, 0),
        )
        for value in values
    ]


def _number_rows(answers: dict[str, dict[str, int]]) -> list[TotalRow]:
    """The sum and the number of the answers, when they are all numbers (« 2 », « 1,5 »)."""
    sums = {Status.CONFIRMED: Decimal(0), Status.WAITING: Decimal(0)}
    answered = {Status.CONFIRMED: 0, Status.WAITING: 0}
    for value, per_status in answers.items():
        try:
            number = parse_decimal(value)
        except CellError:
            return []
        for status, count in per_status.items():
            sums[status] += number * count
            answered[status] += count
    return [
        TotalRow("Total des réponses", sums[Status.CONFIRMED], sums[Status.WAITING]),
        TotalRow("Personnes ayant répondu", answered[Status.CONFIRMED], answered[Status.WAITING]),
    ]
