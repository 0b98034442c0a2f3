"""Reproducing a model from elsewhere: a request from the public page of a published kit, the
answer of the model's team, the replica's experiment framed from the model, the parts to take
up, and the thread between both sides."""

import html

import pytest
from django.urls import reverse

from essaim.core.publication import PublicationStatus
from essaim.experiments.models import Hypothesis
from essaim.roles.models import Perm, Role
from essaim.scaling.models import (
    JoinRequest,
    JoinRequestStatus,
    KitItem,
    KitItemKind,
    ReplicaPart,
    Replication,
    ReplicationStatus,
    TransferKit,
)
from tests.conftest import client_for, make_user

pytestmark = pytest.mark.django_db

DIE = "26113"


@pytest.fixture
def kit(experiment) -> TransferKit:
    Hypothesis.objects.create(
        experiment=experiment, statement="Les habitants investissent si la gouvernance est locale."
    )
    kit = TransferKit.objects.create(
        experiment=experiment,
        slug="centrales-villageoises",
        title="Centrales villageoises",
        publication_status=PublicationStatus.PUBLISHED,
    )
    KitItem.objects.create(kit=kit, kind=KitItemKind.CORE, title="La charte commune")
    KitItem.objects.create(
        kit=kit, kind=KitItemKind.ADAPTABLE, title="Le statut juridique", guidance="SAS ou SCIC."
    )
    return kit


@pytest.fixture
def newcomer(db):
    return make_user("nadia@diois.example.org", "Nadia Nouvelle")


def ask(client, kit, **changes):
    data = {
        "organisation_name": "Communauté des communes du Diois",
        "commune": DIE,
        "message": "Nous voulons équiper les toits de nos écoles.",
    } | changes
    return client.post(reverse("scaling:join", args=[kit.slug]), data)


