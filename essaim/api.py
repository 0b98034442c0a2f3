"""The REST API at /api/v1/: each app adds its router here."""

from django.core.exceptions import PermissionDenied
from django.http import Http404, HttpRequest, HttpResponse
from ninja import NinjaAPI

from essaim.accounts.api_auth import api_auth
from essaim.api_errors import install_french_errors
from essaim.evaluation.api import router as evaluation_router
from essaim.experiments.api import router as experiments_router
from essaim.library.api import router as library_router
from essaim.programmes.api import router as programmes_router
from essaim.scaling.api import router as scaling_router
from essaim.territories.api import router as territories_router

api = NinjaAPI(
    title="API Essaim",
    version="1.0.0",
    description=(
        "Lire et écrire les données d'Essaim. Authentification par jeton personnel "
        "(en-tête `Authorization: Bearer <jeton>`), à créer depuis la page « Mon profil »."
    ),
    auth=api_auth,
    docs_url="/docs",
)
api.add_router("/territories/", territories_router)
api.add_router("/experiments/", experiments_router)
api.add_router("/experiments/", evaluation_router)
api.add_router("/scaling/", scaling_router)
api.add_router("/programmes/", programmes_router)
api.add_router("/library/", library_router)
install_french_errors(api)


@api.exception_handler(Http404)
def not_found(request: HttpRequest, exc: Http404) -> HttpResponse:
    return api.create_response(request, {"detail": "Introuvable."}, status=404)


@api.exception_handler(PermissionDenied)
def forbidden(request: HttpRequest, exc: PermissionDenied) -> HttpResponse:
    return api.create_response(
        request, {"detail": "Votre rôle ne vous permet pas cette action."}, status=403
    )
