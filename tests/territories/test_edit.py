from django.urls import reverse

from essaim.territories.models import Territory
from tests.conftest import client_for
from tests.territories.conftest import CREST, SAILLANS, VERCHENY


def url(territory) -> str:
    return reverse("territories:edit", args=[territory.pk])


def form_data(**changes) -> dict:
    data = {
        "name": "Vallée de la Drôme",
        "kind": "pays",
        "description": "",
        "shared": "",
        "communes": [SAILLANS, CREST, VERCHENY],
    }
    return {**data, **changes}


def test_it_requires_login(client, private_territory):
    response = client.get(url(private_territory))
    assert response.status_code == 302
    assert response.url.startswith(reverse("accounts:login"))


def test_outsiders_get_404_readers_and_contributors_403(
    outsider, reader, contributor, private_territory
):
    assert client_for(outsider).get(url(private_territory)).status_code == 404
    assert client_for(reader).get(url(private_territory)).status_code == 403
    assert client_for(contributor).post(url(private_territory), form_data()).status_code == 403


def test_a_shared_territory_cannot_be_edited_without_a_role(outsider, shared_territory):
    assert client_for(outsider).get(url(shared_territory)).status_code == 403


def test_the_form_shows_the_current_communes_as_chips(editor, private_territory):
    content = client_for(editor).get(url(private_territory)).content.decode()
    assert 'value="Vallée de la Drôme"' in content
    for code in (SAILLANS, CREST, VERCHENY):
        assert f'<input type="hidden" name="communes" value="{code}">' in content
    assert "territories/picker.js" in content


def test_editors_change_the_name_and_the_perimeter(editor, private_territory):
    response = client_for(editor).post(
        url(private_territory),
        form_data(name="Diois", kind="bassin_de_vie", shared="on", communes=[SAILLANS, VERCHENY]),
    )
    assert response.status_code == 302
    territory = Territory.objects.with_stats().get(pk=private_territory.pk)
    assert (territory.name, territory.kind, territory.shared) == ("Diois", "bassin_de_vie", True)
    assert territory.commune_count == 2
    assert territory.search_text == " diois"


def test_an_unknown_commune_is_refused_and_nothing_changes(editor, private_territory):
    response = client_for(editor).post(
        url(private_territory), form_data(name="Autre nom", communes=[SAILLANS, "99999"])
    )
    assert response.status_code == 200
    assert "Code INSEE inconnu : 99999." in response.content.decode()
    private_territory.refresh_from_db()
    assert private_territory.name == "Vallée de la Drôme"
    assert private_territory.communes.count() == 3


def test_an_empty_perimeter_is_refused(editor, private_territory):
    response = client_for(editor).post(url(private_territory), form_data(communes=[]))
    assert "Choisissez au moins une commune." in response.content.decode()
    assert private_territory.communes.count() == 3
