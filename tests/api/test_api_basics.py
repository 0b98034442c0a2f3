from tests.conftest import client_for


def test_the_openapi_description_is_published(client, db):
    response = client.get("/api/v1/openapi.json")
    assert response.status_code == 200
    description = response.json()
    assert description["info"]["title"] == "API Essaim"
    assert any(path.startswith("/api/v1/territories/") for path in description["paths"])
    assert "PersonalToken" in description["components"]["securitySchemes"]


def test_the_docs_page_uses_no_cdn(client, db):
    response = client.get("/api/v1/docs")
    assert response.status_code == 200
    content = response.content.decode()
    assert "cdn" not in content.lower()
    assert "/static/ninja/swagger-ui-bundle.js" in content


def test_calls_without_a_token_get_a_french_401(client, db):
    response = client.get("/api/v1/territories/")
    assert response.status_code == 401
    assert response.json() == {
        "detail": "Authentification requise : jeton personnel absent ou invalide."
    }


def test_a_revoked_token_is_refused(owner):
    from essaim.accounts.models import ApiToken

    token, key = ApiToken.issue(user=owner, name="Tableur")
    token.revoke()
    response = client_for(None).get(
        "/api/v1/territories/", headers={"Authorization": f"Bearer {key}"}
    )
    assert response.status_code == 401
