"""Interview notes: written with a new person and key quotes, changed without undoing someone
else's quotes, and a person pseudonymised everywhere at once."""

import pytest
from django.urls import reverse

from essaim.programmes.models import Interview, Interviewee, Quote
from essaim.programmes.services.interviews import pseudonymise, quotes_version
from tests.conftest import client_for

pytestmark = pytest.mark.django_db


def formset(prefix: str = "citations", rows: list[dict] | None = None, initial: int = 0) -> dict:
    rows = rows or []
    data = {
        f"{prefix}-TOTAL_FORMS": str(max(len(rows), 2)),
        f"{prefix}-INITIAL_FORMS": str(initial),
        f"{prefix}-MIN_NUM_FORMS": "0",
        f"{prefix}-MAX_NUM_FORMS": "30",
    }
    for number, row in enumerate(rows):
        for name, value in row.items():
            data[f"{prefix}-{number}-{name}"] = value
    return data


def test_a_note_names_a_new_person_and_keeps_its_quotes_and_themes(
    programme, visit, themes, contributor
):
    url = reverse("programmes:add_interview", args=[programme.pk, visit.pk])
    slot = visit.slots.get()
    engineering = themes["Ingénierie territoriale"]
    data = {
        "slot": slot.pk,
        "new_name": "Sylvie Roux",
        "new_role": "technicien",
        "new_function": "directrice générale des services",
        "consent_given": "on",
        "notes": "Trois structures, trois agendas : l'ingénierie s'éparpille.",
        "themes": [engineering.pk],
        **formset(
            rows=[
                {
                    "text": "On passe notre temps à répondre aux appels à projets.",
                    "themes": [engineering.pk],
                },
                {"text": "   "},
            ]
        ),
    }
    response = client_for(contributor).post(url, data)
    interview = Interview.objects.get()
    assert response.url == interview.get_absolute_url()
    assert interview.interviewee.name == "Sylvie Roux"
    assert interview.interviewee.territory == visit.territory
    assert interview.written_by == contributor
    assert [quote.text for quote in interview.quotes.all()] == [
        "On passe notre temps à répondre aux appels à projets."
    ]
    assert list(interview.quotes.get().themes.all()) == [engineering]
    # The history says where, never whom.
    assert programme.history().first().summary == (
        "Note d'entretien ajoutée : Pays des Trois Vallées"
    )


def test_a_note_must_say_whom_it_is_about(programme, visit, contributor):
    url = reverse("programmes:add_interview", args=[programme.pk, visit.pk])
    response = client_for(contributor).post(url, {"notes": "…", **formset()})
    assert "Dites qui vous rencontrez" in response.text
    response = client_for(contributor).post(
        url, {"new_name": "X", "group_description": "Conseil de développement", **formset()}
    )
    assert "Une seule rencontre par note" in response.text
    assert not Interview.objects.exists()


def test_a_reader_of_the_programme_may_not_write_notes(programme, visit, reader):
    url = reverse("programmes:add_interview", args=[programme.pk, visit.pk])
    assert client_for(reader).get(url).status_code == 403


def test_quotes_changed_meanwhile_by_someone_else_are_not_undone(interview, contributor, editor):
    programme = interview.programme
    url = reverse("programmes:edit_interview", args=[programme.pk, interview.pk])
    page = client_for(contributor).get(url)
    loaded = page.context["quotes_version"]
    version = page.context["form"]["version"].value()
    quote = interview.quotes.get()
    # Meanwhile, the editor corrects the quote.
    Quote.objects.filter(pk=quote.pk).update(text="Sans techniciens partagés, on ne tiendra pas.")
    data = {
        "version": version,
        "quotes_version": loaded,
        "interviewee": interview.interviewee_id,
        "consent_given": "on",
        "notes": interview.notes,
        **formset(
            rows=[
                {"id": quote.pk, "text": "Sans techniciens, rien.", "interview": interview.pk},
                {"text": ""},
            ],
            initial=1,
        ),
    }
    response = client_for(contributor).post(url, data)
    assert response.status_code == 200
    assert "Quelqu&#x27;un d&#x27;autre a modifié les citations" in response.text
    assert interview.quotes.get().text == "Sans techniciens partagés, on ne tiendra pas."
    assert quotes_version(interview) != loaded


