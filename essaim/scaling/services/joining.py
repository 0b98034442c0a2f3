"""Joining a network from elsewhere: a person asks from a published kit's public page; the
model's team accepts — the person then owns a new experiment framed from the model, linked to
the network as a replica, with the model's parts to take up — or refuses, saying why. Both
sides then write in the replica's thread. Each step is told by e-mail."""

from django.conf import settings
from django.db import IntegrityError, transaction
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import timezone

from essaim.accounts.models import User
from essaim.core.concurrency import (
    Conflict,
    EditConflict,
    find_conflicts,
    fingerprint,
    read_version,
    sign_version,
)
from essaim.experiments.models import Experiment, Hypothesis
from essaim.experiments.services import create_experiment
from essaim.lib.errors import DomainError
from essaim.mail.tasks import about, send_email
from essaim.roles.models import Perm, Role
from essaim.scaling.models import (
    JoinRequest,
    JoinRequestStatus,
    NetworkError,
    ReplicaPart,
    Replication,
    ReplicationEvent,
    ReplicationMessage,
    ReplicationStatus,
    TransferKit,
    in_reading_order,
)
from essaim.territories.models import Commune

# What a replica's experiment takes from its model's framing.
FRAMING_COPIED = ("summary", "need", "purposes", "target_public", "evaluation_method")


class JoinError(DomainError):
    """A request to join that the network's rules refuse."""


def _team_addresses(experiment: Experiment) -> list[str]:
    """The owners and editors of ``experiment``: who answers the requests."""
    return sorted(
        experiment.roles.filter(role__in=[Role.OWNER, Role.EDITOR])
        .select_related("user")
        .values_list("user__email", flat=True)
    )


def _tell(
    *, subject: str, template: str, to: list[str], context: dict, target, reply_to: str = ""
) -> None:
    """An e-mail once the change is committed; ``reply_to``, the address of the person whose
    words it carries (the answer goes to them, and their erasure finds the message)."""
    if not to:
        return
    message = {
        "subject": f"Essaim : {subject}",
        "body": render_to_string(template, {**context, "site_url": settings.SITE_URL}),
        "to": to,
        "reply_to": [reply_to] if reply_to else None,
        "about": about(target),
    }
    transaction.on_commit(lambda: send_email.enqueue(**message))


def ask_to_join(
    *, kit: TransferKit, requester: User, organisation_name: str, commune: Commune, message: str
) -> JoinRequest:
    """A pending request of ``requester`` to reproduce the published ``kit``."""
    if not kit.is_published:
        raise JoinError("Ce kit n'est pas publié : on ne peut pas demander à rejoindre son réseau.")
    try:
        with transaction.atomic():
            join_request = JoinRequest.objects.create(
                kit=kit,
                requester=requester,
                organisation_name=organisation_name,
                commune=commune,
                message=message,
            )
    except IntegrityError:
        raise JoinError(
            "Vous avez déjà une demande en attente pour ce réseau : son équipe vous répondra."
        ) from None
    with transaction.atomic():
        kit.experiment.log_action(
            requester,
            "join_request",
            f"Demande pour rejoindre le réseau : {organisation_name} ({commune.name})",
        )
        _tell(
            subject=f"une demande pour rejoindre le réseau « {kit.title} »",
            template="scaling/emails/request_received.txt",
            to=_team_addresses(kit.experiment),
            context={"request": join_request, "kit": kit, "commune": commune},
            target=kit.experiment,
            reply_to=requester.email,
        )
    return join_request


def _locked_pending(join_request: JoinRequest) -> JoinRequest:
    locked = (
        JoinRequest.objects.select_for_update()
        .select_related("kit__experiment", "commune", "requester")
        .get(pk=join_request.pk)
    )
    if locked.status != JoinRequestStatus.PENDING:
        raise JoinError(
            f"Cette demande a déjà reçu sa réponse : elle est {locked.get_status_display()}."
        )
    return locked


def _framed_from(model: Experiment, *, title: str, owner: User) -> Experiment:
    """A new experiment of ``owner``, its framing started from ``model``'s, hypotheses too."""
    replica = create_experiment(by=owner, title=title, theme=model.theme)
    for name in FRAMING_COPIED:
        setattr(replica, name, getattr(model, name))
    replica.save(update_fields=[*FRAMING_COPIED, "updated_at"])
    Hypothesis.objects.bulk_create(
        Hypothesis(
            experiment=replica, statement=h.statement, rationale=h.rationale, position=h.position
        )
        for h in model.hypotheses.all()
    )
    replica.log_action(owner, "replica", f"Cadrage repris du modèle « {model.title} »")
    return replica


