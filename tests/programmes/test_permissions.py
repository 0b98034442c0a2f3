"""Who sees what of a programme: its team by their roles; the interview notes and the people
met by the team alone (not staff, not the territory's referent); the referent their territory
and its visit; anyone else nothing (404), anonymous visitors the login page."""

import pytest
from django.urls import reverse

from tests.conftest import client_for

pytestmark = pytest.mark.django_db

LOGIN = 302
TEAM = {"owner": 200, "editor": 200, "contributor": 200, "reader": 200}
NOT_TEAM = {"staff": 404, "referent": 404, "outsider": 404, "anonymous": LOGIN}


@pytest.fixture
def users(owner, editor, contributor, reader, staff, referent_user, outsider) -> dict:
    return {
        "owner": owner,
        "editor": editor,
        "contributor": contributor,
        "reader": reader,
        "staff": staff,
        "referent": referent_user,
        "outsider": outsider,
        "anonymous": None,
    }


def pages(interview) -> dict[str, tuple[str, dict]]:
    programme = interview.programme
    visit = interview.visit
    territory = visit.territory
    deliverable = programme.deliverables.create(kind="synthese", title="Synthèse")
    programme_pages = {**TEAM, "staff": 200, "referent": 404, "outsider": 404, "anonymous": LOGIN}
    territory_pages = {**programme_pages, "referent": 200}
    return {
        "overview": (reverse("programmes:overview", args=[programme.pk]), programme_pages),
        "territories": (reverse("programmes:territories", args=[programme.pk]), programme_pages),
        "visits": (reverse("programmes:visits", args=[programme.pk]), programme_pages),
        "history": (reverse("programmes:history", args=[programme.pk]), {**TEAM, **NOT_TEAM}),
        "members": (reverse("programmes:members", args=[programme.pk]), programme_pages),
        "deliverable": (deliverable.get_absolute_url(), programme_pages),
        "territory": (territory.get_absolute_url(), territory_pages),
        "visit": (visit.get_absolute_url(), territory_pages),
        "visit_ics": (
            reverse("programmes:visit_ics", args=[programme.pk, visit.pk]),
            territory_pages,
        ),
        "interviews": (reverse("programmes:interviews", args=[programme.pk]), {**TEAM, **NOT_TEAM}),
        "interview": (interview.get_absolute_url(), {**TEAM, **NOT_TEAM}),
        "people": (reverse("programmes:people", args=[programme.pk]), {**TEAM, **NOT_TEAM}),
        "edit_interview": (
            reverse("programmes:edit_interview", args=[programme.pk, interview.pk]),
            {**TEAM, "reader": 403, **NOT_TEAM},
        ),
        "add_interview": (
            reverse("programmes:add_interview", args=[programme.pk, visit.pk]),
            {**TEAM, "reader": 403, **NOT_TEAM},
        ),
        "edit_programme": (
            reverse("programmes:edit", args=[programme.pk]),
            {
                "owner": 200,
                "editor": 200,
                "contributor": 403,
                "reader": 403,
                "staff": 200,
                "referent": 404,
                "outsider": 404,
                "anonymous": LOGIN,
            },
        ),
    }


def test_each_page_answers_each_persona_as_its_role_allows(interview, users):
    failures = []
    for name, (url, expected) in pages(interview).items():
        for persona, status in expected.items():
            got = client_for(users[persona]).get(url).status_code
            if got != status:
                failures.append(f"{name} / {persona} : {got} au lieu de {status}")
    assert failures == []


def test_the_referent_sees_the_agenda_but_neither_notes_nor_debrief(interview, referent_user):
    page = client_for(referent_user).get(interview.visit.get_absolute_url()).text
    assert "Entretien avec le président" in page  # the agenda
    assert "Notes d&#x27;entretien" not in page
    assert "Une ingénierie dispersée" not in page  # the debrief notes
    assert "Sans techniciens partagés" not in page
    assert 'class="tabs"' not in page  # no tab leads to the programme's pages


def test_staff_reads_the_programme_but_not_a_word_of_the_notes(interview, staff):
    client = client_for(staff)
    for url in (
        reverse("programmes:visits", args=[interview.programme.pk]),
        interview.visit.get_absolute_url(),
        reverse("programmes:overview", args=[interview.programme.pk]),
    ):
        page = client.get(url).text
        assert "Sans techniciens partagés" not in page
        assert "Bellanger porte la fusion" not in page
        assert reverse("programmes:interviews", args=[interview.programme.pk]) not in page


def test_an_outsider_does_not_see_the_programme_in_the_list(programme, outsider, reader):
    assert programme.title not in client_for(outsider).get(reverse("programmes:list")).text
    assert (
        "S&#x27;organiser pour innover" in client_for(reader).get(reverse("programmes:list")).text
    )
