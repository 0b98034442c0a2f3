"""The transfer kit (*kit d'essaimage*): its team writes it — the core that does not change,
the parts each territory adapts, the prerequisites, the charter, the support offered, the
documents — and publishes it; anyone then reads its public page."""

from dataclasses import dataclass

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.db import transaction
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import path
from django.views.decorators.http import require_http_methods, require_POST, require_safe

from essaim.attachments.views import attachments_context
from essaim.core.children import child_routes
from essaim.core.concurrency import save_or_conflict
from essaim.core.history import describe_changes
from essaim.core.publication import PublicationError, public_view
from essaim.experiments.access import get_experiment_for
from essaim.experiments.children import ChildPage
from essaim.roles.models import Perm
from essaim.scaling.forms.kit import KitForm, KitItemForm, WithdrawalForm
from essaim.scaling.models import KIT_ITEM_HEADINGS, KitItem, TransferKit
from essaim.scaling.services.kit import create_kit, publish_kit, redraft_kit, withdraw_kit
from essaim.scaling.views.common import scaling_context

ITEMS = ChildPage(
    model=KitItem,
    form_class=KitItemForm,
    tab="scaling",
    label="élément du kit",
    back_url_name="scaling:kit",
    back_anchor="contenu",
    experiment_path="kit__experiment",
    parent_field="kit",
    parent_model=TransferKit,
    parent_experiment_path="experiment",
    with_changes=True,
)


def kit_of(experiment) -> TransferKit | None:
    return (
        TransferKit.objects.filter(experiment=experiment)
        .select_related("theme")
        .prefetch_related("items")
        .first()
    )


@dataclass(frozen=True)
class PublicItem:
    """An item of a published kit, as its public page shows it."""

    kind: str
    title: str
    description: str
    guidance: str

    @classmethod
    def of(cls, item: KitItem) -> "PublicItem":
        return cls(item.kind, item.title, item.description, item.guidance)


def grouped_items(items) -> list[dict]:
    """The items by kind, in the order a reader needs them: the core, what to adapt, the
    prerequisites."""
    return [
        {"kind": kind, "heading": heading, "items": [i for i in items if i.kind == kind]}
        for kind, heading in KIT_ITEM_HEADINGS.items()
    ]


def _kit_or_404(request: HttpRequest, pk: int, perm: Perm) -> tuple:
    experiment = get_experiment_for(request.user, pk, perm)
    kit = kit_of(experiment)
    if kit is None:
        raise Http404("Cette expérimentation n'a pas encore de kit d'essaimage.")
    return experiment, kit


@login_required
@require_safe
def kit(request: HttpRequest, pk: int) -> HttpResponse:
    experiment = get_experiment_for(request.user, pk)
    chosen = kit_of(experiment)
    context = {**scaling_context(experiment, request.user, "kit"), "kit": chosen}
    if chosen is not None:
        context["groups"] = grouped_items(list(chosen.items.all()))
        context["withdrawal_form"] = WithdrawalForm()
        context.update(attachments_context(request, chosen))
    return render(request, "scaling/kit.html", context)


@login_required
@require_POST
def start_kit(request: HttpRequest, pk: int) -> HttpResponse:
    experiment = get_experiment_for(request.user, pk, Perm.EDIT)
    create_kit(experiment=experiment, actor=request.user)
    messages.success(request, "Le kit est commencé : décrivez le socle commun et ce qui s'adapte.")
    return redirect("scaling:kit", experiment.pk)


@login_required
@require_http_methods(["GET", "HEAD", "POST"])
def edit_kit(request: HttpRequest, pk: int) -> HttpResponse:
    experiment, chosen = _kit_or_404(request, pk, Perm.EDIT)
    form = KitForm(request.POST or None, instance=chosen)
    saved = (
        request.method == "POST"
        and form.is_valid()
        and save_or_conflict(form, save=lambda: _save(request, experiment, form))
    )
    if saved:
        messages.success(request, "Le kit est enregistré.")
        return redirect("scaling:kit", experiment.pk)
    context = {**scaling_context(experiment, request.user, "kit"), "form": form, "kit": chosen}
    return render(request, "scaling/kit_form.html", context, status=400 if form.errors else 200)


def _save(request: HttpRequest, experiment, form: KitForm) -> None:
    changes = describe_changes(form)
    with transaction.atomic():
        form.save()
        if changes:
            experiment.log_action(request.user, "kit", "Kit d'essaimage modifié", changes)


@login_required
@require_POST
def change_publication(request: HttpRequest, pk: int, action: str) -> HttpResponse:
    experiment, chosen = _kit_or_404(request, pk, Perm.EDIT)
    try:
        if action == "publier":
            publish_kit(kit=chosen, actor=request.user)
            messages.success(request, "Le kit est publié : sa page publique est en ligne.")
        elif action == "retirer":
            form = WithdrawalForm(request.POST)
            if not form.is_valid():
                raise PublicationError("Indiquez le motif du retrait.")
            withdraw_kit(kit=chosen, actor=request.user, reason=form.cleaned_data["reason"])
            messages.success(request, "Le kit est retiré de la publication.")
        elif action == "brouillon":
            redraft_kit(kit=chosen, actor=request.user)
            messages.success(request, "Le kit est redevenu un brouillon.")
        else:
            raise Http404("Action inconnue.")
    except PublicationError as error:
        messages.error(request, error.message)
    return redirect("scaling:kit", experiment.pk)


# Public pages ------------------------------------------------------------------------------------


@require_safe
def public_kits(request: HttpRequest) -> HttpResponse:
    """The published kits: the models anyone may reproduce."""
    kits = TransferKit.objects.published().select_related("theme").order_by("title")
    context = {"kits": [{"public": public_view(k), "slug": k.slug} for k in kits]}
    return render(request, "scaling/public_kits.html", context)


@require_safe
def public_kit(request: HttpRequest, slug: str) -> HttpResponse:
    chosen = TransferKit.objects.published().select_related("theme").filter(slug=slug).first()
    if chosen is None:
        raise Http404("Ce kit n'existe pas ou n'est plus publié.")
    context = {
        "public": public_view(chosen),
        "slug": chosen.slug,
        # Copies of the items: the template reaches nothing else from them.
        "groups": grouped_items([PublicItem.of(item) for item in chosen.items.all()]),
    }
    return render(request, "scaling/public_kit.html", context)


urlpatterns = [
    path("experimentations/<int:pk>/essaimage/kit/", kit, name="kit"),
    path("experimentations/<int:pk>/essaimage/kit/commencer/", start_kit, name="start_kit"),
    path("experimentations/<int:pk>/essaimage/kit/modifier/", edit_kit, name="edit_kit"),
    path(
        "experimentations/<int:pk>/essaimage/kit/publication/<str:action>/",
        change_publication,
        name="kit_publication",
    ),
    *child_routes(
        base="experimentations/<int:experiment_pk>/essaimage/kit/elements",
        kind=ITEMS,
        name="kit_item",
    ),
    path("essaimage/", public_kits, name="public_kits"),
    path("essaimage/<slug:slug>/", public_kit, name="public_kit"),
]
