"""The organiser's « Inscriptions » tab: figures, breakdowns, filters, list and detail."""

import datetime
import html
import re
from decimal import Decimal

import pytest
from django.urls import reverse
from django.utils import timezone

from essaim.registrations.models import Answer, Category, Status
from essaim.territories.models import Commune
from essaim.trainings.models import QuestionKind
from tests.conftest import client_for
from tests.registrations.factories import RegistrationFactory
from tests.trainings.factories import RegistrationQuestionFactory, SlotFactory

pytestmark = pytest.mark.django_db


def commune(code: str) -> Commune:
    return Commune.objects.get(insee_code=code)


def manage_url(session, **query) -> str:
    url = reverse("registrations:manage", args=[session.pk])
    if query:
        url += "?" + "&".join(f"{key}={value}" for key, value in query.items())
    return url


def text_of(response) -> str:
    """The page as a reader reads it: tags removed, spaces collapsed."""
    page = re.sub(r"<(script|style)[^>]*>.*?</\1>", " ", response.content.decode(), flags=re.S)
    page = re.sub(r"</?(a|span|strong|time)\b[^>]*>", "", page)
    return " ".join(html.unescape(re.sub(r"<[^>]+>", " ", page)).split())


def row_names(response) -> list[str]:
    return [registration.full_name for registration in response.context["page"].object_list]


def offered(**fields):
    expires = timezone.now() + datetime.timedelta(days=2)
    return RegistrationFactory(status=Status.OFFERED, offer_expires_at=expires, **fields)


# Permissions ----------------------------------------------------------------------------------


def test_it_sends_anonymous_visitors_to_the_login_page(training_session):
    response = client_for(None).get(manage_url(training_session))
    assert response.status_code == 302
    assert response["Location"].startswith(reverse("accounts:login"))


def test_it_hides_the_tab_from_people_who_do_not_organise_the_session(training_session, outsider):
    assert client_for(outsider).get(manage_url(training_session)).status_code == 404


def test_it_shows_the_tab_to_a_reader_without_the_organisers_actions(training_session, reader):
    registration = RegistrationFactory(
        session=training_session, status=Status.PENDING, last_name="Roux"
    )
    response = client_for(reader).get(manage_url(training_session))
    assert response.status_code == 200
    assert "Roux" in text_of(response)
    confirm_url = reverse(
        "registrations:manage_confirm", args=[training_session.pk, registration.pk]
    )
    assert confirm_url not in response.content.decode()
    assert "attend votre décision" not in text_of(response)


def test_it_refuses_other_methods(training_session, owner):
    assert client_for(owner).post(manage_url(training_session)).status_code == 405


# Key figures and breakdowns -------------------------------------------------------------------


def test_it_counts_the_registrations_of_each_status_and_the_places_left(training_session, owner):
    session = training_session  # 30 places
    RegistrationFactory.create_batch(3, session=session, status=Status.CONFIRMED)
    RegistrationFactory.create_batch(2, session=session, status=Status.PENDING)
    RegistrationFactory(session=session, status=Status.WAITING)
    offered(session=session)
    RegistrationFactory(session=session, status=Status.CANCELLED)
    RegistrationFactory(session=session, status=Status.REFUSED)
    RegistrationFactory(status=Status.CONFIRMED)  # another session's

    response = client_for(owner).get(manage_url(session))

    text = text_of(response)
    assert "30 places dont 24 libres" in text
    assert "3 confirmées" in text
    assert "2 en attente de validation" in text
    assert "1 sur liste d'attente" in text
    assert "1 place proposée" in text
    assert "1 annulée" in text
    assert "1 refusée" in text
    shown = [figure["status"] for figure in response.context["figures"]]
    assert Status.EXPIRED not in shown  # shown only when there is one
    assert "2 inscriptions attendent votre décision" in text
    assert f'href="{manage_url(session, status="pending")}"' in response.content.decode()


def test_a_session_without_a_limit_says_so(training_session, owner):
    training_session.capacity = None
    training_session.save()
    response = client_for(owner).get(manage_url(training_session))
    assert "Sans limite de places" in text_of(response)


