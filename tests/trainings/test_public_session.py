"""The public page of a session: every field of the announcement, for anyone."""

import datetime
import re

import pytest
from django.urls import reverse
from django.utils import timezone

from essaim.lib.french import long_date, weekday_date
from essaim.registrations.models import Status
from essaim.roles.models import Role
from tests.conftest import client_for
from tests.experiments.factories import ExperimentFactory
from tests.organisations.factories import OrganisationFactory
from tests.registrations.factories import RegistrationFactory
from tests.trainings.factories import (
    SlotFactory,
    TestimonyFactory,
    TrainingSessionFactory,
    scaling_like_session,
    seed_like_cycle,
)

pytestmark = pytest.mark.django_db


def in_days(days: int) -> datetime.date:
    return timezone.localdate() + datetime.timedelta(days=days)


def text_of(response) -> str:
    """The page's visible text, tags removed and spaces collapsed."""
    html = response.content.decode()
    html = re.sub(r"<(script|style)[^>]*>.*?</\1>", " ", html, flags=re.S)
    text = re.sub(r"<[^>]+>", " ", html).replace("&nbsp;", " ").replace("\u00a0", " ")
    text = text.replace("&#x27;", "'").replace("&quot;", '"').replace("&amp;", "&")
    return re.sub(r"\s+", " ", text)


@pytest.fixture
def cycle():
    return seed_like_cycle(in_days(10), organiser=OrganisationFactory(name="Cap Rural"))


def test_it_shows_every_field_of_the_announcement_in_its_order(cycle):
    session = cycle["experimentation"]
    response = client_for(None).get(session.get_absolute_url())
    assert response.status_code == 200
    text = text_of(response)
    headings = [
        "Pourquoi cette session ?",
        "Une session pour qui ?",
        "Objectifs",
        "Programme",
        "Intervenant·es",
        "En pratique",
        "Informations sur la formation",
        "Dans le même cycle",
    ]
    positions = [text.index(heading) for heading in headings]
    assert positions == sorted(positions)
    when = f"{weekday_date(session.start_date, capital=True)}, 10h30-12h"
    assert when in text
    assert when.startswith(when[0].upper())
    for words in [
        "des situations de crise ou des besoins incitent les acteurs",
        "agents de développement, élus de collectivités et d'associations",
        "Mieux cerner les concepts et démarches d'expérimentation",
        "Repères pour une démarche d'expérimentation",
        "Expérimentation, de quoi parle-t-on ?",
        "Pascale Vincent chargée de mission, de recherche et de formation, Ciedel",
        "Mylène Thou chargée de mission Valorisations des recherches et Innovations, Cap Rural",
        "Participation soumise à la cotisation annuelle à Cap Rural",
        "40 places, dont 40 encore disponibles",
        "Contact : Mylène Thou , 04 65 71 17 15 / 06 39 98 45 03 , "
        "valorisations.innovations@example.org",
        "Prérequis Aucun.",
        "Durée 1 h 30",
        "Méthodes pédagogiques Apports théoriques",
        "Webconférence sous-titrée.",
        "Pour toute adaptation, contactez Mylène Thou, 06 39 98 45 03",
    ]:
        assert words in text, words
    html = response.content.decode()
    assert 'href="tel:+33465711715"' in html
    assert "mailto:valorisations.innovations@example.org" in html
    # The objectives lose the dashes typed before them.
    assert "<li>Mieux cerner les concepts" in html


def test_the_meeting_link_is_never_on_the_public_page(cycle, owner):
    session = cycle["experimentation"]
    session.grant(owner, Role.OWNER)
    for user in (None, owner):
        html = client_for(user).get(session.get_absolute_url()).content.decode()
        assert session.meeting_url not in html
        assert "visio.example.org" not in html


def test_it_links_to_the_previous_and_next_sessions_of_its_cycle(cycle):
    response = client_for(None).get(cycle["experimentation"].get_absolute_url())
    html = response.content.decode()
    assert f'href="{cycle["innovation"].get_absolute_url()}" rel="prev"' in html
    assert f'href="{cycle["perennisation"].get_absolute_url()}" rel="next"' in html
    first = client_for(None).get(cycle["innovation"].get_absolute_url()).content.decode()
    assert 'rel="prev"' not in first
    assert f'href="{cycle["experimentation"].get_absolute_url()}" rel="next"' in first