def accept_request(*, join_request: JoinRequest, actor: User, answer: str = "") -> Replication:
    """Welcome the requester: their experiment framed from the model, and the replica that links
    it to the network, at the study, with the kit's parts to take up."""
    with transaction.atomic():
        locked = _locked_pending(join_request)
        kit, commune = locked.kit, locked.commune
        model = kit.experiment
        replica_experiment = _framed_from(
            model, title=f"{kit.title} — {commune.name}"[:200], owner=locked.requester
        )
        today = timezone.localdate()
        replication = Replication.objects.create(
            model_experiment=model,
            name=f"{kit.title} — {commune.name}"[:200],
            commune=commune,
            carrier_name=locked.organisation_name,
            status=ReplicationStatus.STUDY,
            status_since=today,
            replica_experiment=replica_experiment,
        )
        asked_on = timezone.localdate(locked.created_at)
        ReplicationEvent.objects.bulk_create(
            [
                ReplicationEvent(
                    replication=replication,
                    after=ReplicationStatus.CONTACT,
                    happened_on=min(asked_on, today),
                    note="Demande pour rejoindre le réseau",
                    actor=locked.requester,
                ),
                ReplicationEvent(
                    replication=replication,
                    before=ReplicationStatus.CONTACT,
                    after=ReplicationStatus.STUDY,
                    happened_on=today,
                    note="Demande acceptée",
                    actor=actor,
                ),
            ]
        )
        ReplicaPart.objects.bulk_create(
            ReplicaPart(
                replication=replication,
                kind=item.kind,
                title=item.title,
                description=item.description,
                guidance=item.guidance,
                position=index,
            )
            for index, item in enumerate(in_reading_order(kit.items.all()))
        )
        locked.status = JoinRequestStatus.ACCEPTED
        locked.answer, locked.answered_by, locked.answered_at = answer, actor, timezone.now()
        locked.replication = replication
        locked.save(update_fields=["status", "answer", "answered_by", "answered_at", "replication"])
        if answer:
            ReplicationMessage.objects.create(
                replication=replication, author=actor, from_model_team=True, body=answer
            )
        model.log_action(
            actor, "join_request", f"Demande acceptée : {locked.organisation_name} ({commune.name})"
        )
        _tell(
            subject=f"bienvenue dans le réseau « {kit.title} »",
            template="scaling/emails/request_accepted.txt",
            to=[locked.requester.email],
            context={
                "request": locked,
                "kit": kit,
                "experiment_url": settings.SITE_URL + replica_experiment.get_absolute_url(),
                "replication_url": settings.SITE_URL + replication.get_absolute_url(),
            },
            target=replica_experiment,
        )
    return replication


def refuse_request(*, join_request: JoinRequest, actor: User, answer: str) -> None:
    if not answer.strip():
        raise JoinError(
            "Dites pourquoi la demande est refusée : la personne le lira.", field="answer"
        )
    with transaction.atomic():
        locked = _locked_pending(join_request)
        locked.status = JoinRequestStatus.REFUSED
        locked.answer, locked.answered_by, locked.answered_at = (
            answer.strip(),
            actor,
            timezone.now(),
        )
        locked.save(update_fields=["status", "answer", "answered_by", "answered_at"])
        locked.kit.experiment.log_action(
            actor, "join_request", f"Demande refusée : {locked.organisation_name}"
        )
        _tell(
            subject=f"votre demande pour rejoindre le réseau « {locked.kit.title} »",
            template="scaling/emails/request_refused.txt",
            to=[locked.requester.email],
            context={"request": locked, "kit": locked.kit},
            target=locked.kit.experiment,
        )


def withdraw_request(*, join_request: JoinRequest, actor: User) -> None:
    with transaction.atomic():
        locked = _locked_pending(join_request)
        if locked.requester_id != actor.pk:
            raise JoinError("Seule la personne qui a fait la demande peut la retirer.")
        locked.status = JoinRequestStatus.WITHDRAWN
        locked.answered_at = timezone.now()
        locked.save(update_fields=["status", "answered_at"])


def post_message(*, replication: Replication, author: User, body: str) -> ReplicationMessage:
    """A message in the replica's thread, told to the other side."""
    body = body.strip()
    if not body:
        raise NetworkError("Le message est vide.", field="body")
    model = replication.model_experiment
    from_model_team = Perm.VIEW in model.permissions_for(author)
    with transaction.atomic():
        message = ReplicationMessage.objects.create(
            replication=replication, author=author, from_model_team=from_model_team, body=body
        )
        if from_model_team and replication.replica_experiment_id:
            to = _team_addresses(replication.replica_experiment)
        else:
            to = _team_addresses(model)
        _tell(
            subject=f"un message sur la réplique « {replication.name} »",
            template="scaling/emails/message_posted.txt",
            to=[address for address in to if address != author.email],
            context={
                "message": message,
                "replication": replication,
                "url": settings.SITE_URL + reverse("scaling:replication", args=[replication.pk]),
            },
            target=replication,
            reply_to=author.email,
        )
    return message


def set_local_choice(*, part: ReplicaPart, text: str, version: str | None, actor: User) -> None:
    """Write what the replica's territory made of ``part``; raise ``EditConflict`` when someone
    else changed it since ``version`` was loaded, to another text (nothing is then written)."""
    with transaction.atomic():
        locked = ReplicaPart.objects.select_for_update().get(pk=part.pk)
        loaded = read_version(version)
        current = {"local_choice": fingerprint(locked.local_choice)}
        proposed = {"local_choice": fingerprint(text)}
        if loaded is not None and find_conflicts(loaded=loaded, current=current, proposed=proposed):
            raise EditConflict(
                [
                    Conflict(
                        name="local_choice",
                        label=f"« {locked.title} »",
                        current=locked.local_choice,
                        kept=current["local_choice"],
                    )
                ]
            )
        if locked.local_choice == text:
            return
        locked.local_choice = text
        locked.save(update_fields=["local_choice"])
        replication = locked.replication
        if replication.replica_experiment_id:
            replication.replica_experiment.log_action(
                actor, "replica", f"Partie adaptée du modèle : {locked.title}"
            )


def part_version(part: ReplicaPart) -> str:
    return sign_version({"local_choice": fingerprint(part.local_choice)})
