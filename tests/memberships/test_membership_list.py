"""The list of members: only the types one manages, filters, counts, pagination, queries."""

from decimal import Decimal

import pytest
from django.urls import reverse

from essaim.memberships.models import MemberKind, Status
from essaim.roles.models import Role
from tests.conftest import client_for
from tests.memberships.conftest import THIS_YEAR, paid
from tests.memberships.factories import MembershipFactory, MembershipTypeFactory
from tests.organisations.factories import OrganisationFactory

pytestmark = pytest.mark.django_db

URL = reverse("memberships:list")


def test_it_requires_login(client):
    response = client.get(URL)
    assert response.status_code == 302
    assert response["Location"].startswith(reverse("accounts:login"))


def test_it_refuses_post(reader, individual_type):
    assert client_for(reader).post(URL).status_code == 405


def test_it_lists_only_the_members_of_the_types_one_manages(reader, individual_type):
    paid(individual_type, last_name="Vincent", first_name="Pascale")
    other_type = MembershipTypeFactory(name="Adhésion d'un autre centre")
    paid(other_type, last_name="Ailleurs")

    text = client_for(reader).get(URL).text

    assert "Pascale Vincent" in text
    assert "Ailleurs" not in text
    assert "1 adhésion" in text


def test_an_outsider_sees_an_invitation_to_create_a_type(outsider, individual_type):
    paid(individual_type, last_name="Vincent")
    text = client_for(outsider).get(URL).text
    assert "Vincent" not in text
    assert "Aucun type d'adhésion pour l'instant" in text


def test_staff_see_every_type(staff, individual_type):
    paid(individual_type, last_name="Vincent")
    assert "Vincent" in client_for(staff).get(URL).text


def test_it_shows_this_year_by_default_with_its_counts(reader, individual_type, collectivity_type):
    paid(individual_type, last_name="Payée", amount=Decimal("30"))
    paid(
        collectivity_type,
        organisation=OrganisationFactory(name="Commune de Die"),
        amount=Decimal("120.50"),
        email="",
        first_name="",
        last_name="",
    )
    MembershipFactory(
        membership_type=individual_type, last_name="Attente", status=Status.PENDING, paid_on=None
    )
    paid(individual_type, year=THIS_YEAR - 1, last_name="Ancienne", status=Status.EXPIRED)

    response = client_for(reader).get(URL)

    text = response.text
    assert f"<h1>Adhésions {THIS_YEAR}</h1>" in text
    assert "Commune de Die" in text and "Attente" in text
    assert "Ancienne" not in text
    assert response.context["counts"] == {
        "total": 3,
        "paid": 2,
        "pending": 1,
        "expired": 0,
        "received": Decimal("150.50"),
    }
    assert "150,50\u00a0€" in text


def test_the_fees_received_of_a_past_year_count_its_expired_memberships(reader, individual_type):
    paid(individual_type, year=THIS_YEAR - 1, status=Status.EXPIRED, amount=Decimal("30"))
    MembershipFactory(
        membership_type=individual_type,
        year=THIS_YEAR - 1,
        status=Status.EXPIRED,
        paid_on=None,
        amount=Decimal("30"),
    )

    response = client_for(reader).get(URL, {"year": THIS_YEAR - 1})

    assert response.context["counts"]["expired"] == 2
    assert response.context["counts"]["received"] == Decimal("30")


def test_it_filters_by_type_status_and_search(reader, individual_type, collectivity_type):
    paid(individual_type, last_name="Vincent", email="pascale@example.org")
    MembershipFactory(
        membership_type=individual_type, last_name="Thou", status=Status.PENDING, paid_on=None
    )
    paid(collectivity_type, organisation=OrganisationFactory(name="Commune de Saillans"))
    client = client_for(reader)

    def names(**query):
        response = client.get(URL, query)
        return sorted(m.member_name.split()[-1] for m in response.context["page"].object_list)

    assert names(type=collectivity_type.pk) == ["Saillans"]
    assert names(status=Status.PENDING) == ["Thou"]
    assert names(q="pascale") == ["Vincent"]
    assert names(q="commune saillans") == ["Saillans"]
    assert names(year="toutes") == ["Saillans", "Thou", "Vincent"]


