"""Roles inherited from a parent (``roles_from``): a visit takes the roles of its programme,
and a role given on the visit itself adds to them."""

import pytest
from django.contrib.contenttypes.models import ContentType
from django.core.exceptions import ImproperlyConfigured, PermissionDenied
from django.http import Http404

from essaim.roles.models import Perm, Role, roles_at_least
from essaim.roles.permissions import get_object_for
from tests.platform_app.factories import make_programme, make_visit
from tests.platform_app.models import Programme, Visit


@pytest.fixture
def programme(owner, editor, contributor, reader):
    return make_programme(owner=owner, editor=editor, contributor=contributor, reader=reader)


@pytest.fixture
def visit(programme):
    return make_visit(programme, "Saillans")


def test_it_shows_a_visit_to_everyone_with_a_role_on_its_programme(
    visit, owner, editor, contributor, reader, outsider
):
    other = make_visit(make_programme("Autre programme"), "Loos-en-Gohelle")
    for user in (owner, editor, contributor, reader):
        assert list(Visit.objects.visible_to(user)) == [visit]
    assert list(Visit.objects.visible_to(outsider)) == []
    assert other not in Visit.objects.visible_to(reader)


def test_it_gives_on_the_visit_the_permissions_held_on_the_programme(
    visit, owner, editor, contributor, reader, outsider
):
    assert visit.permissions_for(owner) == frozenset(Perm)
    assert visit.permissions_for(editor) == {Perm.VIEW, Perm.CONTRIBUTE, Perm.EDIT}
    assert visit.permissions_for(contributor) == {Perm.VIEW, Perm.CONTRIBUTE}
    assert visit.permissions_for(reader) == {Perm.VIEW}
    assert visit.permissions_for(outsider) == frozenset()
    assert visit.effective_role_of(editor) == Role.EDITOR


def test_a_role_on_the_visit_itself_adds_to_the_programme_s(visit, reader, outsider):
    visit.grant(reader, Role.EDITOR)
    visit.grant(outsider, Role.CONTRIBUTOR)
    fresh = Visit.objects.get(pk=visit.pk)
    assert fresh.permissions_for(reader) == {Perm.VIEW, Perm.CONTRIBUTE, Perm.EDIT}
    assert fresh.effective_role_of(reader) == Role.EDITOR
    assert fresh.permissions_for(outsider) == {Perm.VIEW, Perm.CONTRIBUTE}
    # A role on one visit opens that visit, not the programme's other visits.
    sibling = make_visit(visit.programme, "Crest")
    assert list(Visit.objects.visible_to(outsider)) == [visit]
    assert sibling.permissions_for(outsider) == frozenset()


def test_get_object_for_answers_404_then_403(visit, reader, outsider, contributor):
    queryset = Visit.objects.all()
    assert get_object_for(reader, queryset, pk=visit.pk) == visit
    assert get_object_for(contributor, queryset, Perm.CONTRIBUTE, pk=visit.pk) == visit
    with pytest.raises(PermissionDenied):
        get_object_for(reader, queryset, Perm.CONTRIBUTE, pk=visit.pk)
    with pytest.raises(Http404):
        get_object_for(outsider, queryset, pk=visit.pk)


def test_staff_see_every_visit_that_is_not_confidential(visit, staff):
    assert list(Visit.objects.visible_to(staff)) == [visit]
    assert visit.permissions_for(staff) == frozenset(Perm)


def test_anonymous_visitors_see_nothing(visit, client):
    from django.contrib.auth.models import AnonymousUser

    assert list(Visit.objects.visible_to(AnonymousUser())) == []
    assert visit.permissions_for(AnonymousUser()) == frozenset()


def test_visible_to_is_one_query_whatever_the_number_of_visits(reader, django_assert_num_queries):
    for number in range(6):
        programme = make_programme(f"Programme {number}", reader=reader)
        make_visit(programme, f"Commune {number}")
    make_visit(make_programme("Sans le lecteur"), "Ailleurs")
    ContentType.objects.get_for_models(Programme, Visit)  # the content types are cached
    # 1. the visits whose programme or themselves the reader holds a role on
    with django_assert_num_queries(1):
        visits = list(Visit.objects.visible_to(reader))
    assert len(visits) == 6


def test_the_parent_model_is_resolved_and_checked():
    assert Visit.role_parent_model() is Programme
    with pytest.raises(ImproperlyConfigured):
        Programme.role_parent_model()


def test_roles_at_least_counts_from_the_role_upwards():
    assert roles_at_least(Role.READER) == frozenset(Role)
    assert roles_at_least(Role.CONTRIBUTOR) == {Role.CONTRIBUTOR, Role.EDITOR, Role.OWNER}
    assert roles_at_least(Role.OWNER) == {Role.OWNER}


def test_held_by_takes_any_iterable_of_roles(visit, editor, reader):
    def team():
        yield from (Role.EDITOR, Role.OWNER)

    assert list(Visit.objects.held_by(editor, team())) == [visit]
    assert list(Visit.objects.held_by(reader, team())) == []
    assert list(Visit.objects.held_by(reader)) == [visit]
