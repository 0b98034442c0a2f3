from django.contrib.auth.decorators import login_required
from django.http import HttpRequest, HttpResponse
from django.shortcuts import render

from essaim.experiments.models import Experiment
from essaim.organisations.models import Organisation, Person
from essaim.territories.models import Territory


def home(request: HttpRequest) -> HttpResponse:
    """The public front page; signed-in users land on their dashboard."""
    if request.user.is_authenticated:
        return dashboard(request)
    return render(request, "core/home.html")


@login_required
def dashboard(request: HttpRequest) -> HttpResponse:
    user = request.user
    territories = Territory.objects.with_role(user)
    organisations = Organisation.objects.with_role(user)
    my_territories = list(territories.with_stats().order_by("-updated_at")[:5])
    my_organisations = list(organisations.order_by("name")[:5])
    contact_count = Person.objects.visible_to(user).count()
    my_experiments = list(Experiment.objects.with_role(user).order_by("-updated_at")[:5])
    first_steps = [
        {
            "done": bool(my_organisations),
            "title": "Rattachez-vous à votre organisation",
            "text": "Votre structure (commune, intercommunalité, PNR, association, centre de "
            "ressources…) existe peut-être déjà dans l'annuaire : demandez à son responsable "
            "de vous y ajouter, ou créez-la.",
            "url_name": "organisations:list",
            "action": "Voir les organisations",
        },
        {
            "done": bool(my_territories),
            "title": "Décrivez le territoire sur lequel vous agissez",
            "text": "Créez-le en une étape à partir d'une commune, d'un EPCI ou d'un département, "
            "ou composez un périmètre commune par commune (pays, PNR, bassin de vie).",
            "url_name": "territories:create",
            "action": "Créer un territoire",
        },
        {
            "done": contact_count > 0,
            "title": "Ajoutez les personnes avec qui vous travaillez",
            "text": "Élus, techniciens, porteurs de projet : notez leur fonction et leur accord "
            "pour être contactés.",
            "url_name": "organisations:person_create",
            "action": "Ajouter un contact",
        },
    ]
    context = {
        "territory_count": territories.count() if my_territories else 0,
        "organisation_count": organisations.count() if my_organisations else 0,
        "my_territories": my_territories,
        "my_organisations": my_organisations,
        "contact_count": contact_count,
        "my_experiments": my_experiments,
        "first_steps": first_steps,
        "is_new": not my_experiments and not any(step["done"] for step in first_steps),
        "all_done": all(step["done"] for step in first_steps),
    }
    return render(request, "core/dashboard.html", context)
