"""The listening visits: one or two days, a pair of experts, an agenda in time slots within the
visit's days, as a calendar file and e-mailed to the experts and the referent."""

import pytest
from django.core import mail
from django.urls import reverse
from icalendar import Calendar

from essaim.programmes.models import Visit
from tests.conftest import client_for
from tests.programmes.conftest import VISIT_DAY

pytestmark = pytest.mark.django_db


def visit_data(experts, **changes) -> dict:
    data = {
        "start_date": "2015-03-12",
        "end_date": "2015-03-13",
        "place": "Maison des services",
        "experts": [expert.pk for expert in experts],
        "debrief_at": "2015-03-12T18:00",
    }
    return {**data, **changes}


def test_a_visit_is_planned_for_a_confirmed_territory(programme, confirmed, experts, editor):
    url = reverse("programmes:add_visit", args=[programme.pk, confirmed.pk])
    response = client_for(editor).post(url, visit_data(experts))
    visit = Visit.objects.get()
    assert response.url == visit.get_absolute_url()
    assert set(visit.experts.all()) == set(experts)
    assert programme.history().first().summary == (
        "Écoute territoriale programmée : Pays des Trois Vallées, du 12 au 13 mars 2015"
    )


@pytest.mark.parametrize(
    ("changes", "message"),
    [
        ({"end_date": "2015-03-14"}, "Une écoute territoriale dure 2 jours au plus"),
        ({"end_date": "2015-03-11"}, "Le dernier jour doit suivre le premier."),
        ({"debrief_at": "2015-03-20T18:00"}, "La restitution à chaud a lieu pendant la visite."),
    ],
)
def test_a_visit_out_of_its_rules_is_refused(
    programme, confirmed, experts, editor, changes, message
):
    url = reverse("programmes:add_visit", args=[programme.pk, confirmed.pk])
    response = client_for(editor).post(url, visit_data(experts, **changes))
    assert response.status_code == 200
    assert message in response.text.replace("&#x27;", "'")
    assert not Visit.objects.exists()


def test_a_visit_needs_a_pair_of_experts(programme, confirmed, experts, editor):
    url = reverse("programmes:add_visit", args=[programme.pk, confirmed.pk])
    response = client_for(editor).post(url, visit_data(experts[:1]))
    assert "Choisissez le binôme : deux experts" in response.text


def test_a_slot_must_fall_within_the_visit(programme, visit, editor):
    url = reverse("programmes:add_slot", args=[programme.pk, visit.pk])
    data = {
        "starts_at": "2015-03-15T09:00",
        "ends_at": "2015-03-15T10:00",
        "kind": "reunion",
        "title": "Conseil de développement",
    }
    response = client_for(editor).post(url, data)
    assert "Le créneau doit tenir dans les jours de la visite." in response.text
    data.update(starts_at="2015-03-13T09:00", ends_at="2015-03-13T11:00")
    assert client_for(editor).post(url, data).status_code == 302
    assert visit.slots.count() == 2


def test_the_agenda_is_a_calendar_file(programme, visit, reader):
    response = client_for(reader).get(
        reverse("programmes:visit_ics", args=[programme.pk, visit.pk])
    )
    assert response["Content-Type"].startswith("text/calendar")
    calendar = Calendar.from_ical(response.content)
    events = [component for component in calendar.walk("VEVENT")]
    assert len(events) == 1
    assert str(events[0]["SUMMARY"]) == (
        "Entretien avec le président — écoute territoriale, Pays des Trois Vallées"
    )
    assert events[0].decoded("DTSTART").date() == VISIT_DAY
    assert str(events[0]["LOCATION"]) == "Maison des services, Saint-Aubin"


def test_the_agenda_is_sent_to_the_experts_and_the_referent(
    programme, visit, editor, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        response = client_for(editor).post(
            reverse("programmes:send_agenda", args=[programme.pk, visit.pk])
        )
    assert response.status_code == 302
    message = mail.outbox[-1]
    assert sorted(message.to) == [
        "martine.olivier@example.org",
        "referente@trois-vallees.example.org",
        "remi@example.org",
    ]
    assert "Entretien avec le président" in message.body
    assert "Restitution à chaud : jeudi 12 mars 2015 à 18h." in message.body
    ((filename, content, mimetype),) = message.attachments
    assert mimetype == "text/calendar"
    assert filename == "ecoute-pays-des-trois-vallees-2015-03-12.ics"
    assert len(Calendar.from_ical(content).walk("VEVENT")) == 1


def test_the_visits_tab_lists_each_confirmed_territory(programme, visit, confirmed, reader):
    page = client_for(reader).get(reverse("programmes:visits", args=[programme.pk])).text
    assert "Pays des Trois Vallées" in page
    assert "Martine Olivier" in page and "Rémi Garnier" in page
    assert "Du 12 au 13 mars 2015" in page
