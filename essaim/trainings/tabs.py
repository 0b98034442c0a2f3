"""The tabs of the organiser's pages of one session, and the context they share."""

from dataclasses import dataclass

from django.urls import reverse

from essaim.roles.models import Perm
from essaim.trainings.models import TrainingSession


@dataclass(frozen=True)
class Tab:
    key: str
    label: str
    url_name: str


TABS = [
    Tab("overview", "Présentation", "trainings:manage"),
    Tab("programme", "Programme", "trainings:programme"),
    Tab("registrations", "Inscriptions", "registrations:manage"),
    Tab("attendance", "Présences", "attendance:manage"),
    Tab("satisfaction", "Satisfaction", "surveys:manage"),
    Tab("history", "Historique", "trainings:history"),
    Tab("members", "Organisateurs", "trainings:members"),
]


def session_context(session: TrainingSession, user, tab: str) -> dict:
    """What ``trainings/session_base.html`` needs: the tabs, the current one, and what ``user``
    may do (``can_contribute``, ``can_edit``, ``can_manage``)."""
    permissions = session.permissions_for(user)
    return {
        "session": session,
        "tab": tab,
        "tabs": [
            {
                "label": item.label,
                "url": reverse(item.url_name, args=[session.pk]),
                "current": item.key == tab,
            }
            for item in TABS
        ],
        "can_contribute": Perm.CONTRIBUTE in permissions,
        "can_edit": Perm.EDIT in permissions,
        "can_manage": Perm.MANAGE in permissions,
    }
