"""The expenses of a programme: the rules of the seed (« les déplacements, repas et hébergements
des binômes d'experts », « les frais de déplacement et les repas des représentants des
territoires »), the claims checked against them and flagged, never paid silently, their
approval and payment, the totals, and the accountant's workbook."""

import datetime
import io
from decimal import Decimal

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from openpyxl import load_workbook

from essaim.attachments.models import Attachment, AttachmentKind
from essaim.lib.french import NBSP
from essaim.programmes.models import (
    Category,
    Claimant,
    ClaimStatus,
    ContactKind,
    ContactRole,
    EventKind,
    ExpenseClaim,
    ExpenseRules,
    GroupMember,
    Seminar,
    Stage,
    TerritoryContact,
    TerritoryStatus,
    Workshop,
    WorkshopInvitation,
)
from essaim.programmes.services.expense_reports import (
    totals,
)
from essaim.programmes.services.expenses import (
    DEFAULT_COVERAGES,
    ExpenseError,
    check_claim,
    claims_of,
    coverage_keys,
    decide,
    rules_of,
    save_claim,
)
from tests.conftest import client_for
from tests.programmes.conftest import VISIT_DAY, add_contacts, add_territory

pytestmark = pytest.mark.django_db

WORKSHOP_DAY = datetime.date(2015, 9, 17)
SEMINAR_DAY = datetime.date(2015, 6, 25)


@pytest.fixture
def workshop(programme, confirmed) -> Workshop:
    """A workshop to which the three participants of the confirmed territory are invited."""
    workshop = Workshop.objects.create(
        programme=programme, title="Amélioration de l'ingénierie", date=WORKSHOP_DAY
    )
    for contact in confirmed.contacts.filter(kind=ContactKind.PARTICIPANT):
        WorkshopInvitation.objects.create(workshop=workshop, contact=contact)
    return workshop


@pytest.fixture
def seminar(programme) -> Seminar:
    return Seminar.objects.create(
        programme=programme, title="Séminaire de restitution", date=SEMINAR_DAY
    )


def participant(territory, number: int = 1):
    return territory.contacts.get(name=f"Participant {number}")


def euros(text: str) -> str:
    """« 24,80 € » as the pages and the flags write it, with a no-break space."""
    return text.replace(" €", f"{NBSP}€")


def receipt(name: str = "ticket.pdf") -> SimpleUploadedFile:
    return SimpleUploadedFile(name, b"%PDF-1.4 ticket", content_type="application/pdf")


def claim_data(event: str, person: str, **changes) -> dict:
    data = {
        "claimant": person,
        "event": event,
        "category": Category.MEAL,
        "spent_on": VISIT_DAY.isoformat(),
        "kilometres": "",
        "amount": "15,00",
        "description": "Déjeuner du premier jour",
        "receipt": receipt(),
    }
    return {**data, **changes}


def make_claim(programme, *, who, event, category=Category.MEAL, amount="15.00", **fields):
    """A claim saved through the service, as the pages save it."""
    claim = ExpenseClaim(
        programme=programme,
        claimant_kind=Claimant.EXPERT if isinstance(who, GroupMember) else Claimant.REPRESENTATIVE,
        expert=who if isinstance(who, GroupMember) else None,
        contact=None if isinstance(who, GroupMember) else who,
        event_kind=(
            EventKind.WORKSHOP
            if isinstance(event, Workshop)
            else EventKind.SEMINAR
            if isinstance(event, Seminar)
            else EventKind.VISIT
        ),
        visit=None if isinstance(event, Workshop | Seminar) else event,
        workshop=event if isinstance(event, Workshop) else None,
        seminar=event if isinstance(event, Seminar) else None,
        category=category,
        spent_on=fields.pop("spent_on", getattr(event, "date", None) or VISIT_DAY),
        amount=None if amount is None else Decimal(amount),
        **fields,
    )
    return save_claim(claim=claim, actor=None, receipt=receipt())


def add_url(programme) -> str:
    return reverse("programmes:add_expense", args=[programme.pk])


def page(programme, user, **params) -> str:
    response = client_for(user).get(reverse("programmes:expenses", args=[programme.pk]), params)
    assert response.status_code == 200
    return response.text


# The rules ----------------------------------------------------------------------------------------