def test_an_unpublished_neighbour_is_skipped(cycle):
    cycle["experimentation"].published = False
    cycle["experimentation"].save()
    html = client_for(None).get(cycle["innovation"].get_absolute_url()).content.decode()
    assert f'href="{cycle["perennisation"].get_absolute_url()}" rel="next"' in html


def test_the_programme_is_grouped_by_day_with_testimonies_in_their_slot():
    session = scaling_like_session(in_days(20))
    text = text_of(client_for(None).get(session.get_absolute_url()))
    first, second, third = (in_days(20), in_days(27), in_days(34))
    assert f"{weekday_date(first, capital=True)}, 10h-12h et 14h-16h" in text
    assert f"{weekday_date(second, capital=True)}, 10h-12h" in text
    assert text.index("10h-12h 1re webconférence") < text.index("14h-16h 2e webconférence")
    assert text.index("2e webconférence Témoignage : « Les centrales villageoises") < text.index(
        "3e webconférence"
    )
    assert "Témoignage : « Bricobus, déployer en réseau un dispositif solidaire » , " in text
    assert "Il est fortement recommandé de suivre l'ensemble des 4 séances." in text
    assert "Durée 8 heures en 4 séances" in text
    assert weekday_date(third, capital=True) in text
    # The list of testimonies, with their presenters.
    assert "Témoignages « Les centrales villageoises" in text
    assert "Daniel Helle, chargé de projets, Eau du Bassin Rennais Collectivité" in text


def test_the_places_left_count_only_the_registrations_holding_a_place():
    session = TrainingSessionFactory(capacity=5)
    RegistrationFactory.create_batch(2, session=session)
    RegistrationFactory(session=session, status=Status.PENDING)
    RegistrationFactory(session=session, status=Status.CANCELLED)
    RegistrationFactory(session=session, status=Status.WAITING)
    text = text_of(client_for(None).get(session.get_absolute_url()))
    assert "2 places restantes sur 5" in text
    assert "S'inscrire" in text


def test_the_call_to_action_leads_to_the_registration_form():
    session = TrainingSessionFactory()
    html = client_for(None).get(session.get_absolute_url()).content.decode()
    assert f'href="{reverse("registrations:register", args=[session.slug])}"' in html


def test_a_full_session_offers_its_waiting_list():
    session = TrainingSessionFactory(capacity=1)
    RegistrationFactory(session=session)
    text = text_of(client_for(None).get(session.get_absolute_url()))
    assert "Complet — liste d'attente" in text
    assert "Rejoindre la liste d'attente" in text
    assert "S'inscrire à" not in text


def test_after_the_deadline_registration_is_closed_with_the_contact():
    session = TrainingSessionFactory(
        registration_deadline=timezone.now() - datetime.timedelta(hours=1),
        contact_name="Mylène Thou",
        contact_email="contact@example.org",
    )
    response = client_for(None).get(session.get_absolute_url())
    text = text_of(response)
    assert "Inscriptions closes" in text
    assert "La date limite d'inscription" in text and "est passée" in text
    assert "Pour toute question, contactez Mylène Thou , contact@example.org" in text
    assert reverse("registrations:register", args=[session.slug]) not in (response.content.decode())


def test_once_started_registration_is_closed():
    session = TrainingSessionFactory(start_date=timezone.localdate(), with_slot=False)
    SlotFactory(session=session, start_time=datetime.time(0, 0), end_time=datetime.time(23, 59))
    text = text_of(client_for(None).get(session.get_absolute_url()))
    assert "Inscriptions closes" in text
    assert "La session a commencé" in text


def test_the_deadline_is_written_with_its_day():
    deadline = timezone.make_aware(datetime.datetime.combine(in_days(20), datetime.time(23, 59)))
    session = TrainingSessionFactory(registration_deadline=deadline)
    text = text_of(client_for(None).get(session.get_absolute_url()))
    assert f"Inscription obligatoire, possible jusqu'au {long_date(in_days(20))}" in (text)


def test_a_paid_or_free_session_says_so():
    paid = TrainingSessionFactory(access="paid", price="12.50")
    assert "Participation : 12,50 €" in text_of(client_for(None).get(paid.get_absolute_url()))
    free = TrainingSessionFactory()
    assert "Participation gratuite" in text_of(client_for(None).get(free.get_absolute_url()))


