"""The filtered list of members exported, and read back as a spreadsheet would read it."""

import csv
import datetime
import io
from decimal import Decimal

import pytest
from django.urls import reverse
from openpyxl import load_workbook

from essaim.memberships.models import PaymentMethod, Status
from tests.conftest import client_for
from tests.memberships.conftest import THIS_YEAR
from tests.memberships.factories import MembershipFactory, MembershipTypeFactory
from tests.organisations.factories import OrganisationFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def members(individual_type, collectivity_type):
    MembershipFactory(
        membership_type=individual_type,
        first_name="Pascale",
        last_name="Vincent",
        email="pascale@example.org",
        postal_address="Ciedel\n69007 Lyon",
        amount=Decimal("30.00"),
        paid_on=datetime.date(THIS_YEAR, 1, 20),
        payment_method=PaymentMethod.TRANSFER,
        payment_reference='=HYPERLINK("http://example.org")',
        receipt_number=f"{THIS_YEAR}-0001",
    )
    MembershipFactory(
        membership_type=collectivity_type,
        organisation=OrganisationFactory(name="Commune de Saillans"),
        first_name="Claire",
        last_name="Rey",
        email="mairie@example.org",
        bracket=collectivity_type.brackets.get(fee=Decimal("120.00")),
        amount=Decimal("120.50"),
        status=Status.PENDING,
        paid_on=None,
        payment_method="",
    )
    MembershipFactory(membership_type=individual_type, year=THIS_YEAR - 1, last_name="Ancienne")
    MembershipFactory(membership_type=MembershipTypeFactory(), last_name="Ailleurs")


def test_the_csv_is_french_and_holds_the_filtered_list(reader, members):
    response = client_for(reader).get(reverse("memberships:export_csv"), {"q": "vincent"})

    assert response["Content-Type"] == "text/csv; charset=utf-8"
    assert response["Content-Disposition"].startswith(
        f'attachment; filename="adhesions-{THIS_YEAR}-'
    )
    assert response.content.startswith("\ufeff".encode())
    rows = list(csv.reader(io.StringIO(response.content.decode("utf-8-sig")), delimiter=";"))
    assert rows[0][:4] == ["Année", "Type d'adhésion", "Adhérent", "Structure"]
    assert len(rows) == 2
    row = dict(zip(rows[0], rows[1], strict=True))
    assert row["Adhérent"] == "Pascale Vincent"
    assert row["Adresse postale"] == "Ciedel\n69007 Lyon"
    assert row["Montant (€)"] == "30,00"
    assert row["Statut"] == "à jour"
    assert row["Payée le"] == f"20/01/{THIS_YEAR}"
    assert row["Moyen de paiement"] == "virement"
    assert row["N° de reçu"] == f"{THIS_YEAR}-0001"
    # a formula typed in a field is neutralised
    assert row["Référence du paiement"] == '\'=HYPERLINK("http://example.org")'


def test_the_xlsx_has_real_dates_and_amounts(reader, members):
    response = client_for(reader).get(reverse("memberships:export_xlsx"))

    workbook = load_workbook(io.BytesIO(response.content))
    sheet = workbook["Adhésions"]
    header = [cell.value for cell in sheet[1]]
    rows = [
        dict(zip(header, row, strict=True)) for row in sheet.iter_rows(min_row=2, values_only=True)
    ]
    assert [row["Adhérent"] for row in rows] == ["Commune de Saillans", "Pascale Vincent"]
    commune, pascale = rows
    assert commune["Structure"] == "Commune de Saillans"
    assert commune["Tranche"] == "Communes de 1 000 à 5 000 habitants"
    assert commune["Montant (€)"] == 120.5
    assert commune["Statut"] == "en attente de paiement"
    assert commune["Payée le"] is None
    assert pascale["Payée le"] == datetime.datetime(THIS_YEAR, 1, 20)
    assert pascale["Référence du paiement"] == '=HYPERLINK("http://example.org")'
    assert sheet.cell(row=3, column=header.index("Référence du paiement") + 1).data_type == "s"
    assert workbook.properties.title == f"Adhésions {THIS_YEAR}"


def test_every_year_can_be_exported(reader, members):
    response = client_for(reader).get(reverse("memberships:export_xlsx"), {"year": "toutes"})
    sheet = load_workbook(io.BytesIO(response.content))["Adhésions"]
    assert sheet.max_row == 4  # header and the three memberships of the types the reader sees
    assert "toutes-annees" in response["Content-Disposition"]


def test_the_export_links_carry_the_filters(reader, members):
    text = client_for(reader).get(reverse("memberships:list"), {"status": "pending"}).text
    assert f"{reverse('memberships:export_csv')}?status=pending" in text


@pytest.mark.parametrize("rows", [1, 30])
def test_the_export_queries_do_not_grow_with_rows(
    rows, reader, individual_type, django_assert_max_num_queries
):
    MembershipFactory.create_batch(rows, membership_type=individual_type)
    client = client_for(reader)
    # session, user, the types (years), the types of the filter form (none chosen), the rows
    with django_assert_max_num_queries(5):
        client.get(reverse("memberships:export_csv"))
