"""Authentication of API calls: a personal token (``Authorization: Bearer essaim_…``) or the
browser session of a signed-in user."""

from django.http import HttpRequest
from django.utils import timezone
from ninja.errors import AuthenticationError
from ninja.security import HttpBearer, SessionAuth

from essaim.accounts.models import ApiToken, ExpiredToken, User
from essaim.lib.french import long_date


class TokenRefused(AuthenticationError):
    """A token that was genuine but no longer works; ``message`` is French."""

    def __init__(self, message: str) -> None:
        super().__init__(message=message)


class PersonalToken(HttpBearer):
    openapi_description = (
        "Jeton personnel créé depuis la page « Mon profil » ; il expire après un temps donné "
        "et dès que le mot de passe change."
    )

    def authenticate(self, request: HttpRequest, token: str) -> User | None:
        try:
            user = ApiToken.authenticate(token)
        except ExpiredToken as expired:
            day = long_date(timezone.localdate(expired.expires_at))
            raise TokenRefused(
                f"Ce jeton a expiré le {day} : créez-en un nouveau depuis la page « Mon profil »."
            ) from None
        if user is not None:
            request.user = user
        return user


api_auth = [PersonalToken(), SessionAuth()]
