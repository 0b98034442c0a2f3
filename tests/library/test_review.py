"""Review and publication: the authors ask, the library's editors publish or send back with
private remarks; withdrawal with a reason, then back to draft. E-mails and history follow."""

import pytest
from django.core import mail
from django.urls import reverse

from essaim.core.models import HistoryEntry
from essaim.library.models import ExperienceSheet
from essaim.roles.models import Role
from tests.conftest import client_for
from tests.library.conftest import make_sheet


@pytest.fixture
def draft(referential, owner, editor) -> ExperienceSheet:
    sheet = make_sheet("Une épicerie itinérante", published=False, owner=owner)
    sheet.grant(editor, Role.EDITOR)
    return sheet


def act(user, sheet, action: str, **data):
    url = reverse("library:sheet_publication", args=[sheet.pk, action])
    return client_for(user).post(url, data, follow=True)


def ask(user, sheet):
    return client_for(user).post(reverse("library:ask_review", args=[sheet.pk]), follow=True)


def test_asking_for_review_tells_the_editors_and_fills_their_queue(
    draft, owner, library_editor, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        ask(owner, draft)
    draft.refresh_from_db()
    assert draft.review_requested_at is not None
    assert [message.to for message in mail.outbox] == [[library_editor.email]]
    assert "« Une épicerie itinérante »" in mail.outbox[0].subject
    assert f"/bibliotheque/fiches/{draft.pk}/" in mail.outbox[0].body
    queue = client_for(library_editor).get(reverse("library:review_queue")).text
    assert "Une épicerie itinérante" in queue
    assert HistoryEntry.objects.of(draft).filter(verb="review").exists()
    # Asked once.
    assert "déjà demandée" in ask(owner, draft).text


def test_an_editor_publishes_and_the_owners_are_told(
    draft, owner, library_editor, django_capture_on_commit_callbacks
):
    ask(owner, draft)
    with django_capture_on_commit_callbacks(execute=True):
        response = act(library_editor, draft, "publier")
    assert "La fiche est publiée" in response.text
    draft.refresh_from_db()
    assert draft.is_published and draft.review_requested_at is None
    assert mail.outbox[-1].to == [owner.email]
    assert draft.get_public_url() in mail.outbox[-1].body
    assert HistoryEntry.objects.of(draft).filter(verb="published").get().actor == library_editor
    assert client_for(None).get(draft.get_public_url()).status_code == 200
    assert (
        "Une épicerie itinérante"
        not in client_for(library_editor).get(reverse("library:review_queue")).text
    )


@pytest.mark.parametrize("author", ["owner", "editor"])
def test_authors_who_are_not_library_editors_cannot_publish(draft, author, request):
    user = request.getfixturevalue(author)
    page = client_for(user).get(reverse("library:sheet", args=[draft.pk])).text
    assert "Publier la fiche" not in page
    url = reverse("library:sheet_publication", args=[draft.pk, "publier"])
    assert client_for(user).post(url).status_code == 403
    draft.refresh_from_db()
    assert not draft.is_published


def test_an_editor_sends_the_sheet_back_with_private_remarks(
    draft, owner, library_editor, django_capture_on_commit_callbacks
):
    ask(owner, draft)
    assert "Dites aux auteurs" in act(library_editor, draft, "renvoyer", note=" ").text
    with django_capture_on_commit_callbacks(execute=True):
        act(library_editor, draft, "renvoyer", note="Précisez les chiffres de 2022.")
    draft.refresh_from_db()
    assert draft.review_note == "Précisez les chiffres de 2022."
    assert draft.review_requested_at is None and not draft.is_published
    assert mail.outbox[-1].to == [owner.email]
    assert "Précisez les chiffres de 2022." in mail.outbox[-1].body
    page = client_for(owner).get(reverse("library:sheet", args=[draft.pk])).text
    assert "Précisez les chiffres de 2022." in page and "Demander la relecture" in page
    assert (
        client_for(owner)
        .post(reverse("library:sheet_publication", args=[draft.pk, "renvoyer"]), {"note": "x"})
        .status_code
        == 403
    )


def test_a_published_sheet_is_withdrawn_with_a_reason_then_redrafted(draft, owner, library_editor):
    act(library_editor, draft, "publier")
    assert "Indiquez le motif du retrait." in act(owner, draft, "retirer", reason="").text
    draft.refresh_from_db()
    assert draft.is_published

    act(owner, draft, "retirer", reason="Le territoire le demande")
    draft.refresh_from_db()
    assert draft.publication_status == "withdrawn"
    assert draft.withdrawal_reason == "Le territoire le demande"
    assert client_for(None).get(draft.get_public_url()).status_code == 404

    act(owner, draft, "brouillon")
    draft.refresh_from_db()
    assert draft.publication_status == "draft"
    verbs = list(HistoryEntry.objects.of(draft).values_list("verb", flat=True))
    assert verbs[:3] == ["redrafted", "withdrawn", "published"]


def test_a_withdrawn_sheet_is_published_again_only_by_an_editor(draft, owner, library_editor):
    act(library_editor, draft, "publier")
    act(owner, draft, "retirer", reason="Erreur de chiffres")
    url = reverse("library:sheet_publication", args=[draft.pk, "publier"])
    assert client_for(owner).post(url).status_code == 403
    act(library_editor, draft, "publier")
    draft.refresh_from_db()
    assert draft.is_published


def test_the_queue_is_the_editors_alone(draft, owner, outsider):
    url = reverse("library:review_queue")
    assert client_for(owner).get(url).status_code == 403
    assert client_for(outsider).get(url).status_code == 403
    assert client_for(None).get(url).status_code == 302


def test_an_unknown_action_changes_nothing(draft, library_editor):
    assert "Action inconnue." in act(library_editor, draft, "effacer").text
    draft.refresh_from_db()
    assert draft.publication_status == "draft"


def test_publishing_twice_is_refused_on_the_locked_row(draft, library_editor):
    """Two editors publish at once: the second, on a copy loaded before the first published,
    is refused on the row as it is now, and the history holds one publication."""
    from essaim.core.publication import PublicationError
    from essaim.library.services.review import publish_sheet

    stale = ExperienceSheet.objects.get(pk=draft.pk)
    publish_sheet(sheet=draft, actor=library_editor)

    with pytest.raises(PublicationError, match="Impossible de passer de l'état « publié »"):
        publish_sheet(sheet=stale, actor=library_editor)
    assert HistoryEntry.objects.of(draft).filter(verb="published").count() == 1


def test_a_withdrawal_on_a_stale_copy_is_refused_once_redrafted(draft, owner, library_editor):
    from essaim.core.publication import PublicationError
    from essaim.library.services.review import redraft_sheet, withdraw_sheet

    act(library_editor, draft, "publier")
    stale = ExperienceSheet.objects.get(pk=draft.pk)
    act(owner, draft, "retirer", reason="Le territoire le demande")
    redraft_sheet(sheet=ExperienceSheet.objects.get(pk=draft.pk), actor=owner)

    with pytest.raises(PublicationError):
        withdraw_sheet(sheet=stale, actor=owner, reason="Encore")
    assert HistoryEntry.objects.of(draft).filter(verb="withdrawn").count() == 1


def edit(user, sheet, **changes):
    from tests.library.test_sheets import form_data

    url = reverse("library:edit_sheet", args=[sheet.pk])
    return client_for(user).post(url, form_data(sheet, **changes))


def test_a_published_sheet_changed_by_its_team_goes_back_to_review(
    draft, owner, library_editor, django_capture_on_commit_callbacks
):
    act(library_editor, draft, "publier")
    draft.refresh_from_db()
    mail.outbox.clear()

    with django_capture_on_commit_callbacks(execute=True):
        assert edit(owner, draft, learned="Une coquille corrigée").status_code == 302
    draft.refresh_from_db()
    # Still published, with its correction; its review is asked again.
    assert draft.is_published and draft.learned == "Une coquille corrigée"
    assert draft.review_requested_at > draft.published_at
    assert [message.to for message in mail.outbox] == [[library_editor.email]]
    assert "« Une épicerie itinérante »" in mail.outbox[0].subject
    assert ExperienceSheet.objects.to_review().filter(pk=draft.pk).exists()
    queue = client_for(library_editor).get(reverse("library:review_queue")).text
    assert "Une épicerie itinérante" in queue
    page = client_for(owner).get(reverse("library:sheet", args=[draft.pk])).text
    assert "odifiée depuis la relecture" in page

    # A second save does not write to the editors again.
    with django_capture_on_commit_callbacks(execute=True):
        edit(owner, draft, learned="Une autre coquille corrigée")
    assert len(mail.outbox) == 1

    # The editor approves the changes: out of the queue, still published.
    editor_page = client_for(library_editor).get(reverse("library:sheet", args=[draft.pk])).text
    assert "Valider les modifications" in editor_page
    act(library_editor, draft, "publier")
    draft.refresh_from_db()
    assert draft.is_published and draft.review_requested_at is None
    assert not ExperienceSheet.objects.to_review().filter(pk=draft.pk).exists()
    assert HistoryEntry.objects.of(draft).filter(verb="published").count() == 1


def test_a_published_sheet_changed_by_a_library_editor_needs_no_review(draft, library_editor):
    act(library_editor, draft, "publier")
    draft.refresh_from_db()
    assert edit(library_editor, draft, learned="Relu et corrigé").status_code == 302
    draft.refresh_from_db()
    assert draft.review_requested_at is None
    assert not ExperienceSheet.objects.to_review().exists()
