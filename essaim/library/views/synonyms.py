"""The synonyms of the library's search, kept by its editors: the list, a new group, a change, a
deletion. A group takes effect at the next search."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import path, reverse
from django.views.decorators.http import require_http_methods, require_safe

from essaim.core.concurrency import save_or_conflict
from essaim.library.forms.synonyms import SynonymForm
from essaim.library.models import Synonym
from essaim.library.views.review import require_library_editor


@login_required
@require_safe
def synonym_list(request: HttpRequest) -> HttpResponse:
    require_library_editor(request.user)
    context = {"synonyms": list(Synonym.objects.order_by("expressions")), "form": SynonymForm()}
    return render(request, "library/synonyms.html", context)


@login_required
@require_http_methods(["GET", "POST"])
def synonym_create(request: HttpRequest) -> HttpResponse:
    require_library_editor(request.user)
    form = SynonymForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        synonym = form.save(commit=False)
        synonym.updated_by = request.user
        synonym.save()
        messages.success(request, f"Synonymes ajoutés : « {synonym} ».")
        return redirect("library:synonyms")
    return render(request, "library/synonyms_form.html", {"form": form, "synonym": None})


@login_required
@require_http_methods(["GET", "POST"])
def synonym_update(request: HttpRequest, pk: int) -> HttpResponse:
    require_library_editor(request.user)
    synonym = get_object_or_404(Synonym, pk=pk)
    form = SynonymForm(request.POST or None, instance=synonym)
    if request.method == "POST" and form.is_valid():
        form.instance.updated_by = request.user
        if save_or_conflict(form):
            messages.success(request, f"Synonymes enregistrés : « {form.instance} ».")
            return redirect("library:synonyms")
    return render(request, "library/synonyms_form.html", {"form": form, "synonym": synonym})


@login_required
@require_http_methods(["GET", "POST"])
def synonym_delete(request: HttpRequest, pk: int) -> HttpResponse:
    require_library_editor(request.user)
    synonym = get_object_or_404(Synonym, pk=pk)
    if request.method == "POST":
        synonym.delete()
        messages.success(request, f"Synonymes supprimés : « {synonym} ».")
        return redirect("library:synonyms")
    context = {"synonym": synonym, "back_url": reverse("library:synonyms")}
    return render(request, "library/synonyms_confirm_delete.html", context)


urlpatterns = [
    path("experiences/synonymes/", synonym_list, name="synonyms"),
    path("experiences/synonymes/nouveau/", synonym_create, name="synonym_create"),
    path("experiences/synonymes/<int:pk>/", synonym_update, name="synonym_update"),
    path("experiences/synonymes/<int:pk>/supprimer/", synonym_delete, name="synonym_delete"),
]
