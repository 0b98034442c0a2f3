"""Every private page of memberships: anonymous people are sent to the login page, outsiders
find nothing (404), readers read but do not change (403), editors change, staff see all."""

import pytest
from django.urls import reverse

from essaim.memberships.models import Status
from tests.conftest import client_for
from tests.memberships.conftest import paid
from tests.memberships.factories import MembershipFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def paid_membership(individual_type):
    return paid(individual_type, receipt_number="2026-0001")


# (url name, needs a membership (m) or a type (t) or nothing, method, who may)
READ = [
    ("memberships:detail", "m", "get"),
    ("memberships:receipt_pdf", "m", "get"),
]
CHANGE = [
    ("memberships:edit", "m", "get"),
    ("memberships:edit", "m", "post"),
    ("memberships:record_payment", "m", "get"),
    ("memberships:record_payment", "m", "post"),
    ("memberships:renew", "m", "post"),
    ("memberships:expire", "m", "post"),
    ("memberships:type_edit", "t", "get"),
    ("memberships:type_edit", "t", "post"),
]
MANAGE = [
    ("memberships:type_members", "t", "get"),
    ("memberships:type_members", "t", "post"),
]
ANY_ACCOUNT = [
    ("memberships:list", "", "get"),
    ("memberships:export_csv", "", "get"),
    ("memberships:export_xlsx", "", "get"),
    ("memberships:type_list", "", "get"),
    ("memberships:type_create", "", "get"),
    ("memberships:create", "", "get"),
]


def url_of(name, needs, membership):
    if needs == "m":
        return reverse(name, args=[membership.pk])
    if needs == "t":
        return reverse(name, args=[membership.membership_type.pk])
    return reverse(name)


def call(user, method, url):
    return getattr(client_for(user), method)(url)


@pytest.mark.parametrize(("name", "needs", "method"), READ + CHANGE + MANAGE + ANY_ACCOUNT)
def test_anonymous_people_are_sent_to_the_login_page(name, needs, method, paid_membership):
    response = call(None, method, url_of(name, needs, paid_membership))
    assert response.status_code == 302
    assert response["Location"].startswith(reverse("accounts:login"))


@pytest.mark.parametrize(("name", "needs", "method"), READ + CHANGE + MANAGE)
def test_outsiders_find_nothing(name, needs, method, paid_membership, outsider):
    assert call(outsider, method, url_of(name, needs, paid_membership)).status_code == 404


@pytest.mark.parametrize(("name", "needs", "method"), READ)
def test_readers_read(name, needs, method, paid_membership, reader):
    assert call(reader, method, url_of(name, needs, paid_membership)).status_code == 200


@pytest.mark.parametrize(("name", "needs", "method"), CHANGE + MANAGE)
def test_readers_and_contributors_change_nothing(
    name, needs, method, paid_membership, reader, contributor
):
    url = url_of(name, needs, paid_membership)
    assert call(reader, method, url).status_code == 403
    assert call(contributor, method, url).status_code == 403
    paid_membership.refresh_from_db()
    assert paid_membership.status == Status.PAID


@pytest.mark.parametrize(("name", "needs", "method"), MANAGE)
def test_editors_do_not_manage_who_manages(name, needs, method, paid_membership, editor):
    assert call(editor, method, url_of(name, needs, paid_membership)).status_code == 403


@pytest.mark.parametrize(
    ("name", "needs"), [(name, needs) for name, needs, method in CHANGE if method == "get"]
)
def test_editors_and_staff_open_the_forms(name, needs, individual_type, editor, staff):
    membership = MembershipFactory(
        membership_type=individual_type, status=Status.PENDING, paid_on=None
    )
    url = url_of(name, needs, membership)
    assert call(editor, "get", url).status_code == 200
    assert call(staff, "get", url).status_code == 200


def test_owners_manage_who_manages(paid_membership, owner):
    url = reverse("memberships:type_members", args=[paid_membership.membership_type.pk])
    assert client_for(owner).get(url).status_code == 200


@pytest.mark.parametrize(("name", "needs", "method"), ANY_ACCOUNT)
def test_any_account_opens_the_common_pages(name, needs, method, paid_membership, outsider):
    assert call(outsider, method, url_of(name, needs, paid_membership)).status_code == 200


def test_an_export_by_an_outsider_holds_no_one(paid_membership, outsider):
    response = client_for(outsider).get(reverse("memberships:export_csv"))
    assert paid_membership.email not in response.content.decode("utf-8-sig")