def test_the_rules_are_those_of_the_seed(programme, editor):
    text = page(programme, editor)
    assert "Expert du binôme, écoute territoriale : déplacement, repas, hébergement" in text
    assert (
        "Représentant d&#x27;un territoire, atelier inter-territoires : déplacement, repas" in text
    )
    assert "0,32 € par km" in text.replace(NBSP, " ")
    assert not ExpenseRules.objects.exists()  # reading the page writes nothing
    rules = rules_of(programme)
    assert coverage_keys(rules) == frozenset(DEFAULT_COVERAGES)
    assert (rules.mileage_rate, rules.meal_cap, rules.lodging_cap) == (
        Decimal("0.32"),
        Decimal("17.50"),
        Decimal("90.00"),
    )
    assert rules_of(programme).pk == rules.pk  # made once


def test_an_editor_changes_the_rules_and_the_waiting_claims_are_checked_again(
    programme, visit, experts, editor
):
    claim = make_claim(programme, who=experts[0], event=visit, amount="19.00")
    assert "plafond" in claim.flags
    covered = [":".join(key) for key in DEFAULT_COVERAGES if key[2] != Category.LODGING]
    form_page = client_for(editor).get(reverse("programmes:expense_rules", args=[programme.pk]))
    assert 'name="covered"' in form_page.text
    response = client_for(editor).post(
        reverse("programmes:expense_rules", args=[programme.pk]),
        {
            "mileage_rate": "0,35",
            "meal_cap": "20",
            "lodging_cap": "95,50",
            "covered": covered,
        },
    )
    assert response.status_code == 302
    rules = ExpenseRules.objects.get()
    assert (rules.mileage_rate, rules.meal_cap, rules.lodging_cap) == (
        Decimal("0.35"),
        Decimal("20"),
        Decimal("95.50"),
    )
    assert (Claimant.EXPERT, EventKind.VISIT, Category.LODGING) not in coverage_keys(rules)
    claim.refresh_from_db()
    assert claim.flags == ""  # 19 € is under the new cap
    entry = programme.history().first()
    assert entry.summary.startswith("Règles de prise en charge des frais modifiées")
    assert "Prises en charge" in entry.changes


# Checks -------------------------------------------------------------------------------------------


def test_an_over_cap_meal_is_flagged_and_shown(programme, visit, experts, contributor, reader):
    response = client_for(contributor).post(
        add_url(programme),
        claim_data(f"visite-{visit.pk}", f"expert-{experts[0].pk}", amount="24,80"),
    )
    claim = ExpenseClaim.objects.get()
    assert response.url == claim.get_absolute_url()
    assert claim.amount == Decimal("24.80")
    assert claim.flag_list == [euros("Repas de 24,80 € : plafond de 17,50 €.")]
    assert claim.claimant_name == "Martine Olivier"
    assert claim.created_by == contributor
    assert Attachment.objects.of(claim).get().kind == AttachmentKind.EXPENSE_RECEIPT
    text = page(programme, reader)
    assert "Hors des règles" in text
    assert euros("Repas de 24,80 € : plafond de 17,50 €.") in text
    claim_page = client_for(reader).get(claim.get_absolute_url()).text
    assert euros("Repas de 24,80 € : plafond de 17,50 €.") in claim_page
    assert "Note de frais saisie : Martine Olivier, repas du 12/03/2015" in (
        programme.history().first().summary
    )


def test_a_representative_lodging_at_a_workshop_is_flagged(programme, confirmed, workshop):
    claim = make_claim(
        programme,
        who=participant(confirmed),
        event=workshop,
        category=Category.LODGING,
        amount="70.00",
    )
    assert claim.flag_list == [
        "Non pris en charge : l'hébergement d'un représentant d'un territoire pour un atelier "
        "inter-territoires."
    ]
    # The same person's meal there is covered and follows the rules.
    meal = make_claim(programme, who=participant(confirmed), event=workshop, amount="16.00")
    assert meal.flags == ""


