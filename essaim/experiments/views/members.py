"""The members of an experiment, invited by e-mail with a role."""

from django.contrib.auth.decorators import login_required
from django.http import HttpRequest, HttpResponse
from django.urls import path, reverse

from essaim.experiments.access import get_experiment_for
from essaim.experiments.models import Experiment
from essaim.experiments.tabs import experiment_context
from essaim.roles.views import manage_members


@login_required
def members(request: HttpRequest, pk: int) -> HttpResponse:
    experiment = get_experiment_for(request.user, pk)
    return manage_members(
        request,
        queryset=Experiment.objects.all(),
        pk=pk,
        breadcrumb=[("Expérimentations", reverse("experiments:list"))],
        template_name="experiments/members.html",
        extra_context=experiment_context(experiment, request.user, "members"),
    )


urlpatterns = [
    path("<int:pk>/membres/", members, name="members"),
]