def test_it_breaks_the_active_registrations_down_by_category_and_territory(training_session, owner):
    session = training_session
    for code in ("26289", "26289", "26113", "38185"):
        RegistrationFactory(session=session, category=Category.OFFICER, commune=commune(code))
    RegistrationFactory(session=session, category=Category.ELECTED, commune=commune("29083"))
    RegistrationFactory(session=session, category=Category.ELECTED, status=Status.WAITING)
    RegistrationFactory(session=session, category=Category.CIVIL, status=Status.CANCELLED)

    response = client_for(owner).get(manage_url(session))

    breakdowns = response.context["breakdowns"]
    assert breakdowns["total"] == 6
    categories = [(share.label, share.count, share.percent) for share in breakdowns["categories"]]
    assert categories == [
        ("agent de développement", 4, 67),
        ("élu·e", 2, 33),
        ("autre", 0, 0),
        ("porteur de projet", 0, 0),
        ("société civile", 0, 0),
    ]
    departements = [(share.label, share.count) for share in breakdowns["departements"]]
    assert departements == [
        ("Drôme (26)", 3),
        ("Finistère (29)", 1),
        ("Isère (38)", 1),
        ("Non renseignée", 1),
    ]
    epcis = [(share.label, share.count) for share in breakdowns["epcis"]]
    assert epcis == [
        ("CC du Crestois et de Pays de Saillans Coeur de Drôme", 2),
        ("CC du Diois", 1),
        ("Commune hors EPCI", 1),  # Île-de-Sein
        ("Grenoble-Alpes-Métropole", 1),
        ("Non renseignée", 1),
    ]
    text = text_of(response)
    assert "Sur 6 inscriptions actives." in text
    assert "Drôme (26) 3 50 %" in text
    assert "Non renseignée 1 17 %" in text


def test_the_breakdowns_follow_the_filters(training_session, owner):
    RegistrationFactory(session=training_session, category=Category.OFFICER)
    RegistrationFactory(session=training_session, category=Category.PROJECT, status="pending")
    response = client_for(owner).get(manage_url(training_session, status="pending"))
    breakdowns = response.context["breakdowns"]
    assert breakdowns["total"] == 1
    assert breakdowns["categories"][0].label == "porteur de projet"
    assert "Sur 1 inscription sélectionnée par les filtres." in text_of(response)


def test_beyond_ten_territories_the_smallest_are_summed_up(training_session, owner):
    epci_communes = {}
    for commune_row in Commune.objects.exclude(epci=None).order_by("insee_code"):
        epci_communes.setdefault(commune_row.epci_id, commune_row)
        if len(epci_communes) == 13:
            break
    for commune_row in epci_communes.values():
        RegistrationFactory(session=training_session, commune=commune_row)
    response = client_for(owner).get(manage_url(training_session))
    epcis = response.context["breakdowns"]["epcis"]
    assert len(epcis) == 11
    assert epcis[-1].label == "Autres (3)" and epcis[-1].count == 3


# The list and its filters ---------------------------------------------------------------------


def test_it_lists_the_active_registrations_in_the_order_they_came(training_session, owner):
    start = timezone.now() - datetime.timedelta(days=3)
    for number, (name, status) in enumerate(
        [("Arnaud", "confirmed"), ("Bastien", "cancelled"), ("Chloé", "waiting")]
    ):
        RegistrationFactory(
            session=training_session,
            last_name=name,
            status=status,
            created_at=start + datetime.timedelta(hours=number),
        )
    response = client_for(owner).get(manage_url(training_session))
    assert row_names(response) == ["Camille Arnaud", "Camille Chloé"]


def test_each_row_shows_what_the_organiser_needs(training_session, owner):
    RegistrationFactory(
        session=training_session,
        first_name="Nadia",
        last_name="Ferrand",
        email="nadia.ferrand@example.org",
        organisation_name="PNR du Vercors",
        category=Category.PROJECT,
        commune=commune("26113"),
        status=Status.PENDING,
        accessibility_needs="Boucle magnétique",
    )
    response = client_for(owner).get(manage_url(training_session))
    text = text_of(response)
    assert (
        "Nadia Ferrand nadia.ferrand@example.org Besoins d'adaptation PNR du Vercors Die "
        "Porteur de projet En attente de validation"
    ) in text
    assert "Séances" not in text  # one slot: no column
    assert timezone.localdate().strftime("%d/%m/%Y") in text


