"""Creating and changing a session: the form, its French errors, its owner and its history."""

import datetime

import pytest
from django.urls import reverse

from essaim.core.models import HistoryEntry
from essaim.roles.models import Role
from essaim.trainings.models import Access, Format, TrainingSession
from tests.conftest import client_for
from tests.organisations.factories import OrganisationFactory
from tests.trainings.factories import CycleFactory, TrainingSessionFactory
from tests.trainings.test_public_session import in_days, text_of

pytestmark = pytest.mark.django_db

CREATE = reverse("trainings:session_create")


def session_data(**overrides) -> dict:
    """What an organiser types in the form for an online session of the cycle."""
    data = {
        "title": "L'expérimentation : repères méthodologiques",
        "cycle": "",
        "position": "1",
        "why": "Les enjeux de transitions incitent les acteurs à inventer.",
        "audience": "Les acteurs du développement local.",
        "objectives": "Mieux cerner les concepts\nComprendre l'intérêt",
        "programme_intro": "",
        "teaching_methods": "Apports et témoignages",
        "prerequisites": "Aucun.",
        "accessibility": "",
        "accessibility_contact": "",
        "start_date": in_days(30).isoformat(),
        "end_date": in_days(30).isoformat(),
        "format": Format.ONLINE,
        "meeting_url": "",
        "venue": "",
        "address": "",
        "organiser": "",
        "contact_name": "Mylène Thou",
        "contact_email": "contact@example.org",
        "contact_phone": "04 65 71 17 15",
        "access": Access.FREE,
        "price": "",
        "capacity": "40",
        "registration_deadline": "",
        "offer_hours": "48",
        "all_slots_recommended": "on",
        "reminder_days": "2",
        "retention_months": "36",
    }
    data.update(overrides)
    return data


def test_the_form_opens_grouped_in_four_parts(outsider):
    response = client_for(outsider).get(CREATE)
    assert response.status_code == 200
    legends = [group["legend"] for group in response.context["form"].fieldsets()]
    assert legends == ["L'annonce", "En pratique", "Inscription", "Suivi"]
    html = response.content.decode()
    assert "<legend>L&#x27;annonce</legend>" in html
    assert 'value="Oscar Extérieur"' in html  # the creator is the contact, to begin with


def test_anyone_signed_in_creates_a_session_and_owns_it(outsider):
    response = client_for(outsider).post(CREATE, session_data())
    session = TrainingSession.objects.get()
    assert response.status_code == 302
    assert response["Location"] == reverse("trainings:programme", args=[session.pk])
    assert session.slug == f"l-experimentation-reperes-methodologiques-{in_days(30):%Y-%m-%d}"
    assert not session.published
    assert session.created_by == outsider
    assert session.role_of(outsider) == Role.OWNER
    entry = HistoryEntry.objects.of(session).get()
    assert entry.verb == "created" and entry.actor == outsider


def test_the_same_title_on_the_same_day_gets_another_address(outsider):
    client = client_for(outsider)
    client.post(CREATE, session_data())
    client.post(CREATE, session_data())
    slugs = sorted(TrainingSession.objects.values_list("slug", flat=True))
    assert slugs[1] == slugs[0] + "-2"


def test_anonymous_visitors_are_sent_to_sign_in():
    response = client_for(None).get(CREATE)
    assert response.status_code == 302
    assert reverse("accounts:login") in response["Location"]


@pytest.mark.parametrize(
    ("overrides", "field", "message"),
    [
        (
            {"end_date": in_days(29).isoformat()},
            "end_date",
            "Le dernier jour doit suivre le premier.",
        ),
        ({"access": Access.PAID}, "price", "Indiquez le tarif d'une session payante."),
        (
            {"format": Format.IN_PERSON},
            "venue",
            "Indiquez le lieu d'une session en présentiel.",
        ),
        (
            {"capacity": "0"},
            "capacity",
            "Indiquez au moins une place, ou laissez vide pour ne pas limiter.",
        ),
        (
            {"registration_deadline": f"{in_days(31).isoformat()}T12:00"},
            "registration_deadline",
            "La date limite d'inscription doit précéder le début de la session.",
        ),
        ({"title": ""}, "title", "Ce champ est obligatoire."),
        ({"start_date": "31/02/2024"}, "start_date", "Saisissez une date valide."),
        ({"contact_email": "pas-une-adresse"}, "contact_email", "Saisissez une adresse"),
    ],
    ids=["end", "price", "place", "capacity", "deadline", "title", "date", "email"],
)
def test_bad_input_is_explained_in_french_and_nothing_is_lost(outsider, overrides, field, message):
    data = session_data(why="Un texte long que personne ne veut retaper.", **overrides)
    response = client_for(outsider).post(CREATE, data)
    assert response.status_code == 200
    assert not TrainingSession.objects.exists()
    form = response.context["form"]
    assert any(error.startswith(message) for error in form.errors[field]), form.errors
    html = response.content.decode()
    assert message.replace("'", "&#x27;")[:30] in html
    assert "Un texte long que personne ne veut retaper." in html
    assert 'aria-invalid="true"' in html


