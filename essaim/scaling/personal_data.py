"""What the scaling pillar holds about a person, by the address of their account: the requests
they made to join a network (the structure, the commune, their message) and the messages they
wrote in a replica's thread. Shown, exported, and erased on request: a request is deleted — an
accepted one keeps its replica, which is the structure's; a message of the thread keeps its
place, emptied of its words and of its author; the answers they gave to requests are emptied
too. The e-mails that carried their words name them as the address to reply to, so that the
erasure of the e-mails on their way finds them."""

import datetime

from essaim.core.models import record_history
from essaim.core.personal_data import Holder, register
from essaim.lib import french
from essaim.scaling.models import JoinRequest, ReplicationMessage

ERASED_MESSAGE = "Message effacé à la demande de son auteur."


def find(email: str) -> list:
    requests = list(
        JoinRequest.objects.filter(requester__email__iexact=email)
        .select_related("kit__experiment", "commune")
        .order_by("created_at", "pk")
    )
    messages = list(
        ReplicationMessage.objects.filter(author__email__iexact=email)
        .select_related("replication__model_experiment")
        .order_by("created_at", "pk")
    )
    return [*requests, *messages]


def export(record) -> dict:
    if isinstance(record, JoinRequest):
        return {
            "nature": "demande pour rejoindre un réseau",
            "reseau": record.kit.title,
            "structure": record.organisation_name,
            "commune": record.commune.name,
            "message": record.message,
            "etat": record.get_status_display(),
            "reponse": record.answer,
            "demandee_le": record.created_at.isoformat(),
        }
    return {
        "nature": "message sur une réplique",
        "replique": record.replication.name,
        "message": record.body,
        "ecrit_le": record.created_at.isoformat(),
    }


def erase(email: str, now: datetime.datetime) -> list[str]:
    records = find(email)
    requests = [r for r in records if isinstance(r, JoinRequest)]
    messages = [r for r in records if isinstance(r, ReplicationMessage)]
    done = []
    if requests:
        JoinRequest.objects.filter(pk__in=[r.pk for r in requests]).delete()
        done.append(
            french.counted(
                len(requests),
                "demande pour rejoindre un réseau supprimée",
                "demandes pour rejoindre un réseau supprimées",
            )
        )
    if messages:
        ReplicationMessage.objects.filter(pk__in=[m.pk for m in messages]).update(
            body=ERASED_MESSAGE, author=None
        )
        done.append(french.counted(len(messages), "message effacé", "messages effacés"))
    answered = JoinRequest.objects.filter(answered_by__email__iexact=email).exclude(answer="")
    if count := answered.update(answer="", answered_by=None):
        done.append(
            french.counted(
                count, "réponse à une demande effacée", "réponses à des demandes effacées"
            )
        )
    return done


def note(records: list, verb: str, summary: str) -> None:
    """In the history of each network's model experiment, once."""
    models = {}
    for record in records:
        model = (
            record.kit.experiment
            if isinstance(record, JoinRequest)
            else record.replication.model_experiment
        )
        models[model.pk] = model
    for model in models.values():
        record_history(model, actor=None, verb=verb, summary=summary)


register(
    Holder(
        key="essaimage",
        label="Demandes et messages des réseaux d'essaimage",
        models=(JoinRequest, ReplicationMessage),
        find=find,
        export=export,
        erase=erase,
        note=note,
        erasure_note=(
            "Effacement, à sa demande, des données personnelles d'une personne : ses demandes "
            "pour rejoindre le réseau et ses messages."
        ),
        template="scaling/personal_data.html",
        erase_template="scaling/personal_data_erase.html",
        counts_as=("demande ou message d'essaimage", "demandes ou messages d'essaimage"),
        order=60,
    )
)
