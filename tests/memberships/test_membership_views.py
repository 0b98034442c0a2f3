"""Creating a membership, correcting it, recording its payment, renewing and ending it, through
the forms an organiser fills in."""

import datetime
import io
from decimal import Decimal

import pytest
from django.urls import reverse
from django.utils import timezone
from pypdf import PdfReader

from essaim.core.models import HistoryEntry
from essaim.memberships.models import Membership, PaymentMethod, Status
from tests.conftest import client_for
from tests.memberships.conftest import THIS_YEAR, paid
from tests.memberships.factories import MembershipFactory, MembershipTypeFactory
from tests.organisations.factories import OrganisationFactory

pytestmark = pytest.mark.django_db

CREATE = reverse("memberships:create")
TODAY = timezone.localdate()


def person(membership_type, **fields):
    return {
        "membership_type": membership_type.pk,
        "year": THIS_YEAR,
        "organisation": "",
        "first_name": "Pascale",
        "last_name": "Vincent",
        "email": "pascale.vincent@example.org",
        "postal_address": "Ciedel\n69007 Lyon",
        "bracket": "",
        "amount": "",
        "note": "",
        **fields,
    }


class TestCreate:
    def test_a_person_joins_at_the_fee_of_the_type(self, editor, individual_type):
        response = client_for(editor).post(CREATE, person(individual_type))

        membership = Membership.objects.get()
        assert response.status_code == 302
        assert response["Location"] == membership.get_absolute_url()
        assert (membership.member_name, membership.year) == ("Pascale Vincent", THIS_YEAR)
        assert (membership.amount, membership.status) == (Decimal("30.00"), Status.PENDING)
        assert HistoryEntry.objects.of(membership).get().actor == editor

    def test_an_organisation_joins_in_its_bracket(self, editor, collectivity_type):
        commune = OrganisationFactory(name="Commune de Saillans")
        bracket = collectivity_type.brackets.get(fee=Decimal("120.00"))
        data = person(
            collectivity_type,
            organisation=commune.pk,
            bracket=bracket.pk,
            first_name="Claire",
            last_name="Rey",
            email="mairie@example.org",
        )
        client_for(editor).post(CREATE, data)
        membership = Membership.objects.get()
        assert (membership.member_name, membership.amount) == (
            "Commune de Saillans",
            Decimal("120.00"),
        )

    def test_the_amount_typed_wins(self, editor, individual_type):
        client_for(editor).post(CREATE, person(individual_type, amount="15,00"))
        assert Membership.objects.get().amount == Decimal("15.00")

    def test_the_type_is_chosen_from_a_link(self, editor, individual_type):
        response = client_for(editor).get(CREATE, {"type": individual_type.pk})
        assert response.context["form"]["membership_type"].value() == str(individual_type.pk)

    @pytest.mark.parametrize(
        ("fields", "field", "message"),
        [
            ({"last_name": "", "email": ""}, "email", "Indiquez l'adresse e-mail de l'adhérent."),
            ({"last_name": ""}, "last_name", "Indiquez le nom de l'adhérent."),
            ({"amount": "-5"}, "amount", "Le montant ne peut pas être négatif."),
            ({"year": "1999"}, "year", "Choisissez une année à partir de 2000."),
            (
                {"email": "pas-une-adresse"},
                "email",
                "Saisissez une adresse e-mail valide, par exemple nom@exemple.fr.",
            ),
            (
                {"amount": "douze"},
                "amount",
                "Indiquez un montant en euros, par exemple 50 ou 120,50.",
            ),
        ],
    )
    def test_bad_input_is_explained_in_french_and_kept(
        self, editor, individual_type, fields, field, message
    ):
        response = client_for(editor).post(CREATE, person(individual_type, **fields))
        assert response.status_code == 200
        assert response.context["form"].errors[field] == [message]
        assert 'value="Ciedel' in response.text or "Ciedel" in response.text
        assert not Membership.objects.exists()

    def test_an_organisation_type_needs_its_structure_and_bracket(self, editor, collectivity_type):
        response = client_for(editor).post(CREATE, person(collectivity_type))
        errors = response.context["form"].errors
        assert errors["organisation"] == ["Choisissez la structure adhérente."]
        assert "choisissez la tranche" in errors["bracket"][0]

    def test_a_bracket_of_another_type_is_refused(self, editor, individual_type, collectivity_type):
        bracket = collectivity_type.brackets.first()
        response = client_for(editor).post(CREATE, person(individual_type, bracket=bracket.pk))
        assert response.context["form"].errors["bracket"] == [
            "Cette tranche n'est pas celle de ce type d'adhésion."
        ]

    def test_a_person_type_refuses_a_structure(self, editor, individual_type):
        data = person(individual_type, organisation=OrganisationFactory().pk)
        response = client_for(editor).post(CREATE, data)
        assert (
            "ne se rattache pas à une structure"
            in response.context["form"].errors["organisation"][0]
        )

    def test_one_membership_per_member_type_and_year(self, editor, individual_type):
        client = client_for(editor)
        client.post(CREATE, person(individual_type))
        response = client.post(CREATE, person(individual_type, email="PASCALE.VINCENT@example.org"))
        assert response.status_code == 200
        assert response.context["form"].non_field_errors() == [
            "Cette personne a déjà une adhésion de ce type pour cette année."
        ]
        assert Membership.objects.count() == 1

    def test_only_types_one_edits_are_offered(self, editor, reader, individual_type):
        MembershipTypeFactory(name="Adhésion d'ailleurs")
        choices = client_for(editor).get(CREATE).context["form"].fields["membership_type"]
        assert list(choices.queryset) == [individual_type]
        response = client_for(reader).post(CREATE, person(individual_type))
        assert "membership_type" in response.context["form"].errors
        assert not response.context["has_types"]
        assert not Membership.objects.exists()


