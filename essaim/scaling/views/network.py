"""The network of a model: its replicas on a map of France, their statuses, the growth of the
network; each replica's page, which its own team sees too."""

from collections.abc import Callable
from functools import partial

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.db.models import Avg, Count, Sum
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import path
from django.utils import timezone
from django.utils.safestring import mark_safe
from django.views.decorators.http import require_http_methods, require_POST, require_safe

from essaim.attachments.models import Attachment
from essaim.core.children import child_routes
from essaim.core.concurrency import save_or_conflict
from essaim.core.forms import tell_errors
from essaim.core.history import describe_changes
from essaim.experiments.access import get_experiment_for
from essaim.experiments.children import ChildPage
from essaim.roles.models import Perm
from essaim.roles.permissions import get_object_for
from essaim.scaling.forms.network import (
    FigureForm,
    MessageForm,
    ReplicationForm,
    SharedIndicatorForm,
    StatusForm,
)
from essaim.scaling.models import (
    RUNNING_STATUSES,
    JoinRequest,
    JoinRequestStatus,
    NetworkError,
    ReplicaFigure,
    Replication,
    ReplicationEvent,
    ReplicationStatus,
    SharedIndicator,
    TransferKit,
)
from essaim.scaling.network import (
    counts_by_status,
    departement_map,
    growth_chart,
    launch_dates,
    roll_up,
)
from essaim.scaling.services.joining import part_version
from essaim.scaling.services.network import add_replication, change_status, record_figure
from essaim.scaling.views.common import scaling_context

SHARED_INDICATORS = ChildPage(
    model=SharedIndicator,
    form_class=SharedIndicatorForm,
    tab="scaling",
    label="indicateur partagé",
    back_url_name="scaling:network",
    back_anchor="indicateurs-partages",
    experiment_path="model_experiment",
    owner_field="model_experiment",
)


@login_required
@require_safe
def network(request: HttpRequest, pk: int) -> HttpResponse:
    experiment = get_experiment_for(request.user, pk)
    replicas = list(
        Replication.objects.filter(model_experiment=experiment)
        .select_related("commune__departement", "carrier")
        .order_by("name", "pk")
    )
    status = request.GET.get("statut", "")
    shown = (
        [r for r in replicas if r.status == status]
        if status in ReplicationStatus.values
        else replicas
    )
    launched = launch_dates(
        ReplicationEvent.objects.filter(
            replication__model_experiment=experiment, after__in=sorted(RUNNING_STATUSES)
        ).values_list("replication", "happened_on")
    )
    context = {
        **scaling_context(experiment, request.user, "network"),
        "replicas": shown,
        "total": len(replicas),
        "status": status,
        "counts": counts_by_status(replicas),
        "departement_count": len({r.commune.departement_id for r in replicas}),
        # lib/svg_france_map and lib/svg_charts escape every text they write.
        "map": mark_safe(departement_map(replicas)),
        "growth": mark_safe(growth_chart(launched, until=timezone.localdate())),
        "join_requests": _join_requests(experiment),
        "rolled_up": roll_up(
            list(experiment.shared_indicators.all()),
            ReplicaFigure.objects.filter(indicator__model_experiment=experiment)
            .values("indicator", "year")
            .annotate(total=Sum("value"), mean=Avg("value"), count=Count("pk"))
            .order_by(),
        ),
        "kit_published": TransferKit.objects.filter(experiment=experiment).published().exists(),
    }
    return render(request, "scaling/network.html", context)


# Answered requests shown below the pending ones.
ANSWERED_SHOWN = 20


def _join_requests(experiment) -> dict:
    requests = JoinRequest.objects.filter(kit__experiment=experiment).select_related(
        "requester", "commune__departement", "replication"
    )
    return {
        "pending": list(requests.filter(status=JoinRequestStatus.PENDING).order_by("created_at")),
        "answered": list(
            requests.exclude(status=JoinRequestStatus.PENDING).order_by("-answered_at", "-pk")[
                :ANSWERED_SHOWN
            ]
        ),
    }


@login_required
@require_http_methods(["GET", "HEAD", "POST"])
def new_replication(request: HttpRequest, pk: int) -> HttpResponse:
    experiment = get_experiment_for(request.user, pk, Perm.EDIT)
    form = ReplicationForm(
        request.POST or None,
        instance=Replication(model_experiment=experiment),
        user=request.user,
    )
    if request.method == "POST" and form.is_valid():
        data = {name: form.cleaned_data[name] for name in form.Meta.fields}
        replication = add_replication(
            model=experiment, actor=request.user, on=timezone.localdate(), **data
        )
        messages.success(request, f"La réplique « {replication.name} » est ajoutée au réseau.")
        return redirect("scaling:replication", replication.pk)
    context = {**scaling_context(experiment, request.user, "network"), "form": form}
    return render(
        request, "scaling/replication_form.html", context, status=400 if form.errors else 200
    )


