"""What the apps show on a user's dashboard.

Each app that has something to show declares it in its own ``dashboard.py`` with
:func:`dashboard_block`: a function ``block(user) -> Block`` that returns its figures, its cards
and the first steps it proposes. The dashboard discovers them, so that an app is added without
editing the dashboard."""

from collections.abc import Callable
from dataclasses import dataclass, field

from django.utils.module_loading import autodiscover_modules


@dataclass(frozen=True)
class Figure:
    """One key figure of the « En bref » line; ``label`` is already in the right number."""

    order: int
    count: int
    label: str


@dataclass(frozen=True)
class Card:
    """A card drawn by ``template``, which reads ``card.items``; a wide card comes first, across
    the page, the others in the grid below."""

    order: int
    template: str
    items: list = field(default_factory=list)
    wide: bool = False


@dataclass(frozen=True)
class FirstStep:
    order: int
    done: bool
    title: str
    text: str
    url_name: str
    action: str


@dataclass(frozen=True)
class Block:
    """What one app shows; ``in_use`` tells whether the user already has something there."""

    in_use: bool
    figures: list[Figure] = field(default_factory=list)
    cards: list[Card] = field(default_factory=list)
    first_steps: list[FirstStep] = field(default_factory=list)


BLOCKS: list[Callable] = []


def dashboard_block(function: Callable) -> Callable:
    """Register ``function(user) -> Block`` as a block of the dashboard."""
    if function not in BLOCKS:
        BLOCKS.append(function)
    return function


@dataclass(frozen=True)
class Dashboard:
    figures: list[Figure]
    wide_cards: list[Card]
    cards: list[Card]
    first_steps: list[FirstStep]
    is_new: bool  # nothing anywhere yet, not even a first step done
    all_done: bool  # every first step done


def collect_dashboard(user) -> Dashboard:
    """Every block for ``user``, their parts each in their declared order."""
    autodiscover_modules("dashboard")
    blocks = [block(user) for block in BLOCKS]
    cards = sorted((card for block in blocks for card in block.cards), key=lambda c: c.order)
    steps = sorted((s for block in blocks for s in block.first_steps), key=lambda s: s.order)
    return Dashboard(
        figures=sorted((f for block in blocks for f in block.figures), key=lambda f: f.order),
        wide_cards=[card for card in cards if card.wide],
        cards=[card for card in cards if not card.wide],
        first_steps=steps,
        is_new=not any(block.in_use for block in blocks),
        all_done=all(step.done for step in steps),
    )
