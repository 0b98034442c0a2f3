"""French error bodies for the API: ``{"detail": "…"}`` or, for invalid input,
``{"detail": "Données invalides.", "erreurs": [{"champ": "…", "message": "…"}]}``."""

from django.http import HttpRequest, HttpResponse
from ninja import NinjaAPI
from ninja.errors import AuthenticationError, ValidationError

MESSAGES = {
    "missing": "Ce champ est obligatoire.",
    "string_type": "Une chaîne de caractères est attendue.",
    "string_too_short": "Ce texte est trop court.",
    "string_too_long": "Ce texte est trop long.",
    "int_parsing": "Un nombre entier est attendu.",
    "int_type": "Un nombre entier est attendu.",
    "list_type": "Une liste est attendue.",
    "enum": "Cette valeur ne fait pas partie des choix possibles.",
    "literal_error": "Cette valeur ne fait pas partie des choix possibles.",
    "json_invalid": "Le corps de la requête n'est pas un JSON valide.",
    "model_attributes_type": "Un objet JSON est attendu.",
    "dict_type": "Un objet JSON est attendu.",
    "value_error": "Valeur incorrecte.",
}


def field_path(location: list) -> str:
    parts = [str(part) for part in location if part not in ("body", "query", "path", "payload")]
    return ".".join(parts) or "requête"


def describe(error: dict) -> dict:
    message = MESSAGES.get(error.get("type", ""), "Valeur incorrecte.")
    if error.get("type") == "value_error" and error.get("ctx", {}).get("error"):
        message = str(error["ctx"]["error"])
    elif error.get("type") in ("enum", "literal_error") and error.get("ctx", {}).get("expected"):
        message += f" Valeurs possibles : {error['ctx']['expected']}."
    return {"champ": field_path(list(error.get("loc", []))), "message": message}


def install_french_errors(api: NinjaAPI) -> None:
    @api.exception_handler(ValidationError)
    def invalid(request: HttpRequest, exc: ValidationError) -> HttpResponse:
        errors = [describe(error) for error in exc.errors]
        return api.create_response(
            request, {"detail": "Données invalides.", "erreurs": errors}, status=422
        )

    @api.exception_handler(AuthenticationError)
    def unauthenticated(request: HttpRequest, exc: AuthenticationError) -> HttpResponse:
        return api.create_response(
            request,
            {"detail": "Authentification requise : jeton personnel absent ou invalide."},
            status=401,
        )