def test_a_trip_by_car_is_paid_by_the_kilometre(programme, confirmed, workshop, contributor):
    data = claim_data(
        f"atelier-{workshop.pk}",
        f"contact-{participant(confirmed).pk}",
        category=Category.TRAVEL,
        spent_on=WORKSHOP_DAY.isoformat(),
        kilometres="120",
        amount="",
        receipt="",
    )
    client_for(contributor).post(add_url(programme), data)
    claim = ExpenseClaim.objects.get()
    assert claim.amount == Decimal("38.40")  # 120 km × 0,32 €
    assert claim.flags == ""  # a mileage allowance needs no receipt
    wrong = make_claim(
        programme,
        who=participant(confirmed, 2),
        event=workshop,
        category=Category.TRAVEL,
        kilometres=120,
        amount="50.00",
    )
    assert wrong.flag_list == [euros(f"120{NBSP}km à 0,32 € font 38,40 €, pas 50,00 €.")]


def test_who_was_not_there_is_flagged(programme, confirmed, visit, workshop, seminar, experts):
    outsider_expert = GroupMember.objects.create(
        programme=programme, name="Paul Vidal", is_expert=True
    )
    not_on_visit = make_claim(programme, who=outsider_expert, event=visit)
    assert not_on_visit.flag_list == [
        "Paul Vidal n'était pas du binôme de cette écoute territoriale (Pays des Trois Vallées)."
    ]
    referent = confirmed.contacts.get(kind=ContactKind.REFERENT)
    not_invited = make_claim(programme, who=referent, event=workshop)
    assert not_invited.flag_list == [
        "Nadia Ferrand n'était pas invité·e à l'atelier « Amélioration de l'ingénierie »."
    ]
    withdrawn = add_territory(programme, "Val de Sèvre", TerritoryStatus.WITHDRAWN)
    add_contacts(withdrawn, participants=1)
    not_taking_part = make_claim(programme, who=participant(withdrawn), event=seminar)
    assert not_taking_part.flag_list == [
        "Le territoire « Val de Sèvre » ne participe pas au programme (statut : retiré)."
    ]


def test_other_departures_from_the_rules_are_flagged(programme, confirmed, visit, seminar, experts):
    late = make_claim(
        programme, who=experts[0], event=visit, spent_on=VISIT_DAY + datetime.timedelta(days=5)
    )
    assert late.flag_list == [
        "Dépense du 17/03/2015, à plus de 2 jours de l'événement (du 12 au 13 mars 2015)."
    ]
    hotel = make_claim(
        programme, who=experts[1], event=visit, category=Category.LODGING, amount="120.00"
    )
    assert hotel.flag_list == [euros("Nuit d'hébergement de 120,00 € : plafond de 90,00 €.")]
    for number in (1, 2, 3):
        assert make_claim(programme, who=participant(confirmed, number), event=seminar).flags == ""
    fourth_person = TerritoryContact.objects.create(
        territory=confirmed,
        kind=ContactKind.PARTICIPANT,
        name="Participant 4",
        role=ContactRole.OTHER,
    )
    fourth = make_claim(programme, who=fourth_person, event=seminar)
    assert "Déjà 3 autres représentants de « Pays des Trois Vallées » pour cet événement" in (
        fourth.flags
    )
    rules = rules_of(programme)
    fourth.refresh_from_db()
    assert "Aucun justificatif joint." in check_claim(
        fourth, rules, coverage_keys(rules), has_receipt=False
    )


def test_a_receipt_added_later_clears_the_flag(programme, visit, experts, contributor):
    claim = make_claim(programme, who=experts[0], event=visit)
    Attachment.objects.of(claim).delete()
    claim.flags = "Aucun justificatif joint."
    claim.save(update_fields=["flags"])
    response = client_for(contributor).post(
        reverse("programmes:add_expense_receipt", args=[programme.pk, claim.pk]),
        {"kind": AttachmentKind.EXPENSE_RECEIPT, "title": "", "file": receipt()},
    )
    assert response.status_code == 302
    claim.refresh_from_db()
    assert claim.flags == ""


# Decisions ----------------------------------------------------------------------------------------


def decide_url(claim) -> str:
    return reverse("programmes:decide_expense", args=[claim.programme_id, claim.pk])


