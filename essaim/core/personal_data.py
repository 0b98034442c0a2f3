"""What each app holds about a person known by their e-mail address, declared where it is held.

Each app that keeps personal data declares a holder in its own ``personal_data.py`` with
:func:`register`; ``privacy`` reads the registry for the page « Mes données », its JSON export,
the erasure, and the retention job. A holder says:

- ``find(email)``: the records held about the address (a list, read in a fixed number of
  queries), which the page shows with ``template`` and the export writes with ``export``;
- ``erase(email, now)``: what erasing does, as French phrases (« 2 inscriptions anonymisées »);
  or, for records kept as accounting records, no ``erase`` and a ``kept`` sentence saying why;
- ``anonymise(now)``: the holder's part of the retention job, when it has one;
- ``note(records, verb, summary)``: writes a request, an export or an erasure in the history
  of what the records belong to, without the address.

A *side* holder (``side=True``) keeps copies made on the way — the e-mails waiting to be sent
or sent lately — which are exported and erased, but do not by themselves make an address known
(asking for one's data would otherwise make it so).

A *detail* (``within=``) is held about the records of another holder — attendance and survey
answers about registrations — and is exported inside each of them: its ``find`` receives the
records of that holder, and its ``export`` returns, for each of their primary keys, the keys to
add to that record's part of the export.
"""

import datetime
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

from django.db import models
from django.utils.module_loading import autodiscover_modules
from django_tasks_db.models import DBTaskResult

from essaim.core.tasks import STATUS_LABELS, delete_task_results_mentioning, task_results_mentioning
from essaim.lib import french
from essaim.roles.models import Invitation


def _nothing(*args, **kwargs) -> None:
    return None


def iso(value: datetime.date | datetime.datetime | None) -> str | None:
    """A date for an export: ISO 8601, or ``None``."""
    return value.isoformat() if value is not None else None


@dataclass(frozen=True)
class Holder:
    key: str  # its part of the JSON export (« inscriptions »); unique
    label: str  # « Inscriptions aux sessions »
    models: tuple[type[models.Model], ...]  # the models whose e-mail fields it answers for
    find: Callable[..., list]  # (email) -> records; for a detail: (records of ``within``)
    export: Callable[..., Any]  # (record) -> dict; for a detail: (parents, records) -> {pk: dict}
    within: str = ""  # the key of the holder whose records it details
    side: bool = False  # copies made on the way: they alone do not make an address known
    erase: Callable[[str, datetime.datetime], list[str]] | None = None
    kept: str = ""  # why its records are kept when erasing (accounting records)
    anonymise: Callable[[datetime.datetime], int] | None = None
    note: Callable[[list, str, str], None] = _nothing
    erasure_note: str = ""  # what ``note`` writes on an erasure
    template: str = ""  # its section of the page « Mes données »; given ``records``
    erase_template: str = ""  # what erasing will do, on the erasure page
    context: Callable[[list, datetime.date], dict] = field(default=lambda records, today: {})
    counts_as: tuple[str, str] = ("", "")  # singular and plural nouns, for the page's figures
    order: int = 100  # its place on the page and in the export; a detail comes after its holder

    @property
    def decides(self) -> bool:
        """Whether its records alone make an address known."""
        return not (self.within or self.side)


HOLDERS: dict[str, Holder] = {}


def register(holder: Holder) -> Holder:
    """Declare ``holder``; declaring it again under the same key replaces it."""
    HOLDERS[holder.key] = holder
    return holder


def unregister(key: str) -> None:
    HOLDERS.pop(key, None)


def holders() -> list[Holder]:
    """Every holder, by ``order``."""
    autodiscover_modules("personal_data")
    return sorted(HOLDERS.values(), key=lambda holder: holder.order)


@dataclass
class Holding:
    """What one holder keeps about one address, with what its page section needs."""

    holder: Holder
    records: list
    extra: dict = field(default_factory=dict)

    def __bool__(self) -> bool:
        return bool(self.records)

    @property
    def count_label(self) -> str:
        singular, plural = self.holder.counts_as
        return singular if len(self.records) < 2 else plural


@dataclass
class PersonalData:
    """Everything the registry finds about one address."""

    email: str
    holdings: list[Holding]

    @property
    def is_empty(self) -> bool:
        return not any(holding for holding in self.holdings if holding.holder.decides)

    @property
    def erasable(self) -> bool:
        """Whether erasing would change something."""
        return any(holding for holding in self.holdings if holding.holder.erase is not None)

    def shown(self) -> list[Holding]:
        """The holdings with a section on the page."""
        return [holding for holding in self.holdings if holding.holder.template]

    def counted(self) -> list[Holding]:
        return [holding for holding in self.holdings if holding and holding.holder.counts_as[0]]

    def kept(self) -> list[Holding]:
        """The holdings that erasing keeps (accounting records), when there is something."""
        return [holding for holding in self.holdings if holding and holding.holder.kept]

    def get(self, key: str) -> Holding:
        return next(holding for holding in self.holdings if holding.holder.key == key)


def find_personal_data(email: str, *, today: datetime.date, details: bool = False) -> PersonalData:
    """What every holder keeps about ``email``. The details not shown on the page are read
    only when ``details`` is set (the export)."""
    found: dict[str, Holding] = {}
    for holder in holders():
        if holder.within:
            if not (details or holder.template) or holder.within not in found:
                continue
            records = holder.find(found[holder.within].records)
        else:
            records = holder.find(email)
        found[holder.key] = Holding(holder, records, holder.context(records, today))
    return PersonalData(email=email, holdings=list(found.values()))


