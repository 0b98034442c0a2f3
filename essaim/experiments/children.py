"""The many small things an experiment holds (hypotheses, funders, partners, criteria, risks,
steps, bodies, meetings, indicators…), added, changed and deleted through the generic child
views of :mod:`essaim.core.children`, described once per kind of thing by :func:`ChildPage`.

An app declares::

    HYPOTHESES = ChildPage(
        model=Hypothesis, form_class=HypothesisForm, tab="framing",
        label="hypothèse", feminine=True, back_url_name="experiments:framing",
    )

and wires ``child_urls``. Every change is written in the experiment's history.
"""

from collections.abc import Callable

from django import forms
from django.db import models
from django.http import Http404
from django.urls import reverse

from essaim.core.children import ChildKind, ParentKind, child_routes
from essaim.experiments.access import get_experiment_for
from essaim.experiments.models import Experiment
from essaim.experiments.tabs import experiment_context
from essaim.roles.models import Perm

EXPERIMENT = ParentKind(
    fetch=get_experiment_for, context=experiment_context, url_kwarg="experiment_pk"
)


def ChildPage(
    *,
    model: type[models.Model],
    form_class: type[forms.ModelForm],
    tab: str,
    label: str,
    back_url_name: str,
    feminine: bool = False,
    perm: Perm = Perm.EDIT,
    experiment_path: str = "experiment",
    owner_field: str = "experiment",
    parent_field: str = "",
    parent_model: type[models.Model] | None = None,
    parent_experiment_path: str = "experiment",
    back_anchor: str = "",
    template_name: str = "experiments/child_form.html",
    form_kwargs: Callable[[Experiment, object], dict] = lambda experiment, user: {},
    delete_warning: Callable[[models.Model], str] = lambda child: "",
    with_changes: bool = False,
) -> ChildKind:
    """One kind of child of an experiment. ``experiment_path`` leads from the child to its
    experiment (``body__experiment``…); for the child of a child (a member of a body),
    ``parent_field`` names the intermediate parent, of ``parent_model``, whose pk the adding
    URL carries. ``owner_field`` names the attribute of a new child that holds its experiment
    (``owner`` for the generic owner of a governance body). ``delete_warning`` says, on the
    confirmation page, what deleting one takes with it; ``with_changes``, that the history of
    a change names each field changed with its values before and after."""

    def back_url(experiment: Experiment, child=None) -> str:
        url = reverse(back_url_name, args=[experiment.pk])
        return f"{url}#{back_anchor}" if back_anchor else url

    def new_child(experiment: Experiment, owner_pk: int | None) -> models.Model:
        if not parent_field:
            child = model()
            setattr(child, owner_field, experiment)
            return child
        owner = parent_model.objects.filter(
            pk=owner_pk, **{parent_experiment_path: experiment}
        ).first()
        if owner is None:
            raise Http404("Cette page n'existe pas.")
        return model(**{parent_field: owner})

    return ChildKind(
        parent=EXPERIMENT,
        model=model,
        form_class=form_class,
        label=label,
        tab=tab,
        back_url=back_url,
        children_of=lambda experiment: model.objects.filter(**{experiment_path: experiment}),
        new_child=new_child,
        feminine=feminine,
        perm=perm,
        form_kwargs=form_kwargs,
        delete_warning=delete_warning,
        with_changes=with_changes,
        owner_of=lambda child: getattr(child, parent_field) if parent_field else None,
        owner_in_url=bool(parent_field),
        template_name=template_name,
        delete_template_name="experiments/child_confirm_delete.html",
    )


def child_urls(prefix: str, spec: ChildKind, name: str) -> list:
    """The add / change / delete URLs of one kind of child, named ``add_<name>``,
    ``edit_<name>`` and ``delete_<name>``. With a parent, adding takes its pk."""
    return child_routes(base=f"<int:experiment_pk>/{prefix}", kind=spec, name=name)