def test_pseudonymising_a_person_reaches_every_note_quote_and_debrief(interview, editor):
    person = interview.interviewee
    Quote.objects.create(interview=interview, text="Comme dit JEAN-MARC BELLANGER, il faut tenir.")
    visit = interview.visit
    visit.debrief_notes = "Jean-Marc Bellanger a ouvert la restitution."
    visit.save()
    changed = pseudonymise(interviewee=person, pseudonym="Élu A", actor=editor)
    assert changed == 4  # the note, the quote, the debrief, the agenda's slot
    interview.refresh_from_db()
    visit.refresh_from_db()
    assert "Bellanger" not in interview.notes
    assert interview.notes.count("Élu A") == 2
    assert not Quote.objects.filter(text__icontains="bellanger").exists()
    assert visit.debrief_notes == "Élu A a ouvert la restitution."
    person.refresh_from_db()
    assert str(person) == "Élu A"
    assert interview.heading == "Entretien avec Élu A"


def test_the_people_page_pseudonymises_and_hides_the_name_from_then_on(interview, editor):
    programme = interview.programme
    person = interview.interviewee
    client = client_for(editor)
    page = client.get(reverse("programmes:people", args=[programme.pk]))
    assert page.context["interviewees"][0].form["pseudonym"].value() == "Élu A"
    response = client.post(
        reverse("programmes:pseudonymise", args=[programme.pk, person.pk]),
        {f"p{person.pk}-pseudonym": "Élu A"},
    )
    assert response.status_code == 302
    for url in (
        reverse("programmes:people", args=[programme.pk]),
        reverse("programmes:interviews", args=[programme.pk]),
        interview.get_absolute_url(),
        interview.visit.get_absolute_url(),
    ):
        assert "Bellanger" not in client.get(url).text, url
    assert (
        client.get(
            reverse("programmes:edit_interviewee", args=[programme.pk, person.pk])
        ).status_code
        == 302
    )


def test_the_notes_filter_by_territory_and_theme(interview, themes, reader):
    programme = interview.programme
    client = client_for(reader)
    url = reverse("programmes:interviews", args=[programme.pk])
    found = client.get(url, {"theme": themes["Ingénierie territoriale"].pk})
    assert found.context["interview_total"] == 1
    none = client.get(url, {"theme": themes["Coopération"].pk})
    assert none.context["interview_total"] == 0
    assert "Aucune note pour ce filtre" in none.text


def test_a_new_person_asking_for_it_is_pseudonymised_from_the_start(programme, visit, contributor):
    url = reverse("programmes:add_interview", args=[programme.pk, visit.pk])
    client_for(contributor).post(
        url,
        {
            "new_name": "Paul Girard",
            "new_role": "societe_civile",
            "new_pseudonym": "Habitant B",
            "notes": "Le conseil de développement ne se réunit plus.",
            **formset(),
        },
    )
    person = Interviewee.objects.get()
    assert person.pseudonymised and person.shown_name == "Habitant B"


def test_the_team_searches_the_notes_and_quotes_and_no_one_else_can(
    interview, reader, staff, outsider
):
    url = reverse("programmes:interviews", args=[interview.programme_id])
    found = client_for(reader).get(url, {"q": "proximité"})  # a word of the notes
    assert found.context["interview_total"] == 1
    by_quote = client_for(reader).get(url, {"q": "techniciens partagés"})
    assert by_quote.context["interview_total"] == 1
    nothing = client_for(reader).get(url, {"q": "méthanisation"})
    assert nothing.context["interview_total"] == 0
    for user in (staff, outsider):
        assert client_for(user).get(url, {"q": "proximité"}).status_code == 404


def test_a_pseudonymised_name_leaves_the_search_index(interview, reader, editor):
    from essaim.core.models import SearchEntry

    pseudonymise(interviewee=interview.interviewee, pseudonym="Élu A", actor=editor)
    url = reverse("programmes:interviews", args=[interview.programme_id])
    assert client_for(reader).get(url, {"q": "Bellanger"}).context["interview_total"] == 0
    assert client_for(reader).get(url, {"q": "Élu A"}).context["interview_total"] == 1
    entry = SearchEntry.objects.get(object_id=interview.pk, content_type__model="interview")
    assert "bellanger" not in (entry.title + entry.body).lower()


def test_the_people_page_reads_the_same_queries_for_one_or_six_people(
    interview, editor, django_assert_max_num_queries
):
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    url = reverse("programmes:people", args=[interview.programme_id])
    client = client_for(editor)
    client.get(url)
    with CaptureQueriesContext(connection) as one:
        client.get(url)
    for number in range(5):
        Interviewee.objects.create(
            programme=interview.programme,
            territory=interview.visit.territory,
            name=f"Élue {number}",
            role="elu",
        )
    with django_assert_max_num_queries(len(one)):
        page = client.get(url)
    suggested = [
        person.form["pseudonym"].value()
        for person in page.context["interviewees"]
        if not person.pseudonymised
    ]
    assert len(suggested) == 6 and len(set(suggested)) == 6  # none offered twice
    assert "Élu F" in suggested