def _replication_for(request: HttpRequest, pk: int, perm: Perm) -> Replication:
    return get_object_for(
        request.user,
        Replication.objects.select_related(
            "model_experiment__theme",
            "commune__departement",
            "carrier",
            "territory",
            "replica_experiment",
        ),
        perm,
        pk=pk,
    )


def _replication_context(request: HttpRequest, replication: Replication) -> dict:
    model = replication.model_experiment
    permissions = replication.permissions_for(request.user)
    model_team = Perm.VIEW in model.permissions_for(request.user)
    return {
        **(scaling_context(model, request.user, "network") if model_team else {}),
        "replication": replication,
        "model": model,
        "model_team": model_team,
        "can_edit_replication": Perm.EDIT in permissions,
        "can_contribute_replication": Perm.CONTRIBUTE in permissions,
    }


@login_required
@require_safe
def replication(request: HttpRequest, pk: int) -> HttpResponse:
    chosen = _replication_for(request, pk, Perm.VIEW)
    kit = TransferKit.objects.filter(experiment_id=chosen.model_experiment_id).first()
    parts = list(chosen.parts.all())
    for part in parts:
        part.version = part_version(part)
    context = {
        **_replication_context(request, chosen),
        "events": list(chosen.events.select_related("actor")),
        "status_form": StatusForm(replication=chosen, initial={"on": timezone.localdate()}),
        "parts": parts,
        "kit": kit,
        "kit_documents": list(Attachment.objects.of(kit)) if kit else [],
        "thread": list(chosen.messages.select_related("author")),
        "message_form": MessageForm(),
        "figures": list(
            chosen.figures.select_related("indicator").order_by(
                "indicator__position", "indicator", "-year"
            )
        ),
        "has_shared_indicators": SharedIndicator.objects.filter(
            model_experiment_id=chosen.model_experiment_id
        ).exists(),
        "figure_form": FigureForm(
            replication=chosen, initial={"year": timezone.localdate().year - 1}
        ),
    }
    return render(request, "scaling/replication.html", context)


@login_required
@require_http_methods(["GET", "HEAD", "POST"])
def edit_replication(request: HttpRequest, pk: int) -> HttpResponse:
    chosen = _replication_for(request, pk, Perm.EDIT)
    form = ReplicationForm(request.POST or None, instance=chosen, user=request.user)

    def save() -> None:
        changes = describe_changes(form)
        form.save()
        chosen.model_experiment.log_action(
            request.user, "replication", f"Réplique « {chosen.name} » modifiée", changes
        )

    if request.method == "POST" and form.is_valid() and save_or_conflict(form, save=save):
        messages.success(request, "La réplique est enregistrée.")
        return redirect("scaling:replication", chosen.pk)
    context = {**_replication_context(request, chosen), "form": form}
    return render(
        request, "scaling/replication_form.html", context, status=400 if form.errors else 200
    )


def _act(request: HttpRequest, form, act: Callable[..., object], success: str) -> None:
    """Do ``act`` with what a small form of the replica's page sent, and say how it went."""
    if not form.is_valid():
        tell_errors(request, form)
        return
    try:
        act(**form.cleaned_data)
    except NetworkError as error:
        messages.error(request, error.message)
    else:
        messages.success(request, success)


@login_required
@require_POST
def move_replication(request: HttpRequest, pk: int) -> HttpResponse:
    chosen = _replication_for(request, pk, Perm.EDIT)
    _act(
        request,
        StatusForm(request.POST, replication=chosen),
        partial(change_status, replication=chosen, actor=request.user),
        "Le statut de la réplique est changé.",
    )
    return redirect("scaling:replication", chosen.pk)


@login_required
@require_POST
def add_figure(request: HttpRequest, pk: int) -> HttpResponse:
    chosen = _replication_for(request, pk, Perm.CONTRIBUTE)
    _act(
        request,
        FigureForm(request.POST, replication=chosen),
        partial(record_figure, replication=chosen, actor=request.user),
        "Le chiffre est enregistré.",
    )
    return redirect(f"{chosen.get_absolute_url()}#chiffres")


urlpatterns = [
    path("experimentations/<int:pk>/essaimage/reseau/", network, name="network"),
    path("essaimage/repliques/<int:pk>/chiffres/", add_figure, name="add_figure"),
    *child_routes(
        base="experimentations/<int:experiment_pk>/essaimage/reseau/indicateurs",
        kind=SHARED_INDICATORS,
        name="shared_indicator",
    ),
    path(
        "experimentations/<int:pk>/essaimage/reseau/ajouter/",
        new_replication,
        name="add_replication",
    ),
    path("essaimage/repliques/<int:pk>/", replication, name="replication"),
    path("essaimage/repliques/<int:pk>/modifier/", edit_replication, name="edit_replication"),
    path("essaimage/repliques/<int:pk>/statut/", move_replication, name="move_replication"),
]
