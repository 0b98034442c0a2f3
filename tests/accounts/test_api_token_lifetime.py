import datetime

from django.contrib.auth.tokens import default_token_generator
from django.test import override_settings
from django.urls import reverse
from django.utils import timezone
from django.utils.encoding import force_bytes
from django.utils.http import urlsafe_base64_encode

from essaim.accounts.models import ApiToken
from tests.conftest import client_for

TERRITORIES_URL = "/api/v1/territories/"


def call_with(key: str):
    return client_for(None).get(TERRITORIES_URL, headers={"Authorization": f"Bearer {key}"})


@override_settings(API_TOKEN_LIFETIME_DAYS=30)
def test_a_token_expires_after_the_configured_number_of_days(owner):
    before = timezone.now()
    token, key = ApiToken.issue(user=owner, name="Tableur")
    assert before + datetime.timedelta(days=30) <= token.expires_at
    assert token.expires_at <= timezone.now() + datetime.timedelta(days=30)
    assert call_with(key).status_code == 200


def test_an_expired_token_gets_a_french_401_with_its_date(owner):
    token, key = ApiToken.issue(user=owner, name="Tableur")
    ApiToken.objects.filter(pk=token.pk).update(
        expires_at=datetime.datetime(2025, 3, 1, 12, tzinfo=datetime.UTC)
    )
    response = call_with(key)
    assert response.status_code == 401
    assert response.json() == {
        "detail": "Ce jeton a expiré le 1er mars 2025 : créez-en un nouveau depuis la page "
        "« Mon profil »."
    }
    token.refresh_from_db()
    assert token.last_used_at is None


def test_the_profile_page_shows_when_each_token_expires(owner):
    current, _ = ApiToken.issue(user=owner, name="Tableur")
    expired, _ = ApiToken.issue(user=owner, name="Ancien script")
    ApiToken.objects.filter(pk=current.pk).update(
        expires_at=datetime.datetime(2099, 6, 1, 12, tzinfo=datetime.UTC)
    )
    ApiToken.objects.filter(pk=expired.pk).update(
        expires_at=datetime.datetime(2025, 3, 1, 12, tzinfo=datetime.UTC)
    )
    page = client_for(owner).get(reverse("accounts:profile")).content.decode()
    assert "expire le 1er juin 2099" in page
    assert "a expiré le 1er mars 2025" in page
    assert "Il expire 90 jours après sa création" in page


def test_changing_the_password_revokes_every_token_of_the_user(owner, editor):
    _, first = ApiToken.issue(user=owner, name="Tableur")
    _, second = ApiToken.issue(user=owner, name="Script")
    _, someone_elses = ApiToken.issue(user=editor, name="Autre")
    client = client_for(owner)
    response = client.post(
        reverse("accounts:password_change"),
        {
            "old_password": "mot-de-passe-solide",
            "new_password1": "Colline-de-Saillans-2014",
            "new_password2": "Colline-de-Saillans-2014",
        },
        follow=True,
    )
    assert "Votre mot de passe a été changé ; vos jetons d&#x27;API sont révoqués." in (
        response.content.decode()
    )
    assert call_with(first).status_code == 401
    assert call_with(second).status_code == 401
    assert call_with(someone_elses).status_code == 200
    assert not owner.api_tokens.active().exists()


def test_a_failed_password_change_keeps_the_tokens(owner):
    _, key = ApiToken.issue(user=owner, name="Tableur")
    client_for(owner).post(
        reverse("accounts:password_change"),
        {"old_password": "faux", "new_password1": "x", "new_password2": "y"},
    )
    assert call_with(key).status_code == 200


def test_resetting_the_password_revokes_every_token_of_the_user(client, owner):
    _, key = ApiToken.issue(user=owner, name="Tableur")
    uid = urlsafe_base64_encode(force_bytes(owner.pk))
    token = default_token_generator.make_token(owner)
    form_page = client.get(
        reverse("accounts:password_reset_confirm", args=[uid, token]), follow=True
    )
    response = client.post(
        form_page.redirect_chain[-1][0],
        {"new_password1": "Colline-de-Saillans-2014", "new_password2": "Colline-de-Saillans-2014"},
    )
    assert response.status_code == 302
    assert call_with(key).status_code == 401


def test_a_password_set_in_the_administration_revokes_the_tokens(owner, staff):
    staff.is_superuser = True
    staff.save(update_fields=["is_superuser"])
    _, key = ApiToken.issue(user=owner, name="Tableur")
    response = client_for(staff).post(
        reverse("admin:auth_user_password_change", args=[owner.pk]),
        {"password1": "Colline-de-Saillans-2014", "password2": "Colline-de-Saillans-2014"},
    )
    assert response.status_code == 302
    owner.refresh_from_db()
    assert owner.check_password("Colline-de-Saillans-2014")
    assert call_with(key).status_code == 401