def test_it_filters_by_status_category_slot_and_words(training_session, owner):
    session = training_session
    morning = session.slots.get()
    afternoon = SlotFactory(
        session=session,
        date=session.start_date,
        start_time=datetime.time(14),
        end_time=datetime.time(17),
    )
    alice = RegistrationFactory(
        session=session, first_name="Alice", last_name="Brun", organisation_name="Pays Diois"
    )
    alice.slots.set([morning])
    bruno = RegistrationFactory(
        session=session,
        first_name="Bruno",
        last_name="Petit",
        category=Category.ELECTED,
        email="bruno@mairie-saillans.example.org",
        organisation_name="Mairie",
        status=Status.WAITING,
    )
    bruno.slots.set([morning, afternoon])
    RegistrationFactory(
        session=session, first_name="Céline", last_name="Roux", status=Status.CANCELLED
    )
    client = client_for(owner)

    def names(**query):
        return sorted(row_names(client.get(manage_url(session, **query))))

    assert names() == ["Alice Brun", "Bruno Petit"]
    assert names(status="waiting") == ["Bruno Petit"]
    assert names(status="toutes") == ["Alice Brun", "Bruno Petit", "Céline Roux"]
    assert names(category="elu") == ["Bruno Petit"]
    assert names(slot=afternoon.pk) == ["Bruno Petit"]
    assert names(slot=morning.pk) == ["Alice Brun", "Bruno Petit"]
    assert names(q="diois") == ["Alice Brun"]
    assert names(q="saillans") == ["Bruno Petit"]
    assert names(q="alice+brun") == ["Alice Brun"]
    assert names(q="alice+petit") == []
    text = text_of(client.get(manage_url(session, q="personne")))
    assert "Aucune inscription ne correspond à ces filtres." in text


def test_a_wrong_filter_value_shows_the_default_list_and_says_why(training_session, owner):
    RegistrationFactory(session=training_session, last_name="Arnaud")
    response = client_for(owner).get(manage_url(training_session, status="perdue"))
    assert row_names(response) == ["Camille Arnaud"]
    assert "Sélectionnez un choix valide" in text_of(response)


def test_with_several_slots_each_row_shows_the_slots_attended(training_session, owner):
    session = training_session
    SlotFactory(
        session=session,
        date=session.start_date,
        start_time=datetime.time(14),
        end_time=datetime.time(17),
    )
    registration = RegistrationFactory(session=session)
    registration.slots.set(session.slots.all())
    text = text_of(client_for(owner).get(manage_url(session)))
    day = session.start_date.strftime("%-d/%m")
    assert f"{day} 10h30-12h, {day} 14h-17h" in text


def test_it_pages_the_list(training_session, owner):
    RegistrationFactory.create_batch(55, session=training_session)
    client = client_for(owner)
    first = client.get(manage_url(training_session))
    assert len(first.context["page"].object_list) == 50
    assert "Page 1 sur 2" in text_of(first)
    second = client.get(manage_url(training_session, page=2))
    assert len(second.context["page"].object_list) == 5


def test_the_list_costs_the_same_queries_whatever_the_number_of_registrations(
    training_session, owner, django_assert_max_num_queries
):
    session = training_session
    SlotFactory(
        session=session,
        date=session.start_date,
        start_time=datetime.time(14),
        end_time=datetime.time(17),
    )
    client = client_for(owner)
    client.get(manage_url(session))  # sessions and permissions warmed up

    meal = RegistrationQuestionFactory(
        session=session, label="Repas", kind=QuestionKind.CHOICE, choices="Standard\nVégétarien"
    )

    def build(count: int) -> None:
        for number in range(count):
            registration = RegistrationFactory(
                session=session,
                commune=commune("26113" if number % 2 else "38185"),
                category=Category.values[number % 5],
                status=Status.PENDING if number % 3 else Status.CONFIRMED,
            )
            registration.slots.set(session.slots.all())
            value = "Végétarien" if number % 2 else "Standard"
            Answer.objects.create(registration=registration, question=meal, value=value)

    build(2)
    # The login session and the user (2), the session with the user's role (1), its slots (1),
    # the count of the selection (1), the status counts (1), the places left (1), the three
    # breakdowns (3), the questions and the totals of their answers (2), the e-mails not sent (1),
    # the page's rows (1) and their slots (1).
    # + 1: the generations of the tables, read before the page is made (page_cache.py)
    with django_assert_max_num_queries(16) as few:
        client.get(manage_url(session))
    build(60)
    with django_assert_max_num_queries(len(few.captured_queries)):
        response = client.get(manage_url(session))
    assert len(response.context["page"].object_list) == 50


# The totals of the answers ----------------------------------------------------------------------


