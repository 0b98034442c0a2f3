"""The thematic notebooks (*cahiers thématiques*): one per theme, assembled from the theme's
part of the synthesis, the outputs of its workshops and the territories' examples, with the
team's introduction and conclusion; read on its page, downloaded as PDF or DOCX. They are
notebooks of the library (which adds experience sheets to them and publishes them), reached
through ``programme.notebooks``."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.db import transaction
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import path
from django.views.decorators.http import require_http_methods, require_POST, require_safe

from essaim.core.concurrency import save_or_conflict
from essaim.core.forms import tell_errors
from essaim.programmes.access import get_team_programme_for
from essaim.programmes.forms.synthesis import NewNotebookForm, notebook_form
from essaim.programmes.tabs import programme_context
from essaim.programmes.views.reports import FORMATS, download
from essaim.roles.models import Perm


def notebook_of(programme, pk: int):
    notebook = (
        programme.notebooks.select_related("programme_theme", "programme").filter(pk=pk).first()
    )
    if notebook is None:
        raise Http404("Ce cahier n'existe pas.")
    return notebook


@login_required
@require_POST
def notebook_create(request: HttpRequest, pk: int) -> HttpResponse:
    programme = get_team_programme_for(request.user, pk, Perm.EDIT)
    form = NewNotebookForm(request.POST, programme=programme)
    if not form.is_valid():
        tell_errors(request, form)
        return redirect("programmes:synthesis", programme.pk)
    theme = form.cleaned_data["theme"]
    with transaction.atomic():
        notebook = programme.notebooks.create(
            programme_theme=theme, title=f"Cahier thématique : {theme.name}"
        )
        programme.log_action(request.user, "notebook", f"Cahier thématique ouvert : {theme.name}")
    messages.success(
        request, "Le cahier est ouvert : il rassemble déjà ce que le programme sait du thème."
    )
    return redirect(notebook.get_absolute_url())


@login_required
@require_safe
def notebook_page(request: HttpRequest, pk: int, notebook_pk: int) -> HttpResponse:
    from essaim.programmes.documents import notebook_document

    programme = get_team_programme_for(request.user, pk)
    notebook = notebook_of(programme, notebook_pk)
    context = {
        **programme_context(programme, request.user, "synthesis"),
        "notebook": notebook,
        "document": notebook_document(notebook),
    }
    return render(request, "programmes/notebook.html", context)


@login_required
@require_http_methods(["GET", "POST"])
def notebook_edit(request: HttpRequest, pk: int, notebook_pk: int) -> HttpResponse:
    programme = get_team_programme_for(request.user, pk, Perm.EDIT)
    notebook = notebook_of(programme, notebook_pk)
    form = notebook_form(request.POST or None, instance=notebook)
    if request.method == "POST" and form.is_valid():

        def save() -> None:
            with transaction.atomic():
                form.save()
                programme.log_action(
                    request.user,
                    "notebook",
                    f"Cahier thématique modifié : {notebook.programme_theme.name}",
                )

        if save_or_conflict(form, save=save):
            messages.success(request, "Le cahier est enregistré.")
            return redirect(notebook.get_absolute_url())
    context = {
        **programme_context(programme, request.user, "synthesis"),
        "notebook": notebook,
        "form": form,
    }
    return render(request, "programmes/notebook_form.html", context)


@login_required
@require_safe
def notebook_download(request: HttpRequest, pk: int, notebook_pk: int, format: str) -> HttpResponse:
    from essaim.programmes.documents import notebook_document

    if format not in FORMATS:
        raise Http404("Ce format n'existe pas.")
    programme = get_team_programme_for(request.user, pk)
    return download(notebook_document(notebook_of(programme, notebook_pk)), format)


urlpatterns = [
    path("programmes/<int:pk>/cahiers/ouvrir/", notebook_create, name="create_notebook"),
    path("programmes/<int:pk>/cahiers/<int:notebook_pk>/", notebook_page, name="notebook"),
    path(
        "programmes/<int:pk>/cahiers/<int:notebook_pk>/modifier/",
        notebook_edit,
        name="edit_notebook",
    ),
    path(
        "programmes/<int:pk>/cahiers/<int:notebook_pk>/cahier.<str:format>",
        notebook_download,
        name="notebook_download",
    ),
]
