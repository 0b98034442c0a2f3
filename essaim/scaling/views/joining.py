"""Joining a network from elsewhere: the request from a published kit's page, the requester's
own list, the answers of the model's team; then, on the replica's page, the parts of the model
to take up and the thread between both sides."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import path, reverse
from django.views.decorators.http import require_http_methods, require_POST, require_safe

from essaim.core.concurrency import EditConflict
from essaim.experiments.access import get_experiment_for
from essaim.lib.errors import DomainError
from essaim.roles.models import Perm
from essaim.scaling.forms.network import AnswerForm, JoinRequestForm, LocalChoiceForm, MessageForm
from essaim.scaling.models import JoinRequest, TransferKit
from essaim.scaling.services.joining import (
    accept_request,
    ask_to_join,
    post_message,
    refuse_request,
    set_local_choice,
    withdraw_request,
)
from essaim.scaling.views.network import _replication_for


@login_required
@require_http_methods(["GET", "HEAD", "POST"])
def join(request: HttpRequest, slug: str) -> HttpResponse:
    kit = TransferKit.objects.published().select_related("experiment").filter(slug=slug).first()
    if kit is None:
        raise Http404("Ce kit n'existe pas ou n'est plus publié.")
    form = JoinRequestForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            ask_to_join(kit=kit, requester=request.user, **form.cleaned_data)
        except DomainError as error:
            form.add_error(None, error.message)
        else:
            messages.success(
                request, "Votre demande est envoyée : l'équipe du modèle vous répondra par e-mail."
            )
            return redirect("scaling:my_requests")
    context = {"kit": kit, "form": form}
    return render(request, "scaling/join.html", context, status=400 if form.errors else 200)


@login_required
@require_safe
def my_requests(request: HttpRequest) -> HttpResponse:
    requests = JoinRequest.objects.filter(requester=request.user).select_related(
        "kit", "commune", "replication__replica_experiment"
    )
    return render(request, "scaling/my_requests.html", {"requests": requests})


@login_required
@require_POST
def withdraw(request: HttpRequest, pk: int) -> HttpResponse:
    join_request = JoinRequest.objects.filter(pk=pk, requester=request.user).first()
    if join_request is None:
        raise Http404("Cette demande n'existe pas.")
    try:
        withdraw_request(join_request=join_request, actor=request.user)
    except DomainError as error:
        messages.error(request, error.message)
    else:
        messages.success(request, "Votre demande est retirée.")
    return redirect("scaling:my_requests")


@login_required
@require_POST
def answer(request: HttpRequest, pk: int, decision: str) -> HttpResponse:
    join_request = JoinRequest.objects.select_related("kit").filter(pk=pk).first()
    if join_request is None:
        raise Http404("Cette demande n'existe pas.")
    experiment = get_experiment_for(request.user, join_request.kit.experiment_id, Perm.EDIT)
    form = AnswerForm(request.POST)
    if not form.is_valid():
        messages.error(request, "La réponse n'a pas pu être lue.")
        return redirect("scaling:network", experiment.pk)
    text = form.cleaned_data["answer"]
    try:
        if decision == "accepter":
            replication = accept_request(join_request=join_request, actor=request.user, answer=text)
            messages.success(
                request, f"Demande acceptée : « {replication.name} » rejoint le réseau."
            )
        elif decision == "refuser":
            refuse_request(join_request=join_request, actor=request.user, answer=text)
            messages.success(request, "Demande refusée : la personne en est avertie.")
        else:
            raise Http404("Réponse inconnue.")
    except DomainError as error:
        messages.error(request, error.message)
    return redirect(f"{reverse('scaling:network', args=[experiment.pk])}#demandes")


@login_required
@require_POST
def write_message(request: HttpRequest, pk: int) -> HttpResponse:
    replication = _replication_for(request, pk, Perm.CONTRIBUTE)
    form = MessageForm(request.POST)
    if form.is_valid():
        post_message(replication=replication, author=request.user, body=form.cleaned_data["body"])
        messages.success(request, "Votre message est publié dans le fil.")
    else:
        messages.error(request, "Le message est vide.")
    return redirect(f"{replication.get_absolute_url()}#fil")


@login_required
@require_POST
def adapt_part(request: HttpRequest, pk: int, part_pk: int) -> HttpResponse:
    replication = _replication_for(request, pk, Perm.CONTRIBUTE)
    part = replication.parts.filter(pk=part_pk).first()
    if part is None:
        raise Http404("Cette partie du modèle n'existe pas.")
    if part.is_core:
        messages.error(request, "Le socle commun ne s'adapte pas.")
        return redirect(f"{replication.get_absolute_url()}#parties")
    form = LocalChoiceForm(request.POST)
    if form.is_valid():
        try:
            set_local_choice(
                part=part,
                text=form.cleaned_data["local_choice"],
                version=request.POST.get("version"),
                actor=request.user,
            )
        except EditConflict as conflict:
            messages.error(request, conflict.message)
        else:
            messages.success(request, f"« {part.title} » : votre choix est enregistré.")
    return redirect(f"{replication.get_absolute_url()}#partie-{part.pk}")


urlpatterns = [
    path("essaimage/mes-demandes/", my_requests, name="my_requests"),
    path("essaimage/demandes/<int:pk>/retirer/", withdraw, name="withdraw_request"),
    path("essaimage/demandes/<int:pk>/<str:decision>/", answer, name="answer_request"),
    path("essaimage/repliques/<int:pk>/messages/", write_message, name="write_message"),
    path("essaimage/repliques/<int:pk>/parties/<int:part_pk>/", adapt_part, name="adapt_part"),
    path("essaimage/<slug:slug>/rejoindre/", join, name="join"),
]