def test_a_flagged_claim_is_approved_only_with_a_reason(programme, visit, experts, editor):
    claim = make_claim(programme, who=experts[0], event=visit, amount="24.80")
    client = client_for(editor)
    response = client.post(decide_url(claim), {"status": "approuvee", "loaded": "soumise"})
    assert response.status_code == 400
    assert "donnez la raison de l&#x27;accord" in response.text
    claim.refresh_from_db()
    assert claim.status == ClaimStatus.SUBMITTED
    response = client.post(
        decide_url(claim),
        {"status": "approuvee", "loaded": "soumise", "reason": "Seul restaurant ouvert le soir."},
    )
    assert response.status_code == 302
    claim.refresh_from_db()
    assert claim.status == ClaimStatus.APPROVED
    assert claim.override_reason == "Seul restaurant ouvert le soir."
    assert claim.decided_by == editor
    assert programme.history().first().summary == (
        f"Note de frais approuvée : Martine Olivier, repas du 12/03/2015, {euros('24,80 €')}"
        " — hors des règles, accordée car : Seul restaurant ouvert le soir."
    )
    assert "Seul restaurant ouvert le soir." in client.get(claim.get_absolute_url()).text


def test_a_claim_is_paid_only_once_approved_and_refused_with_a_reason(
    programme, visit, experts, editor
):
    claim = make_claim(programme, who=experts[0], event=visit)
    with pytest.raises(ExpenseError, match="n'est remboursée qu'une fois approuvée"):
        decide(claim=claim, status=ClaimStatus.PAID, actor=editor)
    with pytest.raises(ExpenseError, match="Donnez la raison du refus"):
        decide(claim=claim, status=ClaimStatus.REFUSED, actor=editor)
    decide(claim=claim, status=ClaimStatus.APPROVED, actor=editor)
    decide(claim=claim, status=ClaimStatus.PAID, actor=editor)
    claim.refresh_from_db()
    assert claim.status == ClaimStatus.PAID
    with pytest.raises(ExpenseError):
        decide(claim=claim, status=ClaimStatus.REFUSED, actor=editor, reason="Trop tard")
    # A decision taken meanwhile by someone else is not overridden.
    other = make_claim(programme, who=experts[1], event=visit)
    decide(claim=other, status=ClaimStatus.REFUSED, actor=editor, reason="Doublon")
    other.refresh_from_db()
    assert other.decision_reason == "Doublon"  # kept on the claim, for the accountant
    with pytest.raises(ExpenseError, match="pendant que vous la regardiez"):
        decide(claim=other, status=ClaimStatus.APPROVED, actor=editor, loaded="soumise")


def test_a_decided_claim_is_no_longer_changed(programme, visit, experts, contributor, editor):
    claim = make_claim(programme, who=experts[0], event=visit)
    claim.created_by = contributor
    claim.save(update_fields=["created_by"])
    edit_url = reverse("programmes:edit_expense", args=[programme.pk, claim.pk])
    data = claim_data(f"visite-{visit.pk}", f"expert-{experts[0].pk}", amount="16,50")
    assert client_for(contributor).post(edit_url, data).status_code == 302
    claim.refresh_from_db()
    assert claim.amount == Decimal("16.50")
    assert programme.history().first().changes["Montant (€)"] == {
        "avant": euros("15 €"),
        "après": euros("16,50 €"),
    }
    decide(claim=claim, status=ClaimStatus.APPROVED, actor=editor)
    assert client_for(contributor).get(edit_url).status_code == 403


# Totals and export --------------------------------------------------------------------------------


@pytest.fixture
def several_claims(programme, confirmed, visit, workshop, seminar, experts, editor):
    Stage.objects.create(
        programme=programme,
        position=4,
        title="Ateliers thématiques inter-territoires",
        start_date=datetime.date(2015, 6, 1),
        end_date=datetime.date(2015, 10, 31),
    )
    meal = make_claim(programme, who=experts[0], event=visit, amount="15.00")
    hotel = make_claim(
        programme, who=experts[0], event=visit, category=Category.LODGING, amount="80.00"
    )
    make_claim(programme, who=participant(confirmed), event=workshop, amount="12.50")
    expert_at_seminar = make_claim(
        programme, who=experts[1], event=seminar, category=Category.TRAVEL, amount="60.00"
    )
    decide(claim=meal, status=ClaimStatus.APPROVED, actor=editor)
    decide(claim=hotel, status=ClaimStatus.APPROVED, actor=editor)
    decide(claim=hotel, status=ClaimStatus.PAID, actor=editor)
    decide(claim=expert_at_seminar, status=ClaimStatus.APPROVED, actor=editor, reason="Invité")
    return programme


