import datetime

from django.template import Context, Template
from django.test import override_settings
from django.urls import reverse

from tests.conftest import client_for


def test_the_front_page_presents_essaim_to_anonymous_visitors(client, db):
    response = client.get("/")
    content = response.content.decode()
    assert response.status_code == 200
    assert '<html lang="fr">' in content
    assert '<a class="skip-link" href="#contenu">Aller au contenu</a>' in content
    assert "Changement d'échelle" in content
    assert reverse("accounts:login") in content


def test_a_new_user_sees_what_to_do_first(outsider):
    response = client_for(outsider).get(reverse("core:dashboard"))
    content = response.content.decode()
    assert response.status_code == 200
    assert "Par où commencer ?" in content
    assert reverse("territories:create") in content
    assert reverse("organisations:person_create") in content


def test_the_dashboard_requires_login(client, db):
    response = client.get(reverse("core:dashboard"))
    assert response.status_code == 302
    assert response.url.startswith(reverse("accounts:login"))


def test_the_navigation_marks_the_current_section_and_links_only_to_pages_that_exist(outsider):
    client = client_for(outsider)
    content = client.get(reverse("core:dashboard")).content.decode()
    assert f'<a href="{reverse("core:dashboard")}" aria-current="page">' in content
    for url in (
        reverse("territories:list"),
        reverse("organisations:list"),
        reverse("organisations:person_list"),
    ):
        assert f'href="{url}"' in content
        assert client.get(url).status_code == 200


def test_the_admin_link_is_shown_to_staff_only(outsider, staff):
    admin_url = reverse("admin:index")
    assert admin_url not in client_for(outsider).get("/").content.decode()
    assert admin_url in client_for(staff).get("/").content.decode()
    assert "Administration d&#x27;Essaim" in client_for(staff).get(admin_url).content.decode()


def test_error_pages_are_in_french(client, db):
    response = client.get("/cette-page-n-existe-pas/")
    assert response.status_code == 404
    assert "Page introuvable" in response.content.decode()


def test_the_server_error_page_needs_no_database_and_speaks_french(client):
    from django.template.loader import render_to_string

    assert "Une erreur est survenue" in render_to_string("500.html")


@override_settings(USE_THOUSAND_SEPARATOR=True)
def test_dates_and_numbers_are_written_the_french_way():
    rendered = Template("{{ day|date }} — {{ population }}").render(
        Context({"day": datetime.date(2023, 11, 9), "population": 1460})
    )
    assert rendered == "9 novembre 2023 — 1\xa0460"


def test_pages_forbid_scripts_from_elsewhere(client, db):
    policy = client.get("/").headers["Content-Security-Policy"]
    assert "script-src 'self'" in policy
    assert "frame-ancestors 'none'" in policy
