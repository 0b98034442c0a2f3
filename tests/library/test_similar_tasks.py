"""The neighbours computed in the background: what enqueues their refresh (a sheet published,
withdrawn, its public text or themes changed), one waiting refresh for many changes, nothing
for a private field or a transaction rolled back, and the real worker running it."""

import pytest
from django.core.management import call_command
from django.db import transaction
from django.tasks import TaskResultStatus
from django_tasks_db.models import DBTaskResult

from essaim.library.models import SimilarSheet
from essaim.library.services.similar import similar_sheets
from essaim.library.signals import refresh_paused
from essaim.library.tasks import refresh_similar_sheets
from essaim.themes.models import Theme
from tests.library.conftest import make_sheet
from tests.library.test_similar import CARPOOLING, CARPOOLING_TOO, COMPOST

# transactional_db: the worker closes its database connection after its batch, and the refresh
# is enqueued once the transaction commits.
pytestmark = pytest.mark.django_db(transaction=True)


def waiting() -> list[list[int] | None]:
    rows = DBTaskResult.objects.filter(
        task_path=refresh_similar_sheets.module_path, status=TaskResultStatus.READY
    ).order_by("enqueued_at")
    return [row.args_kwargs["kwargs"].get("sheet_ids") for row in rows]


def test_publishing_enqueues_a_refresh_that_the_worker_runs(referential, database_tasks):
    first = make_sheet("Covoiturage en Ardèche", summary=CARPOOLING)
    second = make_sheet("Une ligne de covoiturage", summary=CARPOOLING_TOO)
    assert waiting() == [[first.pk], [second.pk]]
    assert not SimilarSheet.objects.exists()  # nothing computed in the request

    call_command("worker", batch=True, verbosity=0)

    assert waiting() == []
    assert [link.neighbour for link in similar_sheets(first)] == [second]
    assert [link.neighbour for link in similar_sheets(second)] == [first]
    done = DBTaskResult.objects.filter(task_path=refresh_similar_sheets.module_path).first()
    assert done.status == TaskResultStatus.SUCCESSFUL
    assert done.return_value["fiches publiées"] == 2


def test_changes_before_the_worker_runs_wait_in_one_refresh(referential, database_tasks, owner):
    first = make_sheet("Covoiturage", summary=CARPOOLING, owner=owner)
    second = make_sheet("Compost", summary=COMPOST, owner=owner)
    call_command("worker", batch=True, verbosity=0)

    with transaction.atomic():  # two sheets changed in one transaction: one refresh
        first.summary = COMPOST
        first.save()
        second.themes.add(Theme.objects.get(slug="eau"))
    assert waiting() == [[first.pk, second.pk]]

    first.tried = "Des bacs de compost dans chaque cour."
    first.save()  # already waiting: nothing more
    second.withdraw(owner, "Doublon.")
    assert waiting() == [[first.pk, second.pk]]

    call_command("worker", batch=True, verbosity=0)
    assert waiting() == []
    assert similar_sheets(first) == []  # its only neighbour was withdrawn


def test_what_neighbours_never_read_enqueues_nothing(referential, database_tasks):
    sheet = make_sheet("Covoiturage", summary=CARPOOLING)
    draft = make_sheet("Brouillon", summary=CARPOOLING, published=False)
    call_command("worker", batch=True, verbosity=0)

    sheet.internal_notes = "Le maire hésite."
    sheet.save(update_fields=["internal_notes"])
    draft.summary = COMPOST
    draft.save()  # never published: no list holds it
    with transaction.atomic():
        sheet.summary = COMPOST
        sheet.save()
        transaction.set_rollback(True)
    with refresh_paused():
        make_sheet("Chargée en bloc", summary=CARPOOLING)

    assert waiting() == []