def test_the_totals_by_territory_stage_and_category(several_claims):
    programme = several_claims
    summary = totals(list(claims_of(programme)), programme.stages.all())
    territories = {t.label: (t.count, t.submitted, t.granted, t.paid) for t in summary.by_territory}
    assert territories == {
        "Pays des Trois Vallées": (3, Decimal("12.50"), Decimal("95.00"), Decimal("80.00")),
        "Programme": (1, Decimal(0), Decimal("60.00"), Decimal(0)),
    }
    assert [t.label for t in summary.by_territory] == ["Pays des Trois Vallées", "Programme"]
    stages = {t.label: (t.count, t.granted + t.submitted) for t in summary.by_stage}
    assert stages == {
        "Étape 2 : Écoute territoriale": (2, Decimal("95.00")),
        "Étape 4 : Ateliers thématiques inter-territoires": (2, Decimal("72.50")),
    }
    categories = {t.label: (t.count, t.granted, t.submitted) for t in summary.by_category}
    assert categories == {
        "Déplacement": (1, Decimal("60.00"), Decimal(0)),
        "Repas": (2, Decimal("15.00"), Decimal("12.50")),
        "Hébergement": (1, Decimal("80.00"), Decimal(0)),
    }
    assert (summary.overall.count, summary.overall.granted, summary.overall.paid) == (
        4,
        Decimal("155.00"),
        Decimal("80.00"),
    )


def test_the_tab_filters_the_claims(several_claims, reader):
    programme = several_claims
    text = page(programme, reader, nature="hebergement")
    table = text.split('class="table expense-table"')[1].split("</table>")[0]
    assert table.count("<tr") == 2  # the header and the one night
    territory = programme.territories.get()
    table = page(programme, reader, territoire=str(territory.pk)).split("expense-table")[1]
    assert table.split("</table>")[0].count("<tr") == 4
    table = page(programme, reader, territoire="programme").split("expense-table")[1]
    assert table.split("</table>")[0].count("<tr") == 2


def test_the_accountant_gets_a_workbook(several_claims, reader):
    programme = several_claims
    response = client_for(reader).get(reverse("programmes:expenses_export", args=[programme.pk]))
    assert response.status_code == 200
    assert response["Content-Type"].startswith("application/vnd.openxmlformats")
    assert "notes-de-frais-s-organiser-pour-innover" in response["Content-Disposition"]
    workbook = load_workbook(io.BytesIO(response.content))
    assert workbook.sheetnames == ["Notes de frais", "Totaux"]
    claims = workbook["Notes de frais"]
    headers = [cell.value for cell in claims[1]]
    for header in (
        "Date de la dépense",
        "Nom",
        "Territoire",
        "Nature",
        "Montant (€)",
        "Justificatif joint",
        "État",
        "Hors des règles",
        "Raison de l'accord malgré les règles",
    ):
        assert header in headers
    rows = [
        dict(zip(headers, [cell.value for cell in row], strict=True))
        for row in claims.iter_rows(min_row=2)
    ]
    assert len(rows) == 4
    seminar_row = next(row for row in rows if row["Nom"] == "Rémi Garnier")
    assert seminar_row["Territoire"] == "Programme"
    assert seminar_row["Montant (€)"] == 60
    assert seminar_row["État"] == "approuvée"
    assert (
        "Non pris en charge : le déplacement d'un expert du binôme"
        in seminar_row["Hors des règles"]
    )
    assert seminar_row["Raison de l'accord malgré les règles"] == "Invité"
    assert seminar_row["Date de la dépense"] == datetime.datetime(2015, 6, 25)
    sums = {
        (row[0].value, row[1].value): [cell.value for cell in row[2:]]
        for row in workbook["Totaux"].iter_rows(min_row=2)
    }
    assert sums[("Territoire", "Pays des Trois Vallées")][:4] == [3, 12.5, 95, 80]
    assert sums[("Ensemble", "Ensemble")][:4] == [4, 12.5, 155, 80]


# Permissions and input ----------------------------------------------------------------------------


