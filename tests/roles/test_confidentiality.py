"""Confidential rows (``confidential_to``): the interview notes of a visit are seen by the
programme's team — contributors and above — and by nobody else: not its readers, not staff or
superusers outside the team. Every path is checked: page, queryset, admin, export."""

import pytest
from django.contrib.contenttypes.models import ContentType
from django.urls import reverse

from essaim.roles.models import Perm, Role
from essaim.roles.permissions import ConfidentialityError, assert_confidential_respected
from tests.conftest import client_for
from tests.platform_app.factories import make_note, make_programme, make_visit
from tests.platform_app.models import InterviewNote, NoteExcerpt, OwnersOnlyMemo, Programme, Visit

SECRET = "Le maire refuse de financer la suite"

pytestmark = pytest.mark.urls("tests.platform_app.urls")


@pytest.fixture
def programme(owner, editor, contributor, reader):
    return make_programme(owner=owner, editor=editor, contributor=contributor, reader=reader)


@pytest.fixture
def note(programme):
    return make_note(make_visit(programme), SECRET)


def test_the_queryset_shows_notes_to_the_team_only(
    note, owner, editor, contributor, reader, outsider, staff
):
    for user in (owner, editor, contributor):
        assert list(InterviewNote.objects.visible_to(user)) == [note]
    for user in (reader, outsider, staff):
        assert list(InterviewNote.objects.visible_to(user)) == []
    # The reader still sees the visit itself.
    assert list(Visit.objects.visible_to(reader)) == [note.visit]


def test_permissions_on_a_note_come_from_the_team_roles_only(note, editor, reader, staff):
    assert note.permissions_for(editor) == {Perm.VIEW, Perm.CONTRIBUTE, Perm.EDIT}
    assert note.permissions_for(reader) == frozenset()
    assert note.permissions_for(staff) == frozenset()


def test_the_page_is_a_404_outside_the_team(note, contributor, reader, outsider, staff, client):
    url = reverse("platform_app:note", args=[note.pk])
    response = client_for(contributor).get(url)
    assert response.status_code == 200
    assert SECRET in response.content.decode()
    for user in (reader, outsider, staff):
        response = client_for(user).get(url)
        assert response.status_code == 404
        assert SECRET not in response.content.decode()
    assert client.get(url).status_code == 302


def test_a_role_given_on_the_note_itself_opens_it(note, reader, outsider):
    note.grant(outsider, Role.CONTRIBUTOR)
    note.grant(reader, Role.READER)  # below the threshold: still closed
    assert list(InterviewNote.objects.visible_to(outsider)) == [note]
    assert list(InterviewNote.objects.visible_to(reader)) == []
    assert InterviewNote.objects.get(pk=note.pk).permissions_for(outsider) == {
        Perm.VIEW,
        Perm.CONTRIBUTE,
    }


def test_staff_in_the_team_see_the_note(note, staff):
    note.visit.programme.grant(staff, Role.CONTRIBUTOR)
    assert list(InterviewNote.objects.visible_to(staff)) == [note]


def test_the_admin_hides_notes_from_superusers_outside_the_team(note, staff):
    changelist = reverse("admin:platform_app_interviewnote_changelist")
    change = reverse("admin:platform_app_interviewnote_change", args=[note.pk])
    response = client_for(staff).get(changelist)
    assert response.status_code == 200
    assert SECRET not in response.content.decode()
    assert "0 interview notes" in response.content.decode()
    response = client_for(staff).get(changelist, {"q": "maire"})
    assert SECRET not in response.content.decode()
    response = client_for(staff).get(change)
    assert response.status_code == 302  # the admin says the row does not exist
    assert SECRET not in client_for(staff).get(change, follow=True).content.decode()

    note.visit.programme.grant(staff, Role.EDITOR)
    assert SECRET in client_for(staff).get(changelist).content.decode()
    assert client_for(staff).get(change).status_code == 200


def test_the_export_lists_only_what_the_team_may_see(note, contributor, reader, staff):
    url = reverse("platform_app:notes_export")
    assert SECRET in client_for(contributor).get(url).content.decode()
    for user in (reader, staff):
        response = client_for(user).get(url)
        assert response.status_code == 200
        assert SECRET not in response.content.decode()


def test_the_guard_refuses_rows_their_recipient_may_not_see(
    note, contributor, reader, django_assert_num_queries
):
    other = make_note(note.visit, "Deuxième entretien")
    rows = [note, other, note.visit]
    ContentType.objects.get_for_models(InterviewNote, Visit, NoteExcerpt)
    # 1. the notes among them the contributor may see  2. the visits
    with django_assert_num_queries(2):
        assert_confidential_respected(contributor, rows)
    with pytest.raises(ConfidentialityError, match="n'a pas le droit de voir"):
        assert_confidential_respected(reader, rows)
    assert_confidential_respected(reader, [note.visit])


def test_rows_under_a_confidential_row_follow_its_rule(note, contributor, reader, staff):
    excerpt = NoteExcerpt.objects.create(note=note, quote="« On ne suivra pas »")
    assert list(NoteExcerpt.objects.visible_to(contributor)) == [excerpt]
    assert list(NoteExcerpt.objects.visible_to(reader)) == []
    assert list(NoteExcerpt.objects.visible_to(staff)) == []
    assert excerpt.permissions_for(staff) == frozenset()
    assert excerpt.permissions_for(contributor) == {Perm.VIEW, Perm.CONTRIBUTE}


def test_a_row_may_be_confidential_to_one_named_role(programme, owner, editor):
    memo = OwnersOnlyMemo.objects.create(programme=programme, text="Bilan financier")
    assert list(OwnersOnlyMemo.objects.visible_to(owner)) == [memo]
    assert list(OwnersOnlyMemo.objects.visible_to(editor)) == []
    assert memo.permissions_for(editor) == frozenset()


def test_visible_to_is_one_query_through_two_parents(
    contributor, reader, django_assert_num_queries
):
    for number in range(5):
        visit = make_visit(make_programme(f"Programme {number}", contributor=contributor))
        make_note(visit, f"Entretien {number}")
    make_note(make_visit(make_programme("Autre", reader=contributor)), "Lecteur seulement")
    ContentType.objects.get_for_models(InterviewNote, Visit, Programme)
    # 1. the notes held by the contributor through the note, its visit or its programme
    with django_assert_num_queries(1):
        notes = list(InterviewNote.objects.visible_to(contributor))
    assert len(notes) == 5
