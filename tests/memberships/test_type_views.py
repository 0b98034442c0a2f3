"""Membership types: created with their brackets by anyone with an account (who becomes owner),
changed by their editors, shared through the members page."""

from decimal import Decimal

import pytest
from django.urls import reverse

from essaim.memberships.models import FeeBracket, MemberKind, MembershipType
from essaim.roles.models import Invitation, Role
from tests.conftest import client_for
from tests.memberships.conftest import paid
from tests.memberships.factories import FeeBracketFactory, MembershipTypeFactory
from tests.organisations.factories import OrganisationFactory

pytestmark = pytest.mark.django_db

CREATE = reverse("memberships:type_create")


def type_data(brackets=(), existing=(), **fields):
    """The posted form: the type's fields, then its brackets (existing ones first)."""
    data = {
        "name": "Adhésion des collectivités",
        "member_kind": MemberKind.ORGANISATION,
        "organiser": "",
        "fee": "",
        "description": "Pour les communes et leurs groupements.",
        "active": "on",
        "payment_instructions": "Par mandat administratif.",
        "send_to": "Cap Rural\n26400 Crest",
        "contact_email": "adhesions@example.org",
        "reminder_day": "15",
        "reminder_month": "1",
        **fields,
    }
    rows = [*existing, *brackets]
    total = len(rows)
    data.update(
        {
            "tranches-TOTAL_FORMS": str(total),
            "tranches-INITIAL_FORMS": str(len(existing)),
            "tranches-MIN_NUM_FORMS": "0",
            "tranches-MAX_NUM_FORMS": "1000",
        }
    )
    for index, row in enumerate(rows):
        for key, value in row.items():
            data[f"tranches-{index}-{key}"] = value
    return data


def test_anyone_with_an_account_creates_a_type_and_owns_it(outsider):
    cap_rural = OrganisationFactory(name="Cap Rural")
    data = type_data(
        organiser=cap_rural.pk,
        brackets=[
            {"label": "Communes de moins de 1 000 habitants", "fee": "50"},
            {"label": "Communes de 1 000 à 5 000 habitants", "fee": "120,50"},
            {"label": "", "fee": ""},
        ],
    )
    response = client_for(outsider).post(CREATE, data, follow=True)

    assert response.redirect_chain == [(reverse("memberships:type_list"), 302)]
    assert "« Adhésion des collectivités » est créé." in response.text
    membership_type = MembershipType.objects.get()
    assert membership_type.role_of(outsider) == Role.OWNER
    assert membership_type.organiser == cap_rural
    assert [(b.label, b.fee, b.position) for b in membership_type.brackets.all()] == [
        ("Communes de moins de 1 000 habitants", Decimal("50.00"), 0),
        ("Communes de 1 000 à 5 000 habitants", Decimal("120.50"), 1),
    ]


def test_a_type_needs_a_fee_or_a_bracket(outsider):
    response = client_for(outsider).post(CREATE, type_data(brackets=[{"label": "", "fee": ""}]))
    assert response.status_code == 200
    assert response.context["form"].errors["fee"] == [
        "Indiquez une cotisation annuelle, ou décrivez au moins une tranche."
    ]
    assert 'value="Adhésion des collectivités"' in response.text
    assert not MembershipType.objects.exists()


@pytest.mark.parametrize(
    ("fields", "field", "message"),
    [
        ({"fee": "-10"}, "fee", "Le montant ne peut pas être négatif."),
        ({"fee": "trente"}, "fee", "Indiquez un montant en euros, par exemple 50 ou 120,50."),
        (
            {"fee": "30", "reminder_day": "30", "reminder_month": "2"},
            "reminder_day",
            "Ce mois compte 28 jours : choisissez un jour qui existe chaque année.",
        ),
    ],
)
def test_bad_input_is_explained_in_french(outsider, fields, field, message):
    response = client_for(outsider).post(CREATE, type_data(**fields))
    assert response.context["form"].errors[field] == [message]
    assert not MembershipType.objects.exists()


def test_a_bracket_needs_its_fee(outsider):
    data = type_data(brackets=[{"label": "Communes de moins de 1 000 habitants", "fee": ""}])
    response = client_for(outsider).post(CREATE, data)
    assert response.context["brackets"].forms[0].errors["fee"]
    assert not MembershipType.objects.exists()