def test_a_paid_in_person_session_with_a_place_and_a_price_is_accepted(outsider):
    data = session_data(
        access=Access.PAID, price="45", format=Format.IN_PERSON, venue="Maison du Parc"
    )
    client_for(outsider).post(CREATE, data)
    session = TrainingSession.objects.get()
    assert session.price == 45 and session.venue == "Maison du Parc"


def test_the_price_of_a_free_session_is_dropped(outsider):
    client_for(outsider).post(CREATE, session_data(price="12"))
    assert TrainingSession.objects.get().price is None


def test_a_session_created_from_a_cycle_comes_at_its_end(outsider):
    cycle = CycleFactory()
    cycle.grant(outsider, Role.EDITOR)
    TrainingSessionFactory(cycle=cycle, position=1)
    TrainingSessionFactory(cycle=cycle, position=2)
    client = client_for(outsider)
    response = client.get(CREATE, {"cycle": cycle.pk})
    assert response.context["form"].initial["cycle"] == cycle
    assert response.context["form"].initial["position"] == 3
    client.post(CREATE, session_data(cycle=cycle.pk, position="3"))
    created = TrainingSession.objects.get(created_by=outsider)
    assert created.cycle == cycle and created.position == 3


def test_only_the_cycles_one_edits_are_offered(outsider, reader):
    mine, read_only, other = CycleFactory(), CycleFactory(), CycleFactory()
    mine.grant(outsider, Role.OWNER)
    read_only.grant(outsider, Role.READER)
    response = client_for(outsider).get(CREATE, {"cycle": other.pk})
    assert list(response.context["form"].fields["cycle"].queryset) == [mine]
    assert response.context["form"].initial["cycle"] is None
    response = client_for(outsider).post(CREATE, session_data(cycle=other.pk))
    assert "cycle" in response.context["form"].errors


def test_an_editor_changes_the_session_and_the_history_says_what_changed(training_session, editor):
    url = reverse("trainings:session_edit", args=[training_session.pk])
    client = client_for(editor)
    assert client.get(url).status_code == 200
    data = session_data(
        title=training_session.title,
        start_date=training_session.start_date.isoformat(),
        end_date=training_session.end_date.isoformat(),
        capacity="25",
        organiser=OrganisationFactory(name="Cap Rural").pk,
    )
    response = client.post(url, data)
    assert response.status_code == 302
    training_session.refresh_from_db()
    assert training_session.capacity == 25
    assert training_session.slug.startswith("session-")  # the address does not change
    entry = HistoryEntry.objects.of(training_session).filter(verb="updated").get()
    assert "nombre de places" in entry.summary
    assert entry.changes["Nombre de places"] == {"avant": "30", "après": "25"}
    assert entry.changes["Organisé par"] == {"avant": "—", "après": "Cap Rural"}


def test_the_dates_cannot_leave_slots_outside(training_session, editor):
    url = reverse("trainings:session_edit", args=[training_session.pk])
    later = training_session.start_date + datetime.timedelta(days=7)
    data = session_data(start_date=later.isoformat(), end_date=later.isoformat())
    response = client_for(editor).post(url, data)
    assert response.status_code == 200
    assert "hors de ces dates" in text_of(response)


def test_the_deadline_must_precede_the_first_slot(training_session, editor):
    url = reverse("trainings:session_edit", args=[training_session.pk])
    day = training_session.start_date.isoformat()
    data = session_data(start_date=day, end_date=day, registration_deadline=f"{day}T11:00")
    response = client_for(editor).post(url, data)
    assert "registration_deadline" in response.context["form"].errors
    data["registration_deadline"] = f"{day}T09:00"
    assert client_for(editor).post(url, data).status_code == 302


def test_only_editors_change_a_session(training_session, reader, contributor, outsider):
    url = reverse("trainings:session_edit", args=[training_session.pk])
    assert client_for(outsider).get(url).status_code == 404
    assert client_for(reader).get(url).status_code == 403
    assert client_for(contributor).post(url, session_data()).status_code == 403
    assert client_for(outsider).post(url, session_data()).status_code == 404


def test_the_organisers_of_a_cycle_change_its_sessions(outsider):
    cycle = CycleFactory()
    session = TrainingSessionFactory(cycle=cycle)
    cycle.grant(outsider, Role.EDITOR)
    url = reverse("trainings:session_edit", args=[session.pk])
    assert client_for(outsider).get(url).status_code == 200


def test_more_places_are_offered_to_the_people_waiting(training_session, editor, mailoutbox):
    from essaim.registrations.models import Status
    from tests.registrations.factories import RegistrationFactory

    training_session.capacity = 1
    training_session.save()
    RegistrationFactory(session=training_session)
    waiting = [
        RegistrationFactory(session=training_session, status=Status.WAITING) for _ in range(3)
    ]
    data = session_data(
        title=training_session.title,
        start_date=training_session.start_date.isoformat(),
        end_date=training_session.end_date.isoformat(),
        capacity="3",
    )
    url = reverse("trainings:session_edit", args=[training_session.pk])
    response = client_for(editor).post(url, data, follow=True)
    assert "2 places proposées aux premières personnes de la liste d'attente." in (
        response.content.decode().replace("&#x27;", "'")
    )
    statuses = [type(r).objects.get(pk=r.pk).status for r in waiting]
    assert statuses == [Status.OFFERED, Status.OFFERED, Status.WAITING]
