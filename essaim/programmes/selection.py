"""The selection of a programme's territories, without the database: the organisers'
expectations as a checklist (« Les attentes des organisateurs vis-à-vis des territoires
participants »), and the statuses a territory may move to from where it stands."""

from dataclasses import dataclass

from essaim.lib import french
from essaim.programmes.models.territories import STATUS_ORDER, TerritoryStatus


@dataclass(frozen=True)
class Progress:
    """What a territory has given so far, counted by one query for a whole list."""

    commitment_received: bool  # the date of the written confirmation and its letter attached
    has_referent: bool
    participant_count: int
    participants_expected: int


@dataclass(frozen=True)
class ChecklistItem:
    label: str
    done: bool
    detail: str = ""


def checklist(progress: Progress) -> list[ChecklistItem]:
    """The three expectations of the organisers, each met or not."""
    expected = progress.participants_expected
    return [
        ChecklistItem(
            "Confirmation écrite de la volonté du territoire de participer",
            progress.commitment_received,
            "" if progress.commitment_received else "la date et la lettre jointe",
        ),
        ChecklistItem(
            "Un référent au sein de l'équipe d'ingénierie locale",
            progress.has_referent,
        ),
        ChecklistItem(
            f"{french.counted(expected, 'personne')} pour les ateliers "
            "inter-territoires (élu, technicien, société civile)",
            progress.participant_count >= expected,
            f"{progress.participant_count} sur {expected}",
        ),
    ]


# How many of the checklist's items (in order) a status needs.
ITEMS_NEEDED = {
    TerritoryStatus.CONTACTED: 0,
    TerritoryStatus.INTERESTED: 0,
    TerritoryStatus.COMMITTED: 1,
    TerritoryStatus.REFERENT: 2,
    TerritoryStatus.PARTICIPANTS: 3,
    TerritoryStatus.CONFIRMED: 3,
}


def allowed_statuses(current: TerritoryStatus | str) -> list[TerritoryStatus]:
    """Where a territory may go from ``current``: forward to any later status (the checklist
    permitting), back one step (a correction), to « retiré » from anywhere; a withdrawn
    territory comes back as contacted or interested."""
    current = TerritoryStatus(current)
    if current == TerritoryStatus.WITHDRAWN:
        return [TerritoryStatus.CONTACTED, TerritoryStatus.INTERESTED]
    index = STATUS_ORDER.index(current)
    back = [STATUS_ORDER[index - 1]] if index > 0 else []
    return [*back, *STATUS_ORDER[index + 1 :], TerritoryStatus.WITHDRAWN]


def missing_for(status: TerritoryStatus | str, progress: Progress) -> list[ChecklistItem]:
    """The expectations still unmet that ``status`` needs (none: the move may be made)."""
    needed = ITEMS_NEEDED.get(TerritoryStatus(status), 0)
    return [item for item in checklist(progress)[:needed] if not item.done]


def refusal(current: str, status: str, progress: Progress, *, reason: str = "") -> str:
    """Why a territory may not move from ``current`` to ``status`` (« » when it may)."""
    current, status = TerritoryStatus(current), TerritoryStatus(status)
    if status not in allowed_statuses(current):
        return f"Un territoire « {current.label} » ne peut pas passer à « {status.label} »."
    if status == TerritoryStatus.WITHDRAWN and not reason.strip():
        return "Dites pourquoi le territoire se retire."
    missing = missing_for(status, progress)
    if missing:
        items = " ; ".join(
            item.label[0].lower() + item.label[1:] + (f" ({item.detail})" if item.detail else "")
            for item in missing
        )
        return f"Pour passer à « {status.label} », il manque : {items}."
    return ""
