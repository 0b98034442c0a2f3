"""The receipt PDF and the public membership form, opened with pypdf and read."""

import datetime
import io
from decimal import Decimal

import pytest
from django.urls import reverse
from pypdf import PdfReader

from essaim.memberships.models import PaymentMethod, Status
from essaim.organisations.models import OrganisationKind
from tests.conftest import client_for
from tests.memberships.conftest import THIS_YEAR
from tests.memberships.factories import MembershipFactory, MembershipTypeFactory
from tests.organisations.factories import OrganisationFactory
from tests.registrations.factories import RegistrationFactory
from tests.trainings.factories import TrainingSessionFactory

pytestmark = pytest.mark.django_db

FORM = reverse("memberships:application_form")


def read_pdf(response) -> tuple[PdfReader, str]:
    assert response["Content-Type"] == "application/pdf"
    reader = PdfReader(io.BytesIO(response.content))
    text = "\n".join(page.extract_text() for page in reader.pages)
    return reader, " ".join(text.split())


class TestReceipt:
    @pytest.fixture
    def membership(self, collectivity_type):
        return MembershipFactory(
            membership_type=collectivity_type,
            organisation=OrganisationFactory(
                name="Commune de Saillans", kind=OrganisationKind.COMMUNE
            ),
            first_name="Claire",
            last_name="Rey",
            email="mairie@example.org",
            postal_address="Place de la Mairie\n26340 Saillans",
            bracket=collectivity_type.brackets.get(fee=Decimal("120.00")),
            amount=Decimal("120.50"),
            paid_on=datetime.date(THIS_YEAR, 1, 20),
            payment_method=PaymentMethod.MANDATE,
            payment_reference="Mandat n° 2026-381",
            receipt_number=f"{THIS_YEAR}-0042",
        )

    def test_it_says_who_paid_what_when_and_how(self, reader, membership):
        response = client_for(reader).get(reverse("memberships:receipt_pdf", args=[membership.pk]))

        assert response.status_code == 200
        assert response["Content-Disposition"] == (
            f'attachment; filename="recu-cotisation-{THIS_YEAR}-0042.pdf"'
        )
        pdf, text = read_pdf(response)
        assert len(pdf.pages) == 1
        assert pdf.metadata.title == f"Reçu de cotisation n° {THIS_YEAR}-0042"
        for expected in [
            f"Reçu de cotisation {THIS_YEAR}",
            f"{THIS_YEAR}-0042",
            "Cap Rural",
            "2 rue de la Gare",
            "Commune de Saillans",
            "à l'attention de Claire Rey",
            "26340 Saillans",
            "120,50 €",
            "Cent vingt euros et cinquante centimes",
            "Adhésion des collectivités",
            "Communes de 1 000 à 5 000 habitants",
            f"20 janvier {THIS_YEAR}",
            "Mandat administratif",
            "Mandat n° 2026-381",
        ]:
            assert expected in text, expected

    def test_an_expired_membership_keeps_its_receipt(self, reader, membership):
        membership.status = Status.EXPIRED
        membership.save()
        response = client_for(reader).get(reverse("memberships:receipt_pdf", args=[membership.pk]))
        assert "Cent vingt euros" in read_pdf(response)[1]

    def test_an_unpaid_membership_has_no_receipt(self, reader, pending_membership):
        url = reverse("memberships:receipt_pdf", args=[pending_membership.pk])
        response = client_for(reader).get(url, follow=True)
        assert response["Content-Type"].startswith("text/html")
        assert "n&#x27;a pas de reçu" in response.text or "n'a pas de reçu" in response.text


