"""The tabs of the organiser's pages of one session, and the context they share. The apps above
add theirs: Inscriptions, Présences, Satisfaction, after Programme."""

from essaim.core.tabs import Tab, TabSet, tabs_context
from essaim.trainings.models import TrainingSession

TABS = TabSet(
    Tab("overview", "Présentation", "trainings:manage"),
    Tab("programme", "Programme", "trainings:programme"),
    Tab("history", "Historique", "trainings:history"),
    Tab("members", "Organisateurs", "trainings:members"),
)


def session_context(session: TrainingSession, user, tab: str) -> dict:
    """What ``trainings/session_base.html`` needs: the tabs, the current one, and what ``user``
    may do (``can_contribute``, ``can_edit``, ``can_manage``)."""
    return {"session": session, **tabs_context(session, user, TABS, tab)}