def test_each_persona_does_what_their_role_allows(
    programme, visit, experts, owner, editor, contributor, reader, outsider
):
    claim = make_claim(programme, who=experts[0], event=visit)
    urls = {
        "page": reverse("programmes:expenses", args=[programme.pk]),
        "claim": claim.get_absolute_url(),
        "export": reverse("programmes:expenses_export", args=[programme.pk]),
        "add": add_url(programme),
        "rules": reverse("programmes:expense_rules", args=[programme.pk]),
    }
    expected = {
        outsider: {"page": 404, "claim": 404, "export": 404, "add": 404, "rules": 404},
        reader: {"page": 200, "claim": 200, "export": 200, "add": 403, "rules": 403},
        contributor: {"page": 200, "claim": 200, "export": 200, "add": 200, "rules": 403},
        editor: {"page": 200, "claim": 200, "export": 200, "add": 200, "rules": 200},
    }
    for user, answers in expected.items():
        for name, status in answers.items():
            assert client_for(user).get(urls[name]).status_code == status, (user, name)
    assert client_for(None).get(urls["page"]).status_code == 302
    decision = {"status": "approuvee", "loaded": "soumise"}
    assert client_for(contributor).post(decide_url(claim), decision).status_code == 403
    assert client_for(outsider).post(decide_url(claim), decision).status_code == 404
    assert client_for(reader).post(urls["add"], {}).status_code == 403
    # Only editors see the decision form.
    assert "Enregistrer la décision" not in client_for(contributor).get(urls["claim"]).text
    assert "Enregistrer la décision" in client_for(editor).get(urls["claim"]).text
    assert (
        client_for(contributor)
        .get(reverse("programmes:edit_expense", args=[programme.pk, claim.pk]))
        .status_code
        == 403
    )  # entered by someone else
    assert client_for(editor).post(urls["page"]).status_code == 405


@pytest.mark.parametrize(
    ("changes", "message"),
    [
        ({"amount": "-5"}, "Le montant ne peut pas être négatif."),
        ({"amount": "douze"}, "Indiquez un montant en euros, par exemple 17,50."),
        (
            {"spent_on": "2999-01-01"},
            "La date doit être comprise entre le 01/01/1900 et le 31/12/2100.",
        ),
        (
            {"amount": ""},
            "Indiquez le montant, ou les kilomètres d&#x27;un déplacement en voiture.",
        ),
        ({"kilometres": "40"}, "Les kilomètres ne valent que pour un déplacement."),
        ({"claimant": "expert-999999"}, "Sélectionnez un choix valide."),
        (
            {"receipt": SimpleUploadedFile("virus.exe", b"MZ")},
            "Le type de fichier « .exe » n&#x27;est pas accepté.",
        ),
    ],
)
def test_bad_input_is_refused_in_french(programme, visit, experts, contributor, changes, message):
    data = claim_data(f"visite-{visit.pk}", f"expert-{experts[0].pk}", **changes)
    response = client_for(contributor).post(add_url(programme), data)
    assert response.status_code == 200
    assert message in response.text
    assert not ExpenseClaim.objects.exists()


@pytest.mark.parametrize("typed", ["17,50", "17.50", " 17,50 "])
def test_an_amount_is_typed_the_french_way_or_not(programme, visit, experts, contributor, typed):
    data = claim_data(f"visite-{visit.pk}", f"expert-{experts[0].pk}", amount=typed)
    assert client_for(contributor).post(add_url(programme), data).status_code == 302
    assert ExpenseClaim.objects.get().amount == Decimal("17.50")


def test_an_event_of_another_programme_cannot_be_chosen(
    programme, visit, experts, contributor, owner
):
    from essaim.programmes.models import Programme

    other = Programme.objects.create(
        title="Autre",
        slug="autre",
        start_date=datetime.date(2015, 1, 1),
        end_date=datetime.date(2015, 12, 31),
    )
    foreign = Workshop.objects.create(programme=other, title="Ailleurs", date=WORKSHOP_DAY)
    data = claim_data(f"atelier-{foreign.pk}", f"expert-{experts[0].pk}")
    response = client_for(contributor).post(add_url(programme), data)
    assert "Sélectionnez un choix valide." in response.text
    assert not ExpenseClaim.objects.exists()


# Queries ------------------------------------------------------------------------------------------


