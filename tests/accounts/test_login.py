import pytest
from django.contrib.auth.hashers import identify_hasher
from django.test import override_settings
from django.urls import reverse

from essaim.accounts.models import User
from tests.conftest import client_for

LOGIN_URL = reverse("accounts:login")


def test_it_shows_a_french_login_form(client):
    response = client.get(LOGIN_URL)
    assert response.status_code == 200
    content = response.content.decode()
    assert '<label for="id_username">Adresse e-mail</label>' in content
    assert "Mot de passe oublié ?" in content


def test_it_logs_in_by_email_whatever_the_case(client, owner):
    response = client.post(
        LOGIN_URL, {"username": "Proprietaire@Example.org", "password": "mot-de-passe-solide"}
    )
    assert response.status_code == 302
    assert response.url == reverse("core:dashboard")
    assert client.session["_auth_user_id"] == str(owner.pk)


def test_it_refuses_a_wrong_password_in_french(client, owner):
    response = client.post(LOGIN_URL, {"username": owner.email, "password": "faux"})
    assert response.status_code == 200
    assert "Adresse e-mail ou mot de passe incorrect" in response.content.decode()
    assert "_auth_user_id" not in client.session


@override_settings(AXES_FAILURE_LIMIT=3)
def test_it_throttles_repeated_failures_even_with_the_right_password(client, owner):
    for _ in range(3):
        client.post(LOGIN_URL, {"username": owner.email, "password": "faux"})
    response = client.post(LOGIN_URL, {"username": owner.email, "password": "mot-de-passe-solide"})
    assert response.status_code == 429
    assert "Trop de tentatives de connexion" in response.content.decode()
    assert "_auth_user_id" not in client.session


def test_it_logs_out_on_post_only(owner):
    client = client_for(owner)
    assert client.get(reverse("accounts:logout")).status_code == 405
    response = client.post(reverse("accounts:logout"))
    assert response.status_code == 302
    assert "_auth_user_id" not in client.session


@pytest.mark.django_db
@override_settings(PASSWORD_HASHERS=["django.contrib.auth.hashers.Argon2PasswordHasher"])
def test_it_hashes_passwords_with_argon2():
    user = User.objects.create_user(email="argon@example.org", password="un-mot-de-passe-long")
    assert identify_hasher(user.password).algorithm == "argon2"
    assert user.check_password("un-mot-de-passe-long")


def test_the_production_hasher_list_starts_with_argon2():
    from essaim import settings as production

    assert production.PASSWORD_HASHERS[0].endswith("Argon2PasswordHasher")


@override_settings(AXES_FAILURE_LIMIT=3, LOGIN_ADDRESS_FAILURE_LIMIT=6)
def test_it_throttles_an_address_that_tries_many_accounts(client, owner, editor):
    for number in range(6):
        client.post(LOGIN_URL, {"username": f"inconnu-{number}@example.org", "password": "faux"})
    response = client.post(LOGIN_URL, {"username": owner.email, "password": "mot-de-passe-solide"})
    assert response.status_code == 429
    assert "Trop de tentatives de connexion" in response.content.decode()
    assert "_auth_user_id" not in client.session


@override_settings(AXES_FAILURE_LIMIT=3, LOGIN_ADDRESS_FAILURE_LIMIT=6)
def test_it_lets_another_address_in_when_one_is_throttled(client, owner):
    for number in range(6):
        client.post(LOGIN_URL, {"username": f"inconnu-{number}@example.org", "password": "faux"})
    elsewhere = client.post(
        LOGIN_URL,
        {"username": owner.email, "password": "mot-de-passe-solide"},
        REMOTE_ADDR="192.0.2.7",
    )
    assert elsewhere.status_code == 302


@override_settings(AXES_FAILURE_LIMIT=3, LOGIN_ADDRESS_FAILURE_LIMIT=6)
def test_it_keeps_the_pair_limit_below_the_address_limit(client, owner, editor):
    for _ in range(3):
        client.post(LOGIN_URL, {"username": owner.email, "password": "faux"})
    other_account = client.post(
        LOGIN_URL, {"username": editor.email, "password": "mot-de-passe-solide"}
    )
    assert other_account.status_code == 302


@override_settings(AXES_FAILURE_LIMIT=3, LOGIN_ADDRESS_FAILURE_LIMIT=6)
def test_signing_in_to_ones_own_account_does_not_clear_the_address_failures(client, owner, editor):
    for number in range(5):
        client.post(LOGIN_URL, {"username": f"inconnu-{number}@example.org", "password": "faux"})
    client.post(LOGIN_URL, {"username": editor.email, "password": "mot-de-passe-solide"})
    client.post(reverse("accounts:logout"))
    client.post(LOGIN_URL, {"username": "encore@example.org", "password": "faux"})
    response = client.post(LOGIN_URL, {"username": owner.email, "password": "mot-de-passe-solide"})
    assert response.status_code == 429