def test_the_answers_are_totalled_among_the_confirmed_and_apart_the_waiting_list(
    training_session, reader
):
    session = training_session
    meal = RegistrationQuestionFactory(
        session=session,
        label="Repas du midi",
        kind=QuestionKind.CHOICE,
        choices="Standard\nVégétarien\nSans porc",
        position=1,
    )
    car = RegistrationQuestionFactory(
        session=session, label="Venez-vous en voiture ?", kind=QuestionKind.YES_NO, position=2
    )
    guests = RegistrationQuestionFactory(session=session, label="Accompagnants", position=3)
    RegistrationQuestionFactory(session=session, label="Vos attentes", position=4)
    people = [
        (Status.CONFIRMED, "Végétarien", "oui", "2", "Des repères"),
        (Status.CONFIRMED, "Végétarien", "non", "1,5", "Des contacts"),
        (Status.CONFIRMED, "Standard", "oui", "", ""),
        (Status.WAITING, "Standard", "oui", "3", ""),
        (Status.PENDING, "Standard", "oui", "10", ""),  # holds no confirmed place yet
        (Status.CANCELLED, "Sans porc", "oui", "10", ""),
    ]
    expectations = session.questions.get(label="Vos attentes")
    for status, *values in people:
        registration = RegistrationFactory(session=session, status=status)
        for question, value in zip((meal, car, guests, expectations), values, strict=True):
            Answer.objects.create(registration=registration, question=question, value=value)

    response = client_for(reader).get(manage_url(session))

    totals = {
        item.question.label: [(row.label, row.confirmed, row.waiting) for row in item.rows]
        for item in response.context["answer_totals"].questions
    }
    assert totals == {
        "Repas du midi": [("Standard", 1, 1), ("Végétarien", 2, 0), ("Sans porc", 0, 0)],
        "Venez-vous en voiture ?": [("Oui", 2, 1), ("Non", 1, 0)],
        "Accompagnants": [
            ("Total des réponses", Decimal("3.5"), Decimal(3)),
            ("Personnes ayant répondu", 2, 1),
        ],
    }
    page = text_of(response)
    assert "Réponses aux questions" in page
    assert "Repas du midi Réponse Confirmées Liste d'attente Standard 1 1 Végétarien 2 0" in page
    assert "Total des réponses 3,5 3" in page


def test_without_answers_to_total_the_section_is_not_shown(training_session, reader):
    RegistrationQuestionFactory(session=training_session, label="Vos attentes")
    registration = RegistrationFactory(session=training_session)
    question = training_session.questions.get()
    Answer.objects.create(registration=registration, question=question, value="Des repères")
    response = client_for(reader).get(manage_url(training_session))
    assert response.context["answer_totals"].questions == []
    assert "Réponses aux questions" not in text_of(response)


# The detail of one registration ---------------------------------------------------------------


def test_the_detail_shows_the_answers_to_the_questions_and_the_needs(training_session, reader):
    session = training_session
    expectations = RegistrationQuestionFactory(session=session, position=1)
    diet = RegistrationQuestionFactory(session=session, label="Régime alimentaire", position=2)
    registration = RegistrationFactory(
        session=session,
        commune=commune("26289"),
        accessibility_needs="Sous-titrage des vidéos",
        phone="04 65 71 17 15",
    )
    Answer.objects.create(
        registration=registration, question=expectations, value="Des repères de méthode"
    )
    assert diet.answers.count() == 0
    url = reverse("registrations:manage_detail", args=[session.pk, registration.pk])

    response = client_for(reader).get(url)

    assert response.status_code == 200
    text = text_of(response)
    assert "Qu'attendez-vous de cette session ? Des repères de méthode" in text
    assert "Régime alimentaire Pas de réponse" in text
    assert "Besoins d'accessibilité À prévoir Sous-titrage des vidéos" in text
    assert "Saillans (26289) Drôme · CC du Crestois" in text
    assert "04 65 71 17 15" in text
    assert "Décider" not in text  # a reader does not decide


def test_the_detail_of_another_sessions_registration_does_not_exist(training_session, owner):
    other = RegistrationFactory()
    url = reverse("registrations:manage_detail", args=[training_session.pk, other.pk])
    assert client_for(owner).get(url).status_code == 404


@pytest.mark.parametrize("user", [None, "outsider"])
def test_the_detail_is_private(training_session, user, request):
    registration = RegistrationFactory(session=training_session)
    url = reverse("registrations:manage_detail", args=[training_session.pk, registration.pk])
    client = client_for(request.getfixturevalue(user) if user else None)
    response = client.get(url)
    assert response.status_code == (404 if user else 302)
