"""« En bref »: where the experiment stands on its way to lasting and spreading — its latest
readiness, the strategy chosen, the kit and the network."""

from django.contrib.auth.decorators import login_required
from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.urls import path
from django.utils.safestring import mark_safe
from django.views.decorators.http import require_safe

from essaim.experiments.access import get_experiment_for
from essaim.scaling.models import ScalingStrategy
from essaim.scaling.readiness import recommended_actions
from essaim.scaling.views.common import scaling_context
from essaim.scaling.views.readiness import radar_of


@login_required
@require_safe
def overview(request: HttpRequest, pk: int) -> HttpResponse:
    experiment = get_experiment_for(request.user, pk)
    diagnoses = list(experiment.readiness_diagnoses.prefetch_related("answers")[:2])
    latest = diagnoses[0] if diagnoses else None
    context = {
        **scaling_context(experiment, request.user, "overview"),
        "latest": latest,
        "overall": latest.overall_score() if latest else None,
        "actions": recommended_actions(latest.answer_scores()) if latest else [],
        # lib/svg_radar escapes every text it writes.
        "radar": mark_safe(radar_of(diagnoses)) if latest else "",
        "strategy": ScalingStrategy.objects.filter(experiment=experiment).first(),
    }
    return render(request, "scaling/overview.html", context)


urlpatterns = [
    path("experimentations/<int:pk>/essaimage/", overview, name="overview"),
]
