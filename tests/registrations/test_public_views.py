"""The public registration form and the registrant's personal pages, as a visitor uses them."""

import datetime
import html

import pytest
from django.urls import reverse
from django.utils import timezone
from icalendar import Calendar

from essaim.registrations import services
from essaim.registrations.models import Registration, Status
from essaim.trainings.models import Access
from tests.conftest import client_for
from tests.memberships.factories import MembershipFactory
from tests.organisations.factories import OrganisationFactory
from tests.registrations.factories import RegistrationFactory
from tests.registrations.helpers import session_of
from tests.trainings.factories import RegistrationQuestionFactory

pytestmark = pytest.mark.django_db
DIRECTORY = 'SELECT "organisations_organisation"'
MEETING = "https://visio.example.org/essaim-session"


def upcoming_session(*, slots: int = 1, **fields):
    """A published session a month from today (the views use the real clock)."""
    start = timezone.localdate() + datetime.timedelta(days=30)
    return session_of(slots=slots, start=start, **fields)


def form_url(session) -> str:
    return reverse("registrations:register", args=[session.slug])


def form_data(session, number: int = 1, **overrides) -> dict:
    data = {
        "first_name": "Camille",
        "last_name": f"Martin{number}",
        "email": f"camille.martin{number}@example.org",
        "organisation_name": "Communauté de communes du Diois",
        "category": "agent",
        "accessibility_needs": "",
        "consent": "on",
        "submission_key": f"cle-{number}",
    }
    if session.slots.count() > 1:
        data["slots"] = [slot.pk for slot in session.slots.all()]
    return {**data, **overrides}


def text(response) -> str:
    """The page as a reader sees it (entities decoded)."""
    return html.unescape(response.content.decode())


def post(session, data, client=None):
    return (client or client_for(None)).post(form_url(session), data)


# The form --------------------------------------------------------------------------------


def test_the_form_asks_for_everything_with_all_slots_checked():
    session = upcoming_session(slots=2, retention_months=24, capacity=10)
    RegistrationQuestionFactory(session=session, label="Qu'attendez-vous de cette session ?")
    response = client_for(None).get(form_url(session))
    assert response.status_code == 200
    page = text(response)
    for label in (
        "Prénom",
        "Adresse e-mail",
        "Organisation ou structure",
        "Vous êtes",
        "agent de développement",
        "porteur de projet",
        "société civile",
        "Commune de votre structure",
        "Séances auxquelles vous assisterez",
        "Il est fortement recommandé d'assister à l'ensemble des séances.",
        "Qu'attendez-vous de cette session ?",
        "conservés 24 mois après la session, puis anonymisés",
        "10 places",
    ):
        assert label in page, label
    assert page.count('type="checkbox" name="slots"') == 2
    assert page.count('name="slots" value') == 2 and page.count("checked") >= 2
    assert MEETING not in page


SCRIPT = "<script>alert('contact')</script>"
IMAGE = '<img src=x onerror="alert(1)">'


def test_what_organisers_typed_is_escaped_on_the_public_form():
    session = upcoming_session(
        accessibility_contact=SCRIPT,
        organiser=OrganisationFactory(name=IMAGE),
        contact_name=IMAGE,
        title=f"Repères {SCRIPT}",
    )
    RegistrationQuestionFactory(session=session, label=IMAGE)
    content = client_for(None).get(form_url(session)).content.decode()
    assert "<script>alert" not in content and "<img src=x" not in content
    assert "Référent handicap : &lt;script&gt;alert(&#x27;contact&#x27;)&lt;/script&gt;." in content
    assert "utilisés par &lt;img src=x onerror=&quot;alert(1)&quot;&gt; pour organiser" in content


def test_what_registrants_typed_is_escaped_on_their_personal_page():
    session = upcoming_session()
    registration = RegistrationFactory(
        session=session, first_name=SCRIPT, accessibility_needs=IMAGE, organisation_name=IMAGE
    )
    session.accessibility_contact = SCRIPT
    session.save(update_fields=["accessibility_contact"])
    for name in ("mine", "edit", "cancel"):
        content = client_for(None).get(mine_url(registration, name)).content.decode()
        assert "<script>alert" not in content and "<img src=x" not in content


