"""Adding, changing and deleting the many small things an experiment holds (hypotheses,
funders, partners, criteria, risks, steps, bodies, meetings, indicators…) through one pair of
views, described once per kind of thing by a :class:`ChildPage`.

An app declares::

    HYPOTHESES = ChildPage(
        model=Hypothesis, form_class=HypothesisForm, tab="framing",
        label="hypothèse", feminine=True, back_url_name="experiments:framing",
    )

and wires ``edit_child``/``delete_child`` in its urls. Every change is written in the
experiment's history.
"""

from collections.abc import Callable
from dataclasses import dataclass, field

from django import forms
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.db import models, transaction
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.views.decorators.http import require_http_methods

from essaim.experiments.access import get_experiment_for
from essaim.experiments.models import Experiment
from essaim.experiments.tabs import experiment_context
from essaim.roles.models import Perm


@dataclass(frozen=True)
class ChildPage:
    model: type[models.Model]
    form_class: type[forms.ModelForm]
    tab: str
    label: str
    back_url_name: str
    feminine: bool = False
    perm: Perm = Perm.EDIT
    # Path from the child to its experiment, for lookups: "experiment", "body__experiment"…
    experiment_path: str = "experiment"
    # For children of a child (a member of a body, a measurement of an indicator): the field
    # naming the parent, and the parent model.
    parent_field: str = ""
    parent_model: type[models.Model] | None = None
    parent_experiment_path: str = "experiment"
    back_anchor: str = ""
    template_name: str = "experiments/child_form.html"
    # Called with the experiment; returns extra keyword arguments for the form.
    form_kwargs: Callable[[Experiment], dict] = field(default=lambda experiment: {})

    def queryset(self, experiment: Experiment) -> models.QuerySet:
        return self.model.objects.filter(**{self.experiment_path: experiment})

    @property
    def indefinite(self) -> str:
        """« une hypothèse », « un indicateur »."""
        return f"{'une' if self.feminine else 'un'} {self.label}"

    def back_url(self, experiment: Experiment) -> str:
        url = reverse(self.back_url_name, args=[experiment.pk])
        return f"{url}#{self.back_anchor}" if self.back_anchor else url

    def done(self, verb: str) -> str:
        ending = "e" if self.feminine else ""
        return {"created": f"ajouté{ending}", "updated": f"modifié{ending}"}.get(
            verb, f"supprimé{ending}"
        )


def _parent(spec: ChildPage, experiment: Experiment, parent_pk: int | None):
    if not spec.parent_field:
        return None
    parent = spec.parent_model.objects.filter(
        pk=parent_pk, **{spec.parent_experiment_path: experiment}
    ).first()
    if parent is None:
        raise Http404("Cette page n'existe pas.")
    return parent


@login_required
@require_http_methods(["GET", "POST"])
def edit_child(
    request: HttpRequest,
    experiment_pk: int,
    *,
    spec: ChildPage,
    pk: int | None = None,
    parent_pk: int | None = None,
) -> HttpResponse:
    """Add (``pk`` is None) or change one child of an experiment."""
    experiment = get_experiment_for(request.user, experiment_pk, spec.perm)
    if pk is None:
        parent = _parent(spec, experiment, parent_pk)
        instance = spec.model()
        if spec.parent_field:
            setattr(instance, spec.parent_field, parent)
        else:
            instance.experiment = experiment
    else:
        instance = spec.queryset(experiment).filter(pk=pk).first()
        if instance is None:
            raise Http404("Cette page n'existe pas.")
        parent = getattr(instance, spec.parent_field) if spec.parent_field else None
    form = spec.form_class(
        request.POST or None,
        request.FILES or None,
        instance=instance,
        **spec.form_kwargs(experiment),
    )
    if request.method == "POST" and form.is_valid():
        verb = "created" if pk is None else "updated"
        with transaction.atomic():
            child = form.save()
            summary = f"{spec.label.capitalize()} « {_short(child)} » {spec.done(verb)}"
            experiment.log_action(request.user, verb, summary)
        messages.success(request, f"{summary}.")
        return redirect(spec.back_url(experiment))
    context = {
        **experiment_context(experiment, request.user, spec.tab),
        "form": form,
        "spec": spec,
        "instance": instance if pk is not None else None,
        "parent": parent,
        "back_url": spec.back_url(experiment),
    }
    return render(request, spec.template_name, context)


@login_required
@require_http_methods(["GET", "POST"])
def delete_child(
    request: HttpRequest, experiment_pk: int, *, spec: ChildPage, pk: int
) -> HttpResponse:
    experiment = get_experiment_for(request.user, experiment_pk, spec.perm)
    instance = spec.queryset(experiment).filter(pk=pk).first()
    if instance is None:
        raise Http404("Cette page n'existe pas.")
    if request.method == "POST":
        with transaction.atomic():
            summary = f"{spec.label.capitalize()} « {_short(instance)} » {spec.done('deleted')}"
            instance.delete()
            experiment.log_action(request.user, "deleted", summary)
        messages.success(request, f"{summary}.")
        return redirect(spec.back_url(experiment))
    context = {
        **experiment_context(experiment, request.user, spec.tab),
        "spec": spec,
        "instance": instance,
        "back_url": spec.back_url(experiment),
    }
    return render(request, "experiments/child_confirm_delete.html", context)


def _short(obj: models.Model, limit: int = 80) -> str:
    text = str(obj)
    return text if len(text) <= limit else text[: limit - 1] + "…"


def child_urls(prefix: str, spec: ChildPage, name: str) -> list:
    """The add / change / delete URLs of one kind of child, named ``add_<name>``,
    ``edit_<name>`` and ``delete_<name>``. With a parent, adding takes its pk."""
    from django.urls import path

    add_route = (
        f"<int:experiment_pk>/{prefix}/<int:parent_pk>/ajouter/"
        if spec.parent_field
        else f"<int:experiment_pk>/{prefix}/ajouter/"
    )
    return [
        path(add_route, edit_child, {"spec": spec}, name=f"add_{name}"),
        path(
            f"<int:experiment_pk>/{prefix}/<int:pk>/modifier/",
            edit_child,
            {"spec": spec},
            name=f"edit_{name}",
        ),
        path(
            f"<int:experiment_pk>/{prefix}/<int:pk>/supprimer/",
            delete_child,
            {"spec": spec},
            name=f"delete_{name}",
        ),
    ]