def test_an_in_person_session_gives_its_place():
    session = TrainingSessionFactory(
        format="in_person", venue="Maison du Parc", address="38380 Saint-Pierre-de-Chartreuse"
    )
    text = text_of(client_for(None).get(session.get_absolute_url()))
    assert "en présentiel, Maison du Parc, 38380 Saint-Pierre-de-Chartreuse" in text


def test_an_unpublished_session_does_not_exist_for_the_public(outsider, owner):
    session = TrainingSessionFactory(published=False)
    session.grant(owner, Role.OWNER)
    assert client_for(None).get(session.get_absolute_url()).status_code == 404
    assert client_for(outsider).get(session.get_absolute_url()).status_code == 404
    preview = client_for(owner).get(session.get_absolute_url())
    assert preview.status_code == 200
    assert "Aperçu." in text_of(preview)


def test_the_experiment_of_a_testimony_is_linked_only_for_those_who_may_see_it(outsider, owner):
    session = TrainingSessionFactory()
    experiment = ExperimentFactory(title="Rezo Pouce")
    experiment.grant(owner, Role.READER)
    TestimonyFactory(session=session, experiment=experiment)
    link = f'href="{experiment.get_absolute_url()}"'
    assert link not in client_for(None).get(session.get_absolute_url()).content.decode()
    assert link not in client_for(outsider).get(session.get_absolute_url()).content.decode()
    assert link in client_for(owner).get(session.get_absolute_url()).content.decode()


def test_organisers_get_a_link_to_manage_the_session(training_session, reader, outsider):
    manage = reverse("trainings:manage", args=[training_session.pk])
    url = training_session.get_absolute_url()
    assert manage in client_for(reader).get(url).content.decode()
    assert manage not in client_for(outsider).get(url).content.decode()
    assert manage not in client_for(None).get(url).content.decode()


def test_only_get_is_allowed(training_session):
    assert client_for(None).post(training_session.get_absolute_url()).status_code == 405


def test_the_number_of_queries_does_not_grow_with_the_programme(
    django_assert_num_queries, outsider
):
    session = scaling_like_session(in_days(20))
    experiments = [ExperimentFactory() for _ in range(3)]
    for experiment in experiments:
        experiment.grant(outsider, Role.READER)
    for testimony, experiment in zip(session.testimonies.all(), experiments, strict=True):
        testimony.experiment = experiment
        testimony.save()
    url = session.get_absolute_url()
    # 1 the generations of the tables (core/page_cache.py), 2 the session with its places
    # taken, 3 slots, 4 speakers, 5 testimonies (no cycle: no neighbours to look for)
    with django_assert_num_queries(5):
        assert client_for(None).get(url).status_code == 200
    client = client_for(outsider)
    client.get(url)  # content types cached
    # … and for a signed-in visitor: 6 the session (of the login), 7 the user, 8 whether they
    # organise it, 9 the experiments they may see
    with django_assert_num_queries(9):
        response = client.get(url)
    assert response.content.decode().count("Voir la fiche de l'expérimentation") == 3
    for number in range(6):
        SlotFactory(
            session=session,
            date=in_days(27),
            start_time=datetime.time(8 + number),
            end_time=datetime.time(9 + number),
        )
        TestimonyFactory(session=session, experiment=experiments[0])
    with django_assert_num_queries(9):
        assert client.get(url).status_code == 200


def test_a_past_session_says_it_took_place():
    session = TrainingSessionFactory(start_date=in_days(-400), contact_email="contact@example.org")
    response = client_for(None).get(session.get_absolute_url())
    text = text_of(response)
    assert "Inscriptions closes" in text
    assert "Cette session a eu lieu. Pour toute question, contactez" in text
    # The sentence ends right after the address, without a space before its full stop.
    assert "contact@example.org</a>.</p>" in response.content.decode()


def test_the_places_left_are_counted_by_one_subquery(django_assert_num_queries):
    session = scaling_like_session(in_days(20))
    with django_assert_num_queries(5) as captured:
        client_for(None).get(session.get_absolute_url())
    # Only the places taken are shown: the other counts of the organisers' pages are not run.
    first = captured.captured_queries[1]["sql"]  # after the generations
    assert first.count('FROM "registrations_registration"') == 1