def existing_rows(membership_type, changes):
    return [
        {"id": str(b.pk), "label": b.label, "fee": str(b.fee), **changes.get(b.pk, {})}
        for b in membership_type.brackets.order_by("position", "pk")
    ]


def test_editors_change_a_type_and_its_brackets(editor, collectivity_type):
    small, large = collectivity_type.brackets.order_by("position")
    data = type_data(
        name="Adhésion des communes",
        existing=existing_rows(
            collectivity_type, {small.pk: {"fee": "55"}, large.pk: {"DELETE": "on"}}
        ),
        brackets=[{"label": "Communes de plus de 5 000 habitants", "fee": "250"}],
    )
    url = reverse("memberships:type_edit", args=[collectivity_type.pk])
    response = client_for(editor).post(url, data)

    assert response.status_code == 302
    collectivity_type.refresh_from_db()
    assert collectivity_type.name == "Adhésion des communes"
    assert [(b.label, b.fee) for b in collectivity_type.brackets.all()] == [
        ("Communes de moins de 1 000 habitants", Decimal("55.00")),
        ("Communes de plus de 5 000 habitants", Decimal("250.00")),
    ]


def test_a_bracket_in_use_cannot_be_deleted(editor, collectivity_type):
    small = collectivity_type.brackets.order_by("position").first()
    paid(collectivity_type, organisation=OrganisationFactory(), bracket=small)
    data = type_data(existing=existing_rows(collectivity_type, {small.pk: {"DELETE": "on"}}))
    url = reverse("memberships:type_edit", args=[collectivity_type.pk])
    response = client_for(editor).post(url, data)

    assert response.status_code == 200
    assert "compte déjà des adhésions" in response.text
    assert FeeBracket.objects.filter(pk=small.pk).exists()


def test_the_list_of_types_shows_fees_brackets_and_links_by_role(
    reader, owner, individual_type, collectivity_type
):
    text = client_for(reader).get(reverse("memberships:type_list")).text
    assert "Communes de moins de 1 000 habitants : 50\u00a0€" in text
    assert "30\u00a0€ par an" in text
    assert reverse("memberships:type_edit", args=[individual_type.pk]) not in text
    owners_text = client_for(owner).get(reverse("memberships:type_list")).text
    assert reverse("memberships:type_edit", args=[individual_type.pk]) in owners_text
    assert reverse("memberships:type_members", args=[individual_type.pk]) in owners_text


def test_the_owner_invites_a_colleague_to_manage_the_type(
    owner, individual_type, mailoutbox, django_capture_on_commit_callbacks
):
    url = reverse("memberships:type_members", args=[individual_type.pk])
    with django_capture_on_commit_callbacks(execute=True):
        response = client_for(owner).post(
            url, {"action": "add", "add-email": "tresoriere@example.org", "add-role": "editor"}
        )
    assert response.status_code == 302
    invitation = Invitation.objects.get()
    assert (invitation.target, invitation.role) == (individual_type, Role.EDITOR)
    assert mailoutbox[0].to == ["tresoriere@example.org"]
    assert "Adhésion individuelle" in mailoutbox[0].subject


def test_a_member_added_is_told_where_to_find_the_members(
    owner, outsider, individual_type, mailoutbox, django_capture_on_commit_callbacks
):
    url = reverse("memberships:type_members", args=[individual_type.pk])
    with django_capture_on_commit_callbacks(execute=True):
        client_for(owner).post(
            url, {"action": "add", "add-email": outsider.email, "add-role": "reader"}
        )
    assert individual_type.get_absolute_url() in mailoutbox[0].body
    assert client_for(outsider).get(individual_type.get_absolute_url()).status_code == 200


@pytest.mark.parametrize("count", [1, 15])
def test_the_list_of_types_queries_do_not_grow(count, outsider, django_assert_max_num_queries):
    for _ in range(count):
        membership_type = MembershipTypeFactory(fee=None)
        FeeBracketFactory.create_batch(2, membership_type=membership_type)
        membership_type.grant(outsider, Role.EDITOR)
        paid(membership_type, organisation=OrganisationFactory())
    client = client_for(outsider)
    # session, user, the types with their role and counts, their brackets
    with django_assert_max_num_queries(4):
        response = client.get(reverse("memberships:type_list"))
    assert len(response.context["types"]) == count