def test_a_newcomer_asks_and_the_team_is_told(
    referential, kit, newcomer, owner, editor, mailoutbox, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        response = ask(client_for(newcomer), kit)
    assert response.status_code == 302
    request = JoinRequest.objects.get()
    assert request.status == JoinRequestStatus.PENDING and request.commune.insee_code == DIE
    [message] = mailoutbox
    assert sorted(message.to) == sorted([owner.email, editor.email])
    assert "Communauté des communes du Diois" in message.body
    assert "Nous voulons équiper les toits de nos écoles." in message.body
    page = client_for(newcomer).get(reverse("scaling:my_requests")).text
    assert "En attente" in page
    # A second request while the first waits is refused, in French, and not kept.
    again = ask(client_for(newcomer), kit)
    assert again.status_code == 400
    assert "déjà une demande en attente" in html.unescape(again.text)
    assert JoinRequest.objects.count() == 1


def test_only_a_published_kit_may_be_joined_and_only_with_an_account(referential, kit, newcomer):
    assert client_for(None).get(reverse("scaling:join", args=[kit.slug])).status_code == 302
    TransferKit.objects.filter(pk=kit.pk).update(publication_status=PublicationStatus.DRAFT)
    assert ask(client_for(newcomer), kit).status_code == 404
    assert not JoinRequest.objects.exists()


def test_accepting_frames_an_experiment_from_the_model_and_links_its_replica(
    referential, kit, newcomer, editor, experiment, mailoutbox, django_capture_on_commit_callbacks
):
    ask(client_for(newcomer), kit)
    request = JoinRequest.objects.get()
    with django_capture_on_commit_callbacks(execute=True):
        client_for(editor).post(
            reverse("scaling:answer_request", args=[request.pk, "accepter"]),
            {"answer": "Bienvenue ! Premier rendez-vous en visioconférence la semaine prochaine."},
        )
    request.refresh_from_db()
    assert request.status == JoinRequestStatus.ACCEPTED
    replication = request.replication
    assert replication.model_experiment == experiment
    assert replication.status == ReplicationStatus.STUDY
    assert [e.after for e in replication.events.all()] == ["contact", "etude"]
    replica = replication.replica_experiment
    assert replica.title == "Centrales villageoises — Die"
    assert replica.need == experiment.need and replica.theme == experiment.theme
    assert replica.hypotheses.get().statement.startswith("Les habitants investissent")
    assert replica.effective_role_of(newcomer) == Role.OWNER
    assert [(p.kind, p.title) for p in replication.parts.all()] == [
        ("socle", "La charte commune"),
        ("adaptable", "Le statut juridique"),
    ]
    assert replication.messages.get().from_model_team
    [told] = [m for m in mailoutbox if newcomer.email in m.to]
    assert reverse("scaling:replication", args=[replication.pk]) in told.body
    # The newcomer sees their replica, the model's parts and the thread; not the network.
    client = client_for(newcomer)
    page = client.get(replication.get_absolute_url()).text
    assert "Socle commun — ne change pas" in page and "Premier rendez-vous" in page
    assert client.get(reverse("scaling:network", args=[experiment.pk])).status_code == 404
    overview = client.get(replica.get_absolute_url()).text
    assert "Une réplique de « " in overview


def test_a_refusal_says_why_or_is_not_sent(
    referential, kit, newcomer, editor, mailoutbox, django_capture_on_commit_callbacks
):
    ask(client_for(newcomer), kit)
    request = JoinRequest.objects.get()
    url = reverse("scaling:answer_request", args=[request.pk, "refuser"])
    client_for(editor).post(url, {"answer": ""})
    request.refresh_from_db()
    assert request.status == JoinRequestStatus.PENDING
    with django_capture_on_commit_callbacks(execute=True):
        client_for(editor).post(url, {"answer": "Le réseau ne couvre pas encore la Drôme."})
    request.refresh_from_db()
    assert request.status == JoinRequestStatus.REFUSED
    assert not Replication.objects.exists()
    assert "Le réseau ne couvre pas encore la Drôme." in mailoutbox[-1].body


def test_only_the_model_s_editors_answer(referential, kit, newcomer, reader, outsider):
    ask(client_for(newcomer), kit)
    request = JoinRequest.objects.get()
    url = reverse("scaling:answer_request", args=[request.pk, "accepter"])
    assert client_for(reader).post(url).status_code == 403
    assert client_for(outsider).post(url).status_code == 404
    assert client_for(newcomer).post(url).status_code == 404
    request.refresh_from_db()
    assert request.status == JoinRequestStatus.PENDING


def test_the_replica_s_team_adapts_the_adaptable_parts_never_the_core(
    referential, kit, newcomer, editor
):
    ask(client_for(newcomer), kit)
    from essaim.scaling.services.joining import accept_request

    replication = accept_request(join_request=JoinRequest.objects.get(), actor=editor)
    assert Perm.CONTRIBUTE in replication.permissions_for(newcomer)
    core = replication.parts.get(kind=KitItemKind.CORE)
    adaptable = replication.parts.get(kind=KitItemKind.ADAPTABLE)
    client = client_for(newcomer)
    page = client.get(replication.get_absolute_url())
    version = html.unescape(page.text).split(
        f'action="/essaimage/repliques/{replication.pk}/parties/{adaptable.pk}/"'
    )[1]
    version = version.split('name="version" value="')[1].split('"')[0]
    url = reverse("scaling:adapt_part", args=[replication.pk, adaptable.pk])
    client.post(url, {"local_choice": "Une SCIC, avec la commune au capital.", "version": version})
    client.post(
        reverse("scaling:adapt_part", args=[replication.pk, core.pk]),
        {"local_choice": "Autre charte"},
    )
    assert (
        ReplicaPart.objects.get(pk=adaptable.pk).local_choice
        == "Une SCIC, avec la commune au capital."
    )
    assert ReplicaPart.objects.get(pk=core.pk).local_choice == ""
    # Someone else, from a page loaded before, does not silently replace that choice.
    client_for(editor).post(url, {"local_choice": "Une SAS.", "version": version})
    assert (
        ReplicaPart.objects.get(pk=adaptable.pk).local_choice
        == "Une SCIC, avec la commune au capital."
    )


def test_both_sides_write_in_the_thread_and_the_other_side_is_told(
    referential,
    kit,
    newcomer,
    editor,
    owner,
    outsider,
    mailoutbox,
    django_capture_on_commit_callbacks,
):
    ask(client_for(newcomer), kit)
    from essaim.scaling.services.joining import accept_request

    replication = accept_request(join_request=JoinRequest.objects.get(), actor=editor)
    url = reverse("scaling:write_message", args=[replication.pk])
    with django_capture_on_commit_callbacks(execute=True):
        client_for(newcomer).post(
            url, {"body": "Nos statuts sont prêts : pouvez-vous les relire ?"}
        )
    assert sorted(mailoutbox[-1].to) == sorted([owner.email, editor.email])
    with django_capture_on_commit_callbacks(execute=True):
        client_for(editor).post(url, {"body": "Relus : deux remarques en pièce jointe."})
    assert mailoutbox[-1].to == [newcomer.email]
    thread = list(replication.messages.values_list("from_model_team", "body"))
    assert thread == [
        (False, "Nos statuts sont prêts : pouvez-vous les relire ?"),
        (True, "Relus : deux remarques en pièce jointe."),
    ]
    assert client_for(outsider).post(url, {"body": "Intrus"}).status_code == 404
    assert replication.messages.count() == 2


def test_a_person_s_requests_and_messages_are_exported_and_erased(
    referential, kit, newcomer, editor
):
    from django.utils import timezone

    from essaim.core.personal_data import HOLDERS, holders
    from essaim.scaling.services.joining import accept_request, post_message

    ask(client_for(newcomer), kit)
    replication = accept_request(join_request=JoinRequest.objects.get(), actor=editor)
    post_message(replication=replication, author=newcomer, body="Nos statuts sont prêts.")
    post_message(replication=replication, author=editor, body="Bien reçu.")
    holders()
    holder = HOLDERS["essaimage"]
    records = holder.find(newcomer.email.upper())
    exported = [holder.export(record) for record in records]
    assert [item["nature"] for item in exported] == [
        "demande pour rejoindre un réseau",
        "message sur une réplique",
    ]
    assert exported[0]["message"] == "Nous voulons équiper les toits de nos écoles."
    assert holder.erase(newcomer.email, timezone.now()) == [
        "1 demande pour rejoindre un réseau supprimée",
        "1 message effacé",
    ]
    assert not JoinRequest.objects.exists()
    replication.refresh_from_db()  # the structure's replica stays
    thread = list(replication.messages.values_list("author", "body"))
    assert thread == [
        (None, "Message effacé à la demande de son auteur."),
        (editor.pk, "Bien reçu."),
    ]
    assert holder.find(newcomer.email) == []


def test_a_reader_of_the_replica_reads_and_may_not_write(referential, kit, newcomer, editor):
    from essaim.scaling.services.joining import accept_request

    ask(client_for(newcomer), kit)
    replication = accept_request(join_request=JoinRequest.objects.get(), actor=editor)
    colleague = make_user("collegue@diois.example.org", "Collègue du Diois")
    replication.replica_experiment.grant(colleague, Role.READER)
    client = client_for(colleague)
    assert client.get(replication.get_absolute_url()).status_code == 200
    response = client.post(
        reverse("scaling:write_message", args=[replication.pk]), {"body": "Coucou"}
    )
    assert response.status_code == 403
    adaptable = replication.parts.get(kind=KitItemKind.ADAPTABLE)
    url = reverse("scaling:adapt_part", args=[replication.pk, adaptable.pk])
    assert client.post(url, {"local_choice": "SAS"}).status_code == 403
    assert not replication.messages.exists()


def test_the_replica_s_team_receives_the_kit_s_documents(
    referential, kit, newcomer, editor, outsider
):
    from django.core.files.uploadedfile import SimpleUploadedFile

    from essaim.attachments.services import attach_file
    from essaim.scaling.services.joining import accept_request

    ask(client_for(newcomer), kit)
    replication = accept_request(join_request=JoinRequest.objects.get(), actor=editor)
    attachment = attach_file(
        target=kit,
        title="Charte des Centrales Villageoises",
        kind="charter",
        file=SimpleUploadedFile("charte.pdf", b"%PDF-1.4 charte", "application/pdf"),
        user=editor,
    )
    page = client_for(newcomer).get(replication.get_absolute_url()).text
    assert "Charte des Centrales Villageoises" in page
    download = reverse("attachments:download", args=[attachment.pk])
    assert client_for(newcomer).get(download).status_code == 200
    assert client_for(outsider).get(download).status_code == 404
    # The kit's own pages stay the model team's.
    assert (
        client_for(newcomer).get(reverse("scaling:kit", args=[kit.experiment_id])).status_code
        == 404
    )


def test_the_answers_a_person_gave_are_erased_with_their_data(referential, kit, newcomer, editor):
    from django.utils import timezone

    from essaim.core.personal_data import HOLDERS, holders
    from essaim.scaling.services.joining import refuse_request

    ask(client_for(newcomer), kit)
    refuse_request(
        join_request=JoinRequest.objects.get(), actor=editor, answer="Pas encore, merci."
    )
    holders()
    assert "1 réponse à une demande effacée" in HOLDERS["essaimage"].erase(
        editor.email, timezone.now()
    )
    request = JoinRequest.objects.get()
    assert request.answer == "" and request.answered_by is None