def holds_anything(email: str) -> bool:
    """Whether any holder keeps something about ``email``."""
    return any(holder.find(email) for holder in holders() if holder.decides)


def export_personal_data(data: PersonalData) -> dict[str, list[dict]]:
    """Each holder's part of the export, by key, its details inside each record."""
    document: dict[str, list[dict]] = {}
    exported: dict[str, dict[Any, dict]] = {}
    for holding in data.holdings:
        holder = holding.holder
        if holder.within:
            parent = data.get(holder.within)
            for pk, extra in holder.export(parent.records, holding.records).items():
                exported[holder.within][pk].update(extra)
        else:
            exported[holder.key] = {record.pk: holder.export(record) for record in holding.records}
            document[holder.key] = list(exported[holder.key].values())
    return document


def erase_personal_data(data: PersonalData, *, now: datetime.datetime) -> list[str]:
    """Have every holder erase what it keeps about the address; returns what was done."""
    done: list[str] = []
    for holding in data.holdings:
        if holding.holder.erase is not None:
            done.extend(holding.holder.erase(data.email, now))
    return done


def note_request(data: PersonalData, *, verb: str, summary: str = "") -> None:
    """Write ``summary`` (or, with no summary, each holder's ``erasure_note``) in the history of
    what the records found belong to."""
    for holding in data.holdings:
        if holding:
            holding.holder.note(holding.records, verb, summary or holding.holder.erasure_note)


def anonymise_expired(now: datetime.datetime) -> int:
    """The retention job of every holder that has one; returns how many records changed."""
    return sum(holder.anonymise(now) for holder in holders() if holder.anonymise is not None)


# Invitations ------------------------------------------------------------------------------------
# ``roles`` sits below ``core`` and cannot reach this registry: its holder is declared here.
# Invitations sent to an address to join a project, a session or a directory entry are shown,
# exported, and deleted on request (a role already accepted stays with the account).


def find_invitations(email: str) -> list[Invitation]:
    return list(
        Invitation.objects.filter(email__iexact=email)
        .prefetch_related("target")
        .order_by("-created_at", "-pk")
    )


def export_invitation(invitation: Invitation) -> dict:
    return {
        "pour": str(invitation.target) if invitation.target else "",
        "role": invitation.get_role_display(),
        "adresse_e_mail": invitation.email,
        "envoyee_le": invitation.created_at.isoformat(),
        "valable_jusqu_au": invitation.expires_at.isoformat(),
        "acceptee_le": iso(invitation.accepted_at),
    }


def erase_invitations(email: str, now: datetime.datetime) -> list[str]:
    number, _ = Invitation.objects.filter(email__iexact=email).delete()
    if not number:
        return []
    return [f"{number} invitation supprimée" if number == 1 else f"{number} invitations supprimées"]


register(
    Holder(
        key="invitations",
        label="Invitations à rejoindre un espace",
        models=(Invitation,),
        find=find_invitations,
        export=export_invitation,
        erase=erase_invitations,
        template="core/invitations_personal_data.html",
        erase_template="core/invitations_personal_data_erase.html",
        counts_as=("invitation", "invitations"),
        order=50,
    )
)


# E-mails on their way ---------------------------------------------------------------------------
# The rows of background tasks keep what they were given: an e-mail's recipients, text, personal
# links and attachments. The finished ones are deleted after a few days (``core/tasks.py``);
# until then, those that mention the address are exported, and deleted on request, waiting ones
# included.


def find_task_results(email: str) -> list[DBTaskResult]:
    """The rows that mention the address, each with ``to_person``: whether it was one of the
    recipients (an e-mail about the person sent to someone else is theirs only in part)."""
    rows = task_results_mentioning([email])
    for row in rows:
        kwargs = row.args_kwargs.get("kwargs") or {}
        recipients = [*(kwargs.get("to") or []), *(kwargs.get("reply_to") or [])]
        row.to_person = email.strip().lower() in {str(r).strip().lower() for r in recipients}
    return rows


def export_task_result(row: DBTaskResult) -> dict:
    """The e-mail sent to the person, without the content of its attachments; of one sent to
    someone else, only that it mentions them."""
    exported = {
        "envoi": row.task_path.rsplit(".", 1)[-1],
        "etat": STATUS_LABELS.get(row.status, row.status),
        "demande_le": iso(row.enqueued_at),
        "termine_le": iso(row.finished_at),
    }
    if not row.to_person:
        return {**exported, "contenu": "Votre adresse figure dans un envoi à une autre personne."}
    kwargs = dict(row.args_kwargs.get("kwargs") or {})
    attachments = kwargs.pop("attachments", None) or []
    return {
        **exported,
        "contenu": {"arguments": row.args_kwargs.get("args") or [], **kwargs},
        "pieces_jointes": [
            item.get("filename", "") for item in attachments if isinstance(item, dict)
        ],
    }


def erase_task_results(email: str, now: datetime.datetime) -> list[str]:
    """Delete the rows, waiting ones included. What the erasure itself sends afterwards (the
    notice of a cancelled registration) is pruned with the other finished tasks."""
    number = delete_task_results_mentioning([email])
    if not number:
        return []
    return [
        french.counted(
            number,
            "e-mail en attente ou envoyé récemment supprimé",
            "e-mails en attente ou envoyés récemment supprimés",
        )
    ]


register(
    Holder(
        key="envois",
        label="E-mails en attente ou envoyés récemment",
        models=(DBTaskResult,),
        find=find_task_results,
        export=export_task_result,
        side=True,
        erase=erase_task_results,
        order=90,
    )
)
