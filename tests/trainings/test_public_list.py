"""The public catalogue: upcoming sessions by cycle, past ones, and the page of a cycle."""

import datetime

import pytest
from django.urls import reverse
from django.utils import timezone

from essaim.registrations.models import Status
from essaim.roles.models import Role
from tests.conftest import client_for
from tests.registrations.factories import RegistrationFactory
from tests.trainings.factories import CycleFactory, TrainingSessionFactory, seed_like_cycle
from tests.trainings.test_public_session import in_days, text_of

pytestmark = pytest.mark.django_db

URL = reverse("trainings:public_list")


def test_it_lists_the_upcoming_published_sessions_grouped_by_cycle():
    cycle = seed_like_cycle(in_days(10))
    alone = TrainingSessionFactory(title="Une journée à part", start_date=in_days(3))
    TrainingSessionFactory(title="Brouillon caché", published=False)
    TrainingSessionFactory(title="Session passée", start_date=in_days(-30))
    response = client_for(None).get(URL)
    assert response.status_code == 200
    text = text_of(response)
    assert "Brouillon caché" not in text
    assert "Session passée" not in text
    titles = [
        cycle["cycle"].title,
        cycle["innovation"].title,
        cycle["experimentation"].title,
        cycle["perennisation"].title,
        "Autres sessions",
        alone.title,
    ]
    positions = [text.index(title) for title in titles]
    assert positions == sorted(positions)
    html = response.content.decode()
    assert f'href="{cycle["cycle"].get_absolute_url()}"' in html
    assert "Inscriptions ouvertes" in text
    assert "40 places restantes" in text


def test_a_full_or_closed_session_says_so_in_the_list():
    full = TrainingSessionFactory(title="Pleine", capacity=1)
    RegistrationFactory(session=full, status=Status.OFFERED, offer_expires_at=timezone.now())
    TrainingSessionFactory(
        title="Close", registration_deadline=timezone.now() - datetime.timedelta(days=1)
    )
    text = text_of(client_for(None).get(URL))
    assert "Pleine" in text and "Complet — liste d'attente" in text
    assert "Inscriptions closes" in text


def test_past_sessions_are_listed_apart_newest_first():
    TrainingSessionFactory(title="Les webconférences de 2020", start_date=in_days(-900))
    TrainingSessionFactory(title="Le changement d'échelle en 2021", start_date=in_days(-500))
    TrainingSessionFactory(title="Session à venir", start_date=in_days(5))
    text = text_of(client_for(None).get(URL, {"passees": "1"}))
    assert "Session à venir" not in text
    assert text.index("Le changement d'échelle en 2021") < text.index("Les webconférences de 2020")
    assert "Sessions passées" in text
    assert f'href="{URL}?passees=1"' in client_for(None).get(URL).content.decode()


def test_the_list_is_empty_with_a_message():
    assert "Aucune session n'est annoncée" in text_of(client_for(None).get(URL))


def test_the_number_of_queries_does_not_grow_with_the_sessions(django_assert_num_queries):
    client = client_for(None)
    for count in (2, 12):
        while TrainingSessionFactory._meta.model.objects.count() < count:
            session = TrainingSessionFactory(cycle=CycleFactory() if count % 2 else None)
            RegistrationFactory(session=session)
        # 1 the generations of the tables (core/page_cache.py), 2 the sessions with their cycles
        # and places taken, 3 their slots
        with django_assert_num_queries(3):
            assert client.get(URL).status_code == 200


def test_the_page_of_a_cycle_presents_it_and_its_sessions_in_order():
    cycle = seed_like_cycle(in_days(10))
    cycle["perennisation"].position = 0
    cycle["perennisation"].save()
    hidden = TrainingSessionFactory(
        cycle=cycle["cycle"], title="Pas encore publiée", published=False
    )
    response = client_for(None).get(cycle["cycle"].get_absolute_url())
    assert response.status_code == 200
    text = text_of(response)
    assert "Trois sessions pour accompagner les innovations territoriales." in text
    assert hidden.title not in text
    order = [cycle[key].title for key in ("perennisation", "innovation", "experimentation")]
    positions = [text.index(title) for title in order]
    assert positions == sorted(positions)
    assert reverse("trainings:cycle_ics", args=[cycle["cycle"].slug]) in response.content.decode()


def test_an_unpublished_cycle_does_not_exist_for_the_public(owner, outsider):
    cycle = CycleFactory(published=False)
    cycle.grant(owner, Role.OWNER)
    assert client_for(None).get(cycle.get_absolute_url()).status_code == 404
    assert client_for(outsider).get(cycle.get_absolute_url()).status_code == 404
    assert "Aperçu." in text_of(client_for(owner).get(cycle.get_absolute_url()))


def test_the_cycle_page_queries_do_not_grow_with_its_sessions(django_assert_num_queries):
    cycle = CycleFactory()
    client = client_for(None)
    for count in (1, 8):
        while cycle.sessions.count() < count:
            TrainingSessionFactory(cycle=cycle)
        # 1 the generations, 2 the cycle, 3 its sessions with their places taken, 4 their slots
        with django_assert_num_queries(4):
            assert client.get(cycle.get_absolute_url()).status_code == 200


def test_visitors_find_the_catalogue_in_the_navigation(reader):
    html = client_for(None).get(reverse("core:home")).content.decode()
    assert f'href="{URL}"' in html
    signed_in = client_for(reader).get(reverse("core:dashboard")).content.decode()
    assert f'href="{reverse("trainings:organiser_home")}"' in signed_in


def test_the_places_left_of_the_sessions_are_counted_by_one_subquery(django_assert_num_queries):
    RegistrationFactory(session=TrainingSessionFactory())
    with django_assert_num_queries(3) as captured:
        client_for(None).get(URL)
    assert captured.captured_queries[1]["sql"].count('FROM "registrations_registration"') == 1
