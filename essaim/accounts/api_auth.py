"""Authentication of API calls: a personal token (``Authorization: Bearer essaim_…``) or the
browser session of a signed-in user."""

from django.http import HttpRequest
from ninja.security import HttpBearer, SessionAuth

from essaim.accounts.models import ApiToken, User


class PersonalToken(HttpBearer):
    openapi_description = "Jeton personnel créé depuis la page « Mon profil »."

    def authenticate(self, request: HttpRequest, token: str) -> User | None:
        user = ApiToken.authenticate(token)
        if user is not None:
            request.user = user
        return user


api_auth = [PersonalToken(), SessionAuth()]
