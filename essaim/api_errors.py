"""French error bodies for the API: ``{"detail": "…"}`` or, for invalid input,
``{"detail": "Données invalides.", "erreurs": [{"champ": "…", "message": "…"}]}``.

Any :class:`~essaim.lib.errors.DomainError` (the errors of every app, and :class:`InvalidInput`
that endpoints raise when they check a rule themselves) becomes a 422 whose ``detail`` is the
French message, with the field concerned in ``erreurs`` when there is one.

Integers received in a query string are bounded by what a database column holds
(:data:`ObjectId`, :class:`LimitOffsetPagination`): a larger number is a 422, never a crash of
the database (« value out of int8 range », ``OverflowError``). A number the schemas let through
and the database refuses (in a body) is a 422 as well."""

from typing import Annotated

from django.db import DataError
from django.http import HttpRequest, HttpResponse
from ninja import Field, NinjaAPI, Schema
from ninja import pagination as ninja_pagination
from ninja.conf import settings as ninja_settings
from ninja.errors import AuthenticationError, ValidationError
from pydantic import ConfigDict

from essaim.accounts.api_auth import TokenRefused
from essaim.core.children import FormRefused
from essaim.core.concurrency import EditConflict
from essaim.lib.errors import DomainError


class FieldErrorOut(Schema):
    champ: str
    message: str


class InvalidOut(Schema):
    """The body of a 422: the French message, and the field of each error."""

    detail: str
    erreurs: list[FieldErrorOut] = []


class Strict(Schema):
    """An input schema that refuses unknown fields instead of ignoring them."""

    model_config = ConfigDict(extra="forbid")


MESSAGES = {
    "missing": "Ce champ est obligatoire.",
    "string_type": "Une chaîne de caractères est attendue.",
    "string_too_short": "Ce texte est trop court.",
    "string_too_long": "Ce texte est trop long.",
    "int_parsing": "Un nombre entier est attendu.",
    "int_type": "Un nombre entier est attendu.",
    "int_from_float": "Un nombre entier est attendu.",
    "list_type": "Une liste est attendue.",
    "too_short": "Cette liste est trop courte.",
    "too_long": "Cette liste est trop longue.",
    "bool_type": "Un booléen (true ou false) est attendu.",
    "bool_parsing": "Un booléen (true ou false) est attendu.",
    "decimal_type": "Un nombre décimal est attendu.",
    "decimal_parsing": "Un nombre décimal est attendu.",
    "decimal_max_digits": "Ce nombre compte trop de chiffres.",
    "decimal_max_places": "Ce nombre compte trop de décimales (trois au plus).",
    "decimal_whole_digits": "Ce nombre est trop grand.",
    "finite_number": "Un nombre fini est attendu.",
    "date_type": "Une date au format AAAA-MM-JJ est attendue.",
    "date_parsing": "Une date au format AAAA-MM-JJ est attendue.",
    "date_from_datetime_parsing": "Une date au format AAAA-MM-JJ est attendue.",
    "date_from_datetime_inexact": "Une date sans heure (AAAA-MM-JJ) est attendue.",
    "datetime_type": "Une date et une heure au format AAAA-MM-JJTHH:MM sont attendues.",
    "datetime_parsing": "Une date et une heure au format AAAA-MM-JJTHH:MM sont attendues.",
    "datetime_from_date_parsing": "Une date et une heure au format AAAA-MM-JJTHH:MM sont "
    "attendues.",
    "greater_than_equal": "Cette valeur est trop petite.",
    "less_than_equal": "Cette valeur est trop grande.",
    "enum": "Cette valeur ne fait pas partie des choix possibles.",
    "literal_error": "Cette valeur ne fait pas partie des choix possibles.",
    "extra_forbidden": "Ce champ n'existe pas.",
    "json_invalid": "Le corps de la requête n'est pas un JSON valide.",
    "model_attributes_type": "Un objet JSON est attendu.",
    "model_type": "Un objet JSON est attendu.",
    "dict_type": "Un objet JSON est attendu.",
    "value_error": "Valeur incorrecte.",
}


# The largest value of a 64-bit signed integer, the widest integer column of the databases.
LARGEST_DATABASE_INTEGER = 2**63 - 1

# The identifier of an object received in a query string (``?territory=12``).
ObjectId = Annotated[int, Field(ge=1, le=LARGEST_DATABASE_INTEGER)]