class TestApplicationForm:
    def test_it_is_public_and_lists_the_types_on_offer(
        self, client, individual_type, collectivity_type
    ):
        MembershipTypeFactory(name="Adhésion d'honneur", active=False)

        response = client.get(FORM)

        assert response.status_code == 200
        assert response["Content-Disposition"] == (
            f'inline; filename="bulletin-adhesion-{THIS_YEAR}.pdf"'
        )
        assert "no-store" in response["Cache-Control"]
        pdf, text = read_pdf(response)
        assert pdf.metadata.title == f"Bulletin d'adhésion {THIS_YEAR} — Cap Rural"
        for expected in [
            f"Bulletin d'adhésion {THIS_YEAR}",
            "Adhésion individuelle",
            "30 €",
            "Adhésion des collectivités",
            "Communes de moins de 1 000 habitants",
            "50 €",
            "Communes de 1 000 à 5 000 habitants",
            "120 €",
            "IBAN FR76 0000 0000 0000",
            "Par mandat administratif à l'ordre de Cap Rural.",
            "À renvoyer à",
            "26400 Crest",
            "adhesions@example.org",
            "virement",
            "mandat administratif",
            "Signature",
        ]:
            assert expected in text, expected
        assert "Adhésion d'honneur" not in text

    def test_it_is_prefilled_from_a_registration(self, client, individual_type):
        registration = RegistrationFactory(
            first_name="Mylène",
            last_name="Thou",
            email="mylene.thou@example.org",
            organisation_name="Communauté de communes du Diois",
            phone="04 75 00 00 00",
            accessibility_needs="Boucle magnétique",
        )
        RegistrationFactory(first_name="Autre", last_name="Personne", email="autre@example.org")

        response = client.get(FORM, {"inscription": registration.token})

        text = read_pdf(response)[1]
        for expected in [
            "Mylène",
            "Thou",
            "mylene.thou@example.org",
            "Communauté de communes du Diois",
        ]:
            assert expected in text
        for private in [
            "04 75 00 00 00",
            "Boucle magnétique",
            "autre@example.org",
            registration.session.title,
        ]:
            assert private not in text

    def test_a_registration_in_the_directory_gives_its_organisation(self, client, individual_type):
        organisation = OrganisationFactory(name="Parc naturel régional du Vercors")
        registration = RegistrationFactory(organisation=organisation, organisation_name="PNR")
        text = read_pdf(client.get(FORM, {"inscription": registration.token}))[1]
        assert "Parc naturel régional du Vercors" in text

    def test_it_offers_the_types_of_the_sessions_organiser(self, client, individual_type):
        other_centre = OrganisationFactory(name="Centre de ressources voisin")
        MembershipTypeFactory(name="Adhésion au centre voisin", organiser=other_centre)
        session = TrainingSessionFactory(organiser=other_centre)
        registration = RegistrationFactory(session=session)

        text = read_pdf(client.get(FORM, {"inscription": registration.token}))[1]

        assert "Adhésion au centre voisin" in text
        assert "Adhésion individuelle" not in text

    @pytest.mark.parametrize("token", ["inconnu", "x" * 500, ""])
    def test_an_unknown_token_gives_a_blank_form(self, client, individual_type, token):
        RegistrationFactory(first_name="Mylène", email="mylene.thou@example.org")
        response = client.get(FORM, {"inscription": token})
        assert response.status_code == 200
        text = read_pdf(response)[1]
        assert "Mylène" not in text
        assert "mylene.thou@example.org" not in text

    def test_an_anonymised_registration_gives_a_blank_form(self, client, individual_type):
        registration = RegistrationFactory(
            first_name="Mylène", anonymised_at=datetime.datetime.now(datetime.UTC)
        )
        text = read_pdf(client.get(FORM, {"inscription": registration.token}))[1]
        assert "Mylène" not in text

    def test_it_is_prefilled_from_the_link(self, client, individual_type):
        response = client.get(
            FORM,
            {
                "prenom": "Pascale",
                "nom": "Vincent\x00\x1b[31m",
                "email": "pascale@example.org",
                "organisation": "Ciedel " + "très long " * 40,
            },
        )
        text = read_pdf(response)[1]
        assert "Pascale" in text and "Vincent" in text and "pascale@example.org" in text
        assert "\x1b" not in text
        assert "très long " * 13 not in text  # cut at 120 characters

    def test_it_says_so_when_nothing_is_on_offer(self, client, db):
        text = read_pdf(client.get(FORM))[1]
        assert "Aucune adhésion n'est proposée pour le moment" in text

    def test_it_is_a_get_only_page(self, client, individual_type):
        assert client.post(FORM).status_code == 405