def test_the_counts_ignore_the_status_filter(reader, individual_type):
    paid(individual_type)
    MembershipFactory(membership_type=individual_type, status=Status.PENDING, paid_on=None)
    response = client_for(reader).get(URL, {"status": Status.PENDING})
    assert len(response.context["page"].object_list) == 1
    assert response.context["counts"]["paid"] == 1


def test_a_type_outside_ones_roles_is_refused_as_a_filter(reader, individual_type):
    other_type = MembershipTypeFactory(name="Adhésion d'un autre centre")
    paid(other_type, last_name="Ailleurs")
    response = client_for(reader).get(URL, {"type": other_type.pk})
    assert "Ailleurs" not in response.text
    assert response.context["form"].errors["type"]


def test_pending_rows_offer_the_payment_to_editors_only(editor, reader, pending_membership):
    link = reverse("memberships:record_payment", args=[pending_membership.pk])
    assert link in client_for(editor).get(URL).text
    assert link not in client_for(reader).get(URL).text


def test_it_links_the_membership_form(reader, individual_type):
    assert reverse("memberships:application_form") in client_for(reader).get(URL).text


def test_it_paginates(reader, individual_type):
    MembershipFactory.create_batch(55, membership_type=individual_type)
    client = client_for(reader)
    first = client.get(URL)
    assert len(first.context["page"].object_list) == 50
    assert "Page 1 sur 2" in first.text
    assert len(client.get(URL, {"page": 2}).context["page"].object_list) == 5


@pytest.mark.parametrize("rows", [1, 40])
def test_its_queries_do_not_grow_with_rows(
    rows, editor, individual_type, collectivity_type, django_assert_max_num_queries
):
    for index in range(rows):
        paid(
            collectivity_type,
            organisation=OrganisationFactory(),
            bracket=collectivity_type.brackets.first(),
            email="",
        )
        MembershipFactory(
            membership_type=individual_type,
            status=Status.PENDING,
            paid_on=None,
            note=f"Relancée {index}",
        )
    client = client_for(editor)
    # session, user, the types for the filter's choices, the years, the type chosen (none),
    # the counts, the page count, the page of rows, the types the user may edit, the choices
    # of types rendered in the filter form, has_types.
    with django_assert_max_num_queries(10):
        response = client.get(URL)
    assert response.status_code == 200
    assert len(response.context["page"].object_list) == min(2 * rows, 50)


def test_a_person_type_and_an_organisation_type_read_alike(reader, collectivity_type):
    assert collectivity_type.member_kind == MemberKind.ORGANISATION
    organisation = OrganisationFactory(name="Communauté de communes du Diois")
    paid(collectivity_type, organisation=organisation, first_name="Claire", last_name="Rey")
    text = client_for(reader).get(URL).text
    assert "Communauté de communes du Diois" in text


def test_a_reader_of_one_type_and_editor_of_another_sees_both(outsider, individual_type):
    other_type = MembershipTypeFactory(name="Adhésion de soutien")
    other_type.grant(outsider, Role.EDITOR)
    individual_type.grant(outsider, Role.READER)
    paid(other_type, last_name="Soutien")
    paid(individual_type, last_name="Individuel")
    text = client_for(outsider).get(URL).text
    assert "Soutien" in text and "Individuel" in text


def test_a_year_not_on_offer_falls_back_to_this_year(reader, individual_type):
    paid(individual_type, year=THIS_YEAR - 3, last_name="Lointaine")
    response = client_for(reader).get(URL, {"year": "1850"})
    assert response.context["year"] == THIS_YEAR
    assert "Lointaine" not in response.text
