"""The transfer kit: written by its experiment's team, published to a public page that shows
only what it should, withdrawn with a reason."""

import html

import pytest
from django.urls import reverse

from essaim.core.models import HistoryEntry
from essaim.core.publication import PublicationStatus
from essaim.scaling.models import KitItem, KitItemKind, TransferKit
from tests.conftest import client_for

pytestmark = pytest.mark.django_db


@pytest.fixture
def kit(editor, experiment) -> TransferKit:
    client_for(editor).post(reverse("scaling:start_kit", args=[experiment.pk]))
    kit = TransferKit.objects.get(experiment=experiment)
    KitItem.objects.create(kit=kit, kind=KitItemKind.CORE, title="Une charte commune signée")
    KitItem.objects.create(
        kit=kit,
        kind=KitItemKind.ADAPTABLE,
        title="Le statut de la société locale",
        guidance="SAS ou SCIC selon les partenaires publics du territoire.",
    )
    KitItem.objects.create(
        kit=kit, kind=KitItemKind.PREREQUISITE, title="Un groupe d'habitants moteur"
    )
    return kit


def edit(client, experiment, **changes):
    url = reverse("scaling:edit_kit", args=[experiment.pk])
    form = client.get(url).context["form"]
    data = {name: form[name].value() or "" for name in form.fields}
    data.update(changes)
    return client.post(url, data)


def test_starting_a_kit_takes_the_framing_of_its_experiment(editor, experiment, kit):
    assert kit.title == experiment.title
    assert kit.publication_status == PublicationStatus.DRAFT
    assert kit.slug == "centrales-villageoises-du-parc-des-baronnies"
    # Starting it again keeps the one there is.
    client_for(editor).post(reverse("scaling:start_kit", args=[experiment.pk]))
    assert TransferKit.objects.count() == 1
    page = client_for(editor).get(reverse("scaling:kit", args=[experiment.pk])).text
    assert "Le socle commun, qui ne change pas" in page
    assert "SAS ou SCIC selon les partenaires publics du territoire." in page


def test_an_editor_writes_the_kit_and_the_history_says_what_changed(editor, experiment, kit):
    response = edit(
        client_for(editor),
        experiment,
        support_offered="Deux journées de formation et un parrain du réseau.",
        charter_kind="charte",
        charter_name="Charte des centrales villageoises",
        fee_amount="150",
        fee_terms="par an et par centrale",
    )
    assert response.status_code == 302
    kit.refresh_from_db()
    assert kit.charter_name == "Charte des centrales villageoises"
    entry = HistoryEntry.objects.of(experiment).filter(verb="kit").first()
    assert entry.summary == "Kit d'essaimage modifié"
    assert "Cotisation (€)" in entry.changes


def test_a_charter_without_a_name_and_a_negative_fee_are_refused(editor, experiment, kit):
    response = edit(
        client_for(editor), experiment, charter_kind="label", charter_name="", fee_amount="-5"
    )
    assert response.status_code == 400
    text = html.unescape(response.text)
    assert "Donnez le nom de la charte, du label ou du contrat." in text
    assert "Une cotisation ne peut pas être négative." in text


def test_the_public_page_exists_only_once_published_and_shows_only_public_fields(
    editor, experiment, kit
):
    TransferKit.objects.filter(pk=kit.pk).update(
        summary="Des habitants produisent leur électricité solaire.",
        contact_name="Association des Centrales Villageoises",
    )
    url = reverse("scaling:public_kit", args=[kit.slug])
    assert client_for(None).get(url).status_code == 404
    assert kit.title not in client_for(None).get(reverse("scaling:public_kits")).text
    client = client_for(editor)
    client.post(reverse("scaling:kit_publication", args=[experiment.pk, "publier"]))
    page = client_for(None).get(url)
    assert page.status_code == 200
    assert "Des habitants produisent leur électricité solaire." in page.text
    assert "Une charte commune signée" in page.text
    assert "Un groupe d&#x27;habitants moteur" in page.text
    assert kit.title in client_for(None).get(reverse("scaling:public_kits")).text
    # Nothing of the experiment behind it: its need, its members, its address in Essaim.
    assert experiment.need not in page.text
    assert reverse("scaling:kit", args=[experiment.pk]) not in page.text
    assert editor.email not in page.text


def test_a_withdrawal_needs_a_reason_and_takes_the_public_page_down(editor, experiment, kit):
    client = client_for(editor)
    client.post(reverse("scaling:kit_publication", args=[experiment.pk, "publier"]))
    url = reverse("scaling:kit_publication", args=[experiment.pk, "retirer"])
    client.post(url, {"reason": ""})
    kit.refresh_from_db()
    assert kit.is_published
    client.post(url, {"reason": "La charte est en cours de révision."})
    kit.refresh_from_db()
    assert kit.publication_status == PublicationStatus.WITHDRAWN
    assert client_for(None).get(reverse("scaling:public_kit", args=[kit.slug])).status_code == 404
    summaries = list(
        HistoryEntry.objects.of(experiment).filter(verb="kit").values_list("summary", flat=True)
    )
    assert (
        "Kit d'essaimage retiré de la publication : La charte est en cours de révision."
        in summaries
    )


def test_readers_read_the_kit_and_may_neither_change_nor_publish_it(
    reader, outsider, experiment, kit
):
    client = client_for(reader)
    assert client.get(reverse("scaling:kit", args=[experiment.pk])).status_code == 200
    assert client.get(reverse("scaling:edit_kit", args=[experiment.pk])).status_code == 403
    publish = reverse("scaling:kit_publication", args=[experiment.pk, "publier"])
    assert client.post(publish).status_code == 403
    assert client.post(reverse("scaling:start_kit", args=[experiment.pk])).status_code == 403
    assert client_for(outsider).get(reverse("scaling:kit", args=[experiment.pk])).status_code == 404
    assert client_for(outsider).post(publish).status_code == 404
    kit.refresh_from_db()
    assert kit.publication_status == PublicationStatus.DRAFT


def test_an_item_is_added_through_the_experiment_s_child_pages(editor, experiment, kit):
    url = reverse("scaling:add_kit_item", args=[experiment.pk, kit.pk])
    response = client_for(editor).post(
        url, {"kind": "socle", "title": "Une gouvernance citoyenne : une personne, une voix"}
    )
    assert response.status_code == 302
    assert kit.items.filter(title__startswith="Une gouvernance citoyenne").exists()
    refused = client_for(editor).post(url, {"kind": "socle", "title": "Deux\nlignes"})
    assert refused.status_code == 200
    assert "doit tenir sur une ligne" in html.unescape(refused.text)
    assert not kit.items.filter(title__startswith="Deux").exists()


def test_the_fee_is_typed_and_shown_with_a_decimal_comma(editor, experiment, kit):
    from decimal import Decimal

    TransferKit.objects.filter(pk=kit.pk).update(fee_amount=Decimal("200.00"))
    form = client_for(editor).get(reverse("scaling:edit_kit", args=[experiment.pk])).text
    assert 'value="200,00"' in form
    assert edit(client_for(editor), experiment, fee_amount="150,50").status_code == 302
    kit.refresh_from_db()
    assert kit.fee_amount == Decimal("150.50")