class TestEdit:
    def test_it_corrects_the_details_and_keeps_type_and_year(self, editor, pending_membership):
        url = reverse("memberships:edit", args=[pending_membership.pk])
        data = person(
            pending_membership.membership_type,
            email="m.thou@example.org",
            year=THIS_YEAR + 1,
            first_name="Mylène",
            last_name="Thou",
        )
        response = client_for(editor).post(url, data)
        pending_membership.refresh_from_db()
        assert response.status_code == 302
        assert (pending_membership.email, pending_membership.year) == (
            "m.thou@example.org",
            THIS_YEAR,
        )
        entry = HistoryEntry.objects.of(pending_membership).get()
        assert "adresse e-mail" in entry.summary

    def test_it_refuses_to_become_a_duplicate(self, editor, individual_type, pending_membership):
        paid(individual_type, email="autre@example.org", last_name="Autre")
        url = reverse("memberships:edit", args=[pending_membership.pk])
        data = person(individual_type, email="autre@example.org")
        response = client_for(editor).post(url, data)
        assert response.status_code == 200
        assert "déjà une adhésion" in response.context["form"].non_field_errors()[0]


class TestRecordPayment:
    def url(self, membership):
        return reverse("memberships:record_payment", args=[membership.pk])

    def test_it_records_the_payment_and_sends_the_receipt(
        self, editor, pending_membership, mailoutbox, django_capture_on_commit_callbacks
    ):
        with django_capture_on_commit_callbacks(execute=True):
            response = client_for(editor).post(
                self.url(pending_membership),
                {
                    "paid_on": TODAY.isoformat(),
                    "payment_method": PaymentMethod.CHEQUE,
                    "payment_reference": "Chèque n° 1234567",
                    "amount": "30,00",
                    "send_receipt": "on",
                },
            )

        pending_membership.refresh_from_db()
        assert response.status_code == 302
        assert pending_membership.status == Status.PAID
        assert pending_membership.receipt_number == f"{TODAY.year}-0001"
        assert pending_membership.payment_reference == "Chèque n° 1234567"
        message = mailoutbox[0]
        assert message.to == ["mylene.thou@example.org"]
        assert message.reply_to == ["adhesions@example.org"]
        assert f"n° {TODAY.year}-0001" in message.subject
        assert "30\u00a0€" in message.body
        filename, content, mimetype = message.attachments[0]
        assert (filename, mimetype) == (f"recu-cotisation-{TODAY.year}-0001.pdf", "application/pdf")
        text = PdfReader(io.BytesIO(content)).pages[0].extract_text()
        assert "trente euros" in " ".join(text.split()).lower()

    def test_it_sends_nothing_unless_asked(
        self, editor, pending_membership, mailoutbox, django_capture_on_commit_callbacks
    ):
        with django_capture_on_commit_callbacks(execute=True):
            client_for(editor).post(
                self.url(pending_membership),
                {
                    "paid_on": TODAY.isoformat(),
                    "payment_method": PaymentMethod.CASH,
                    "amount": "30",
                },
            )
        pending_membership.refresh_from_db()
        assert pending_membership.status == Status.PAID
        assert mailoutbox == []

    @pytest.mark.parametrize(
        ("fields", "field", "message"),
        [
            ({"paid_on": ""}, "paid_on", "Indiquez la date du paiement."),
            (
                {"paid_on": "31/02/2026"},
                "paid_on",
                "Indiquez une date valide, par exemple 15/01/2026.",
            ),
            (
                {"paid_on": (TODAY + datetime.timedelta(days=2)).isoformat()},
                "paid_on",
                "La date du paiement ne peut pas être dans le futur.",
            ),
            ({"payment_method": ""}, "payment_method", "Choisissez le moyen de paiement."),
            ({"amount": "-1"}, "amount", "Le montant ne peut pas être négatif."),
        ],
    )
    def test_bad_input_is_explained_in_french(
        self, editor, pending_membership, fields, field, message
    ):
        data = {
            "paid_on": TODAY.isoformat(),
            "payment_method": PaymentMethod.TRANSFER,
            "payment_reference": "VIR-42",
            "amount": "30",
            **fields,
        }
        response = client_for(editor).post(self.url(pending_membership), data)
        assert response.status_code == 200
        assert response.context["form"].errors[field] == [message]
        assert 'value="VIR-42"' in response.text
        pending_membership.refresh_from_db()
        assert pending_membership.status == Status.PENDING

    def test_a_paid_membership_cannot_be_paid_again(self, editor, individual_type):
        membership = paid(individual_type, receipt_number="2026-0009")
        response = client_for(editor).get(self.url(membership), follow=True)
        assert "ne peut plus être enregistré" in response.text
        membership.refresh_from_db()
        assert membership.receipt_number == "2026-0009"

    def test_the_form_offers_no_email_without_an_address(self, editor, collectivity_type):
        membership = MembershipFactory(
            membership_type=collectivity_type,
            organisation=OrganisationFactory(),
            email="",
            status=Status.PENDING,
            paid_on=None,
        )
        form = client_for(editor).get(self.url(membership)).context["form"]
        assert "send_receipt" not in form.fields