class LimitOffsetPagination(ninja_pagination.LimitOffsetPagination):
    """Django Ninja's ``?limit=&offset=`` pagination, with numbers a database accepts."""

    class Input(Schema):
        limit: int = Field(ninja_settings.PAGINATION_PER_PAGE, ge=1, le=LARGEST_DATABASE_INTEGER)
        offset: int = Field(0, ge=0, le=LARGEST_DATABASE_INTEGER)


class InvalidInput(DomainError):
    """Input that the schemas accept but a rule refuses; ``message`` is French."""

    def __init__(self, message: str, field: str = "") -> None:
        super().__init__(message, field=field or None)


def field_path(location: list) -> str:
    parts = [str(part) for part in location if part not in ("body", "query", "path", "payload")]
    return ".".join(parts) or "requête"


def describe(error: dict) -> dict:
    kind = error.get("type", "")
    context = error.get("ctx", {})
    message = MESSAGES.get(kind, "Valeur incorrecte.")
    if kind == "value_error" and context.get("error"):
        message = str(context["error"])
    elif kind in ("enum", "literal_error") and context.get("expected"):
        message += f" Valeurs possibles : {context['expected']}."
    elif kind == "greater_than_equal" and "ge" in context:
        message = f"La valeur doit être supérieure ou égale à {context['ge']}."
    elif kind == "less_than_equal" and context.get("le") == LARGEST_DATABASE_INTEGER:
        message = "Ce nombre est trop grand."
    elif kind == "less_than_equal" and "le" in context:
        message = f"La valeur doit être inférieure ou égale à {context['le']}."
    elif kind == "string_too_long" and "max_length" in context:
        message = f"Ce texte est trop long ({context['max_length']} caractères au plus)."
    elif kind == "string_too_short" and context.get("min_length") == 1:
        message = "Ce champ ne peut pas être vide."
    return {"champ": field_path(list(error.get("loc", []))), "message": message}


# SQLSTATE of PostgreSQL's « numeric value out of range ».
NUMERIC_VALUE_OUT_OF_RANGE = "22003"
NUMBER_TOO_LARGE = "Un nombre envoyé est trop grand."


def is_number_out_of_range(error: DataError) -> bool:
    cause = error.__cause__
    return getattr(cause, "sqlstate", None) == NUMERIC_VALUE_OUT_OF_RANGE


def install_french_errors(api: NinjaAPI) -> None:
    @api.exception_handler(ValidationError)
    def invalid(request: HttpRequest, exc: ValidationError) -> HttpResponse:
        errors = [describe(error) for error in exc.errors]
        return api.create_response(
            request, {"detail": "Données invalides.", "erreurs": errors}, status=422
        )

    @api.exception_handler(EditConflict)
    def conflict(request: HttpRequest, exc: EditConflict) -> HttpResponse:
        errors = [{"champ": each.name, "message": each.message} for each in exc.conflicts]
        return api.create_response(request, {"detail": exc.message, "erreurs": errors}, status=409)

    @api.exception_handler(FormRefused)
    def refused_by_the_form(request: HttpRequest, exc: FormRefused) -> HttpResponse:
        return api.create_response(
            request, {"detail": exc.message, "erreurs": exc.errors}, status=422
        )

    @api.exception_handler(DomainError)
    def refused(request: HttpRequest, exc: DomainError) -> HttpResponse:
        body: dict = {"detail": exc.message}
        if exc.field:
            body["erreurs"] = [{"champ": exc.field, "message": exc.message}]
        return api.create_response(request, body, status=422)

    @api.exception_handler(OverflowError)
    def overflow(request: HttpRequest, exc: OverflowError) -> HttpResponse:
        # SQLite: « Python int too large to convert to SQLite INTEGER ».
        return api.create_response(request, {"detail": NUMBER_TOO_LARGE}, status=422)

    @api.exception_handler(DataError)
    def out_of_range(request: HttpRequest, exc: DataError) -> HttpResponse:
        if not is_number_out_of_range(exc):
            raise exc
        return api.create_response(request, {"detail": NUMBER_TOO_LARGE}, status=422)

    @api.exception_handler(AuthenticationError)
    def unauthenticated(request: HttpRequest, exc: AuthenticationError) -> HttpResponse:
        detail = "Authentification requise : jeton personnel absent ou invalide."
        if isinstance(exc, TokenRefused):
            detail = exc.message
        return api.create_response(request, {"detail": detail}, status=401)