def test_the_commune_is_searched_and_recorded_without_an_account(referential):
    session = upcoming_session()
    visitor = client_for(None)
    page = visitor.get(form_url(session)).content.decode()
    search_url = reverse("territories:search_communes_public")
    assert f'hx-get="{search_url}"' in page
    assert visitor.get(search_url, {"q": "saillans"}).status_code == 200
    response = post(session, form_data(session, commune="26289"), client=visitor)
    assert response.status_code == 302
    assert Registration.objects.get().commune.name == "Saillans"


def test_a_single_slot_session_asks_no_slot():
    page = text(client_for(None).get(form_url(upcoming_session())))
    assert 'name="slots"' not in page


def test_an_unpublished_session_has_no_form():
    session = upcoming_session(published=False)
    assert client_for(None).get(form_url(session)).status_code == 404
    assert post(session, form_data(session)).status_code == 404


def test_a_visitor_registers_and_lands_on_their_confirmed_registration(
    mailoutbox, django_capture_on_commit_callbacks
):
    session = upcoming_session()
    with django_capture_on_commit_callbacks(execute=True):
        response = post(session, form_data(session))
    registration = Registration.objects.get()
    assert registration.status == Status.CONFIRMED
    assert registration.consent and registration.consent_at is not None
    assert response.url == reverse("registrations:mine", args=[registration.token])
    page = text(client_for(None).get(response.url))
    assert "Votre inscription est confirmée" in page
    assert MEETING in page  # confirmed, online: the link is on their page
    assert len(mailoutbox) == 1


def test_sending_the_same_form_twice_registers_once():
    session = upcoming_session()
    client = client_for(None)
    first = post(session, form_data(session), client)
    second = post(session, form_data(session), client)
    assert Registration.objects.count() == 1
    assert first.url == second.url  # the same registration, whichever answer arrives


def test_the_same_email_with_another_form_is_told_it_is_already_registered():
    session = upcoming_session()
    post(session, form_data(session))
    response = post(session, form_data(session, submission_key="autre-formulaire"))
    assert response.status_code == 200
    assert "Cette adresse e-mail est déjà inscrite à cette session." in text(response)
    assert Registration.objects.count() == 1


def test_errors_are_in_french_and_nothing_typed_is_lost():
    session = upcoming_session()
    RegistrationQuestionFactory(session=session, label="Votre projet ?", required=True)
    data = form_data(session, email="pas-une-adresse", accessibility_needs="Boucle magnétique")
    del data["consent"]
    response = post(session, data)
    page = text(response)
    assert response.status_code == 200
    assert "Le formulaire contient des erreurs" in page
    assert "Saisissez une adresse de courriel valide." in page
    assert "Cochez cette case" in page
    assert "Répondez à la question « Votre projet ? »." in page
    assert 'value="Martin1"' in page and "Boucle magnétique" in page
    assert not Registration.objects.exists()


def test_answers_and_chosen_slots_are_saved():
    session = upcoming_session(slots=3)
    question = RegistrationQuestionFactory(session=session, label="Votre projet ?")
    first = session.slots.order_by("date").first()
    post(
        session,
        form_data(session, slots=[first.pk], **{f"question_{question.pk}": "Un tiers-lieu"}),
    )
    registration = Registration.objects.get()
    assert list(registration.slots.all()) == [first]
    assert registration.answers.get().value == "Un tiers-lieu"


def test_when_full_the_visitor_joins_the_waiting_list_and_sees_their_position():
    session = upcoming_session(capacity=1)
    RegistrationFactory(session=session)
    form = text(client_for(None).get(form_url(session)))
    assert "Rejoindre la liste d'attente" in form
    response = post(session, form_data(session))
    registration = Registration.objects.get(email="camille.martin1@example.org")
    assert registration.status == Status.WAITING
    page = text(client_for(None).get(response.url))
    assert "Vous êtes sur la liste d'attente" in page
    assert "la première personne" in page
    assert MEETING not in page


def test_members_only_a_non_member_registers_pending_their_cotisation():
    session = upcoming_session(access=Access.MEMBERS)
    form = text(client_for(None).get(form_url(session)))
    assert "m'inscrire en attente de cotisation" in form
    refused = post(session, form_data(session))
    assert "réservée aux adhérents à jour de leur cotisation" in text(refused)
    assert not Registration.objects.exists()
    response = post(session, form_data(session, wait_for_membership="on"))
    registration = Registration.objects.get()
    assert registration.status == Status.PENDING
    page = text(client_for(None).get(response.url))
    assert "Votre inscription attend votre cotisation" in page
    assert "Votre place est réservée" in page
    assert MEETING not in page