def add_claims(programme, confirmed, visit, workshop, seminar, experts, count: int) -> None:
    people_events = [
        (experts[0], visit),
        (participant(confirmed), workshop),
        (experts[1], seminar),
    ]
    for number in range(count):
        who, event = people_events[number % 3]
        make_claim(programme, who=who, event=event, amount=f"{10 + number}.00")


def test_the_pages_read_the_same_number_of_rows_whatever_the_claims(
    programme, confirmed, visit, workshop, seminar, experts, reader, django_assert_max_num_queries
):
    client = client_for(reader)
    url = reverse("programmes:expenses", args=[programme.pk])
    export_url = reverse("programmes:expenses_export", args=[programme.pk])
    for count in (3, 27):  # 3 claims, then 30
        add_claims(programme, confirmed, visit, workshop, seminar, experts, count)
        # The session, the user, the programme with the reader's role, the rules, their
        # coverage, the stages, the claims with their people, events and receipts, the
        # territories of the filter.
        with django_assert_max_num_queries(8):
            assert client.get(url).status_code == 200
        # The session, the user, the programme, the stages, the claims.
        with django_assert_max_num_queries(5):
            assert client.get(export_url).status_code == 200
        claim = ExpenseClaim.objects.first()
        # The session, the user, the programme with the role, the claim with its people and
        # events, its programme and the role again (the claim's permission check), its
        # attachments, its history.
        with django_assert_max_num_queries(8):
            assert client.get(claim.get_absolute_url()).status_code == 200
    assert ExpenseClaim.objects.count() == 30


def test_a_claim_paid_already_is_said_so(programme, visit, experts, editor):
    claim = make_claim(programme, who=experts[0], event=visit)
    decide(claim=claim, status=ClaimStatus.APPROVED, actor=editor)
    decide(claim=claim, status=ClaimStatus.PAID, actor=editor)
    with pytest.raises(ExpenseError, match="est déjà « remboursée »"):
        decide(claim=claim, status=ClaimStatus.PAID, actor=editor)


def test_two_people_changing_a_claim_keep_each_other_s_changes(
    programme, visit, seminar, workshop, experts, editor
):
    claim = make_claim(programme, who=experts[0], event=visit)
    edit_url = reverse("programmes:edit_expense", args=[programme.pk, claim.pk])

    def loaded_form() -> dict:
        form = client_for(editor).get(edit_url).context["form"]
        return {name: form[name].value() for name in form.fields if name != "receipt"}

    first, second = loaded_form(), loaded_form()
    moved = {**first, "event": f"seminaire-{seminar.pk}", "spent_on": str(SEMINAR_DAY)}
    assert client_for(editor).post(edit_url, clean(moved)).status_code == 302
    described = {**second, "description": "Déjeuner avec le référent"}
    assert client_for(editor).post(edit_url, clean(described)).status_code == 302
    claim.refresh_from_db()
    assert claim.seminar == seminar and claim.visit is None  # the first change stays
    assert claim.description == "Déjeuner avec le référent"
    # Both changing the event: the second is told, and nothing is written.
    third = {**first, "event": f"atelier-{workshop.pk}", "spent_on": str(WORKSHOP_DAY)}
    response = client_for(editor).post(edit_url, clean(third))
    assert response.status_code == 200
    errors = str(response.context["form"].errors)
    assert "Quelqu&#x27;un d&#x27;autre a changé l&#x27;événement" in errors, errors
    claim.refresh_from_db()
    assert claim.seminar == seminar


def clean(data: dict) -> dict:
    """A form's values as a browser sends them (no None)."""
    return {name: "" if value is None else value for name, value in data.items()}


def test_checking_the_claims_again_reads_the_same_queries_for_one_or_many(
    programme, workshop, confirmed, django_assert_max_num_queries
):
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    from essaim.programmes.services.expenses import recheck_claims

    participants = list(confirmed.contacts.filter(kind="participant"))
    make_claim(programme, who=participants[0], event=workshop)
    with CaptureQueriesContext(connection) as one:
        recheck_claims(programme)
    for person in participants[1:]:
        make_claim(programme, who=person, event=workshop)
        make_claim(programme, who=person, event=workshop, category=Category.TRAVEL)
    with django_assert_max_num_queries(len(one)):
        recheck_claims(programme)
