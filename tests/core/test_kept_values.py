"""Values kept in memory while their tables have not changed: read once, each call its own copy,
read again once a table they came from is written."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from essaim.core.kept_values import kept_value
from essaim.themes.models import Theme
from essaim.trainings.models import TrainingSession
from tests.trainings.factories import SlotFactory, TrainingSessionFactory

pytestmark = pytest.mark.django_db(transaction=True)


def session_with_slots(slug: str) -> TrainingSession:
    return TrainingSession.objects.prefetch_related("slots").get(slug=slug)


def kept_session(slug: str) -> tuple[TrainingSession, int]:
    with CaptureQueriesContext(connection) as queries:
        session = kept_value(f"essai:{slug}", lambda: session_with_slots(slug))
    return session, len(queries)


def test_a_value_is_read_once_then_kept_and_each_call_gets_its_own_copy():
    TrainingSessionFactory(slug="animer-un-tiers-lieu", title="Animer un tiers-lieu")
    first, read = kept_session("animer-un-tiers-lieu")
    first.title = "Changé par l'appelant"
    again, kept = kept_session("animer-un-tiers-lieu")
    assert (read, kept) == (3, 1)  # the generations, the session, its slots; then generations
    assert again.title == "Animer un tiers-lieu"
    assert len(again.slots.all()) == 1


def test_a_value_is_read_again_once_one_of_its_tables_is_written():
    session = TrainingSessionFactory(slug="animer-un-tiers-lieu")
    kept_session("animer-un-tiers-lieu")
    SlotFactory(session=session, date=session.start_date, title="Deuxième séance")
    again, queries = kept_session("animer-un-tiers-lieu")
    assert queries == 3
    assert [slot.title for slot in again.slots.all()][-1] == "Deuxième séance"
    TrainingSession.objects.filter(pk=session.pk).update(title="Nouveau titre")
    assert kept_session("animer-un-tiers-lieu")[0].title == "Nouveau titre"


def test_a_value_whose_loading_wrote_is_not_kept():
    def load() -> int:
        Theme.objects.create(
            slug=f"theme-{Theme.objects.count()}", label=f"T{Theme.objects.count()}"
        )
        return Theme.objects.count()

    first = kept_value("essai:themes", load)
    assert kept_value("essai:themes", load) == first + 1