def test_members_only_a_member_registers_directly():
    session = upcoming_session(access=Access.MEMBERS)
    MembershipFactory(email="camille.martin1@example.org", year=session.start_date.year)
    response = post(session, form_data(session))
    assert Registration.objects.get().status == Status.CONFIRMED
    assert response.status_code == 302


def test_after_the_deadline_the_page_says_so_and_gives_the_contact():
    session = upcoming_session(
        registration_deadline=timezone.now() - datetime.timedelta(hours=1),
        contact_name="Mylène Thou",
        contact_phone="04 65 71 17 15",
    )
    response = client_for(None).get(form_url(session))
    page = text(response)
    assert "Les inscriptions sont closes" in page
    assert "les inscriptions étaient ouvertes jusqu'au" in page
    assert "Mylène Thou" in page and "contact@example.org" in page and "04 65 71 17 15" in page
    assert "<form" not in page.split('id="contenu"')[1]
    assert post(session, form_data(session)).status_code == 200
    assert not Registration.objects.exists()


# The personal page ---------------------------------------------------------------------------


def mine_url(registration, name="mine") -> str:
    return reverse(f"registrations:{name}", args=[registration.token])


def test_an_unknown_or_anonymised_token_is_not_found():
    client = client_for(None)
    assert client.get("/inscriptions/inconnu/").status_code == 404
    anonymised = RegistrationFactory(anonymised_at=timezone.now())
    assert client.get(mine_url(anonymised)).status_code == 404


def test_the_tokens_are_long_and_random():
    tokens = {RegistrationFactory().token for _ in range(3)}
    assert len(tokens) == 3 and all(len(token) >= 32 for token in tokens)


@pytest.mark.parametrize(
    ("status", "shows_link"),
    [
        (Status.CONFIRMED, True),
        (Status.PENDING, False),
        (Status.WAITING, False),
        (Status.OFFERED, False),
        (Status.CANCELLED, False),
    ],
)
def test_the_meeting_link_is_shown_to_confirmed_registrants_only(status, shows_link):
    session = upcoming_session()
    registration = RegistrationFactory(
        session=session,
        status=status,
        offer_expires_at=timezone.now() + datetime.timedelta(hours=2),
    )
    page = text(client_for(None).get(mine_url(registration)))
    assert (MEETING in page) is shows_link


def test_the_meeting_link_is_never_on_the_public_pages():
    session = upcoming_session()
    RegistrationFactory(session=session)
    for url in (session.get_absolute_url(), form_url(session)):
        assert MEETING not in text(client_for(None).get(url))


def test_the_personal_calendar_carries_the_meeting_link_once_confirmed():
    session = upcoming_session()
    confirmed = RegistrationFactory(session=session)
    response = client_for(None).get(mine_url(confirmed, "calendar"))
    assert response["Content-Type"] == "text/calendar; charset=utf-8"
    event = Calendar.from_ical(response.content).walk("VEVENT")[0]
    assert str(event["location"]) == MEETING
    pending = RegistrationFactory(session=session, status=Status.PENDING)
    event = Calendar.from_ical(client_for(None).get(mine_url(pending, "calendar")).content)
    assert MEETING not in event.to_ical().decode()
    waiting = RegistrationFactory(session=session, status=Status.WAITING)
    assert client_for(None).get(mine_url(waiting, "calendar")).status_code == 404


def test_the_registrant_changes_their_details_but_not_their_email(referential):
    session = upcoming_session(slots=2)
    registration = services.register(
        session,
        data={
            "first_name": "Camille",
            "last_name": "Martin",
            "email": "camille@example.org",
            "category": "agent",
            "consent": True,
        },
    )
    client = client_for(None)
    page = text(client.get(mine_url(registration, "edit")))
    assert 'value="Camille"' in page and "camille@example.org" in page
    assert 'name="email"' not in page
    second = session.slots.order_by("date").last()
    response = client.post(
        mine_url(registration, "edit"),
        {
            "first_name": "Dominique",
            "last_name": "Martin",
            "organisation_name": "PNR de Chartreuse",
            "category": "elu",
            "commune": "26113",
            "accessibility_needs": "Accès en fauteuil",
            "slots": [second.pk],
            "email": "pirate@example.org",
        },
    )
    assert response.status_code == 302
    registration.refresh_from_db()
    assert registration.first_name == "Dominique"
    assert registration.category == "elu"
    assert registration.commune.name == "Die"
    assert registration.email == "camille@example.org"
    assert list(registration.slots.all()) == [second]
    page = text(client.get(response.url))
    assert "Votre inscription est modifiée." in page and "Die" in page


