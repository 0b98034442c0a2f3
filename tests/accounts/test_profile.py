from django.urls import reverse

from essaim.accounts.models import ApiToken
from tests.conftest import client_for

PROFILE_URL = reverse("accounts:profile")


def test_it_redirects_anonymous_visitors_to_the_login_page(client, db):
    response = client.get(PROFILE_URL)
    assert response.status_code == 302
    assert response.url.startswith(reverse("accounts:login"))


def test_it_updates_the_name_at_once(owner):
    client = client_for(owner)
    response = client.post(PROFILE_URL, {"full_name": "Olivia Martin", "email": owner.email})
    assert response.status_code == 302
    owner.refresh_from_db()
    assert (owner.full_name, owner.email, owner.pending_email) == (
        "Olivia Martin",
        "proprietaire@example.org",
        "",
    )


def test_it_creates_a_token_shown_once_then_revokes_it(owner):
    client = client_for(owner)
    client.post(reverse("accounts:create_token"), {"name": "Tableur de suivi"})
    page = client.get(PROFILE_URL).content.decode()
    token = ApiToken.objects.get(user=owner)
    assert "essaim_" in page and "Tableur de suivi" in page
    assert "copiez-le maintenant" in page
    assert ApiToken.objects.active().count() == 1
    again = client.get(PROFILE_URL).content.decode()
    assert 'id="nouveau-jeton"' not in again

    client.post(reverse("accounts:revoke_token", args=[token.pk]))
    assert ApiToken.objects.active().count() == 0


def test_another_user_cannot_revoke_my_token(owner, outsider):
    token, _ = ApiToken.issue(user=owner, name="Mon jeton")
    response = client_for(outsider).post(reverse("accounts:revoke_token", args=[token.pk]))
    assert response.status_code == 404
    token.refresh_from_db()
    assert token.revoked_at is None


def test_token_pages_accept_post_only(owner):
    client = client_for(owner)
    assert client.get(reverse("accounts:create_token")).status_code == 405
