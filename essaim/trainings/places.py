"""What the catalogue asks of the app that takes registrations, which sits above it: how to count
the places taken, whom to offer the places added to a session, and who follows a slot (to tell
them when it moves or is cancelled).

``registrations/hooks.py`` fills these in when the apps are ready. Without it, a session has no
registration: every count is zero, added places are offered to nobody and no one follows a slot."""

from collections.abc import Callable
from dataclasses import dataclass, field

from django.db import models
from django.db.models import Value

# The counts a session is annotated with (TrainingSession.objects.with_registration_counts):
# registrations holding a place, confirmed, on the waiting list, and awaiting a decision or an
# answer (to be validated, or a place offered).
COUNTS = ("places_taken", "confirmed_count", "waiting_count", "awaiting_count")


@dataclass(frozen=True)
class Registrant:
    """Someone registered for a slot, as the catalogue writes to them: ``meeting_url`` is the
    link of an online session for a confirmed registrant only, ``personal_url`` the address of
    their registration."""

    first_name: str
    email: str
    meeting_url: str = ""
    personal_url: str = ""


@dataclass
class PlaceHooks:
    # () -> {name: expression counting the registrations of the session OuterRef("pk")}
    counts: Callable[[], dict] | None = None
    # session -> how many of the places added were offered to the people waiting
    places_added: list[Callable] = field(default_factory=list)
    # slot -> the Registrants who follow it (registered and not cancelled)
    slot_registrants: Callable | None = None


HOOKS = PlaceHooks()


def count_registrations_with(function: Callable[[], dict]) -> Callable[[], dict]:
    """Register ``function() -> {name: expression}``, one expression for each of ``COUNTS``."""
    HOOKS.counts = function
    return function


def on_places_added(function: Callable) -> Callable:
    """Register ``function(session) -> int``, called when a session gets more places."""
    if function not in HOOKS.places_added:
        HOOKS.places_added.append(function)
    return function


def registration_counts() -> dict:
    """The annotations of ``COUNTS``; zeros when no app takes registrations."""
    if HOOKS.counts is None:
        return {name: Value(0, output_field=models.IntegerField()) for name in COUNTS}
    return HOOKS.counts()


def places_taken_count():
    """The annotation ``places_taken`` alone: what the public pages show (the places left)."""
    return registration_counts()["places_taken"]


def offer_added_places(session) -> int:
    """Offer the places just added to ``session``; returns how many were offered."""
    return sum(offer(session) for offer in HOOKS.places_added)


def find_slot_registrants_with(function: Callable) -> Callable:
    """Register ``function(slot) -> list[Registrant]``."""
    HOOKS.slot_registrants = function
    return function


def registrants_of(slot) -> list[Registrant]:
    """Who follows ``slot``; nobody when no app takes registrations."""
    if HOOKS.slot_registrants is None:
        return []
    return HOOKS.slot_registrants(slot)