def test_the_registrant_cancels_after_confirming_and_the_place_is_offered(
    mailoutbox, django_capture_on_commit_callbacks
):
    session = upcoming_session(capacity=1)
    holder = RegistrationFactory(session=session)
    waiting = RegistrationFactory(session=session, status=Status.WAITING)
    client = client_for(None)
    page = text(client.get(mine_url(holder, "cancel")))
    assert "Annuler mon inscription ?" in page
    holder.refresh_from_db()
    assert holder.status == Status.CONFIRMED  # asking changes nothing
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(mine_url(holder, "cancel"))
    holder.refresh_from_db()
    waiting.refresh_from_db()
    assert holder.status == Status.CANCELLED
    assert waiting.status == Status.OFFERED
    assert "Votre inscription est annulée" in text(client.get(response.url))
    assert [m.to for m in mailoutbox] == [[holder.email], [waiting.email]]


def test_the_offered_registrant_takes_the_place_with_one_button():
    session = upcoming_session(capacity=1)
    offered = RegistrationFactory(
        session=session,
        status=Status.OFFERED,
        offer_expires_at=timezone.now() + datetime.timedelta(hours=10),
    )
    client = client_for(None)
    page = text(client.get(mine_url(offered, "accept")))
    assert "Confirmer ma place" in page
    offered.refresh_from_db()
    assert offered.status == Status.OFFERED  # a link followed by a mail scanner takes nothing
    response = client.post(mine_url(offered, "accept"))
    offered.refresh_from_db()
    assert offered.status == Status.CONFIRMED
    page = text(client.get(response.url))
    assert "Votre inscription est confirmée" in page and MEETING in page


def test_an_expired_offer_says_so():
    session = upcoming_session(capacity=1)
    late = RegistrationFactory(
        session=session,
        status=Status.OFFERED,
        offer_expires_at=timezone.now() - datetime.timedelta(hours=1),
    )
    response = client_for(None).post(mine_url(late, "accept"))
    assert "Le délai pour confirmer cette place est dépassé" in text(response)
    late.refresh_from_db()
    assert late.status == Status.EXPIRED


def test_a_cancelled_registration_cannot_be_changed_any_more():
    registration = RegistrationFactory(session=upcoming_session(), status=Status.CANCELLED)
    client = client_for(None)
    assert client.get(mine_url(registration, "edit")).status_code == 302
    assert client.post(mine_url(registration, "cancel")).status_code == 302
    page = text(client.get(mine_url(registration)))
    assert "Modifier mes informations" not in page
    assert "formulaire d'inscription" in page


def test_the_personal_pages_refuse_other_methods():
    registration = RegistrationFactory(session=upcoming_session())
    client = client_for(None)
    assert client.post(mine_url(registration)).status_code == 405
    assert client.delete(mine_url(registration, "cancel")).status_code == 405


def test_the_personal_page_makes_a_fixed_number_of_queries(django_assert_max_num_queries):
    session = upcoming_session(slots=4)
    for _ in range(3):
        RegistrationQuestionFactory(session=session)
    registration = RegistrationFactory(session=session)
    registration.slots.set(session.slots.all())
    # 1. the registration with its session, organiser and commune, 2. the session's slots,
    # 3. its questions, 4. the slots attended, 5. the answers with their questions.
    with django_assert_max_num_queries(5):
        client_for(None).get(mine_url(registration))


def test_sending_the_form_counts_no_places_and_looks_the_directory_up_once(
    django_assert_max_num_queries,
):
    session = upcoming_session()
    data = form_data(session)
    # The session, its slots, its questions; the directory; the session row locked; the places
    # taken, the people waiting, the same address and the same form; the registration, its
    # slots, its history entry (and its content type, cached afterwards), its e-mail; the
    # savepoint and its release.
    with django_assert_max_num_queries(13) as captured:
        response = post(session, data)
    assert response.status_code == 302
    sql = [query["sql"] for query in captured.captured_queries]
    assert sum(query.startswith(DIRECTORY) for query in sql) == 1, sql
    assert not any(query.startswith("SELECT COUNT(*)") for query in sql), sql
