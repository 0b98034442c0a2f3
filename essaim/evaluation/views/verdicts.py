"""Verdicts on the hypotheses of an experiment — confirmed, refuted, to be refined — with the
measurements and journal entries that support them. They are listed on the evaluation tab."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.db import transaction
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import path
from django.utils import timezone
from django.views.decorators.http import require_http_methods

from essaim.evaluation.forms.verdicts import HypothesisVerdictForm
from essaim.evaluation.models import HypothesisVerdict
from essaim.experiments.access import get_experiment_for
from essaim.experiments.children import ChildPage, child_urls
from essaim.experiments.models import Hypothesis
from essaim.experiments.tabs import experiment_context
from essaim.roles.models import Perm

VERDICTS = ChildPage(
    model=HypothesisVerdict,
    form_class=HypothesisVerdictForm,
    tab="evaluation",
    label="verdict",
    back_url_name="evaluation:indicators",
    back_anchor="hypotheses",
    experiment_path="hypothesis__experiment",
    parent_field="hypothesis",
    parent_model=Hypothesis,
    form_kwargs=lambda experiment, user: {"experiment": experiment},
)


@login_required
@require_http_methods(["GET", "HEAD", "POST"])
def add_verdict(request: HttpRequest, pk: int, hypothesis_pk: int) -> HttpResponse:
    """Give a verdict on one hypothesis; its earlier verdicts stay in its history."""
    experiment = get_experiment_for(request.user, pk, Perm.EDIT)
    hypothesis = experiment.hypotheses.filter(pk=hypothesis_pk).first()
    if hypothesis is None:
        raise Http404("Cette hypothèse n'existe pas.")
    form = HypothesisVerdictForm(
        request.POST or None,
        instance=HypothesisVerdict(hypothesis=hypothesis, recorded_by=request.user),
        initial={"decided_on": timezone.localdate()},
        experiment=experiment,
    )
    if request.method == "POST" and form.is_valid():
        with transaction.atomic():
            verdict = form.save()
            summary = (
                f"Verdict « {verdict.get_verdict_display()} » sur l'hypothèse "
                f"« {_short(hypothesis.statement)} »"
            )
            experiment.log_action(request.user, "verdict", summary)
        messages.success(request, f"{summary} enregistré.")
        return redirect(VERDICTS.back_url(experiment))
    context = {
        **experiment_context(experiment, request.user, "evaluation"),
        "form": form,
        "spec": VERDICTS,
        "instance": None,
        "parent": hypothesis,
        "back_url": VERDICTS.back_url(experiment),
    }
    return render(request, "experiments/child_form.html", context)


def _short(text: str, limit: int = 80) -> str:
    return text if len(text) <= limit else text[: limit - 1] + "…"


# Adding goes through add_verdict, which notes who gave the verdict; changing and deleting
# through the generic views.
_, edit_verdict_url, delete_verdict_url = child_urls("evaluation/verdicts", VERDICTS, "verdict")

urlpatterns = [
    path(
        "<int:pk>/evaluation/hypotheses/<int:hypothesis_pk>/verdict/",
        add_verdict,
        name="add_verdict",
    ),
    edit_verdict_url,
    delete_verdict_url,
]