class TestRenewAndExpire:
    def test_renewing_leads_to_next_years_membership(self, editor, individual_type):
        membership = paid(individual_type, email="pascale@example.org")
        response = client_for(editor).post(reverse("memberships:renew", args=[membership.pk]))
        renewal = Membership.objects.get(year=THIS_YEAR + 1)
        assert response["Location"] == renewal.get_absolute_url()
        assert (renewal.status, renewal.email) == (Status.PENDING, "pascale@example.org")

    def test_renewing_twice_is_refused_in_french(self, editor, individual_type):
        membership = paid(individual_type)
        client = client_for(editor)
        url = reverse("memberships:renew", args=[membership.pk])
        client.post(url)
        response = client.post(url, follow=True)
        assert "Cette personne a déjà une adhésion" in response.text
        assert Membership.objects.count() == 2

    def test_expiring_by_hand(self, editor, pending_membership):
        url = reverse("memberships:expire", args=[pending_membership.pk])
        response = client_for(editor).post(url, follow=True)
        pending_membership.refresh_from_db()
        assert pending_membership.status == Status.EXPIRED
        assert "est marquée expirée" in response.text

    def test_changes_are_made_by_post_only(self, editor, pending_membership):
        for name in ("memberships:renew", "memberships:expire"):
            url = reverse(name, args=[pending_membership.pk])
            assert client_for(editor).get(url).status_code == 405


class TestDetail:
    def test_it_shows_the_member_payment_other_years_and_history(
        self, reader, editor, individual_type
    ):
        last_year = paid(
            individual_type, year=THIS_YEAR - 1, email="p@example.org", status=Status.EXPIRED
        )
        membership = paid(
            individual_type,
            email="p@example.org",
            receipt_number="2026-0003",
            payment_reference="VIR-9",
            last_name="Vincent",
            first_name="Pascale",
        )
        client_for(editor).post(reverse("memberships:expire", args=[membership.pk]))

        text = client_for(reader).get(reverse("memberships:detail", args=[membership.pk])).text

        assert "Pascale Vincent" in text
        assert "VIR-9" in text and "n° 2026-0003" in text
        assert last_year.get_absolute_url() in text
        assert "marquée expirée" in text and "Élise Éditrice" in text
        # a reader sees no button that changes anything
        assert "Enregistrer le paiement" not in text
        assert reverse("memberships:edit", args=[membership.pk]) not in text
        assert reverse("memberships:receipt_pdf", args=[membership.pk]) in text
