"""Tab « Fiches et synthèse », the programme team's alone: the report sheet of each territory,
the grid of territories × themes with the quotes one click away, the theme analysis run by the
worker (its progress shown as it goes), its proposals to accept, rename, merge or leave,
merging two themes, and the synthesis document."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.db import transaction
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import path
from django.views.decorators.http import require_http_methods, require_POST, require_safe

from essaim.core.concurrency import save_or_conflict
from essaim.core.forms import tell_errors
from essaim.lib.errors import DomainError
from essaim.programmes.access import get_team_programme_for
from essaim.programmes.forms.synthesis import (
    MergeForm,
    NewNotebookForm,
    ProposalForm,
    SynthesisForm,
    sections_version,
)
from essaim.programmes.models import (
    ProgrammeTerritory,
    Quote,
    ReportSheet,
    SynthesisSection,
    TerritoryStatus,
    Theme,
    ThemeExtraction,
)
from essaim.programmes.services.reports import cited
from essaim.programmes.services.synthesis import (
    answer_proposal,
    merge_themes,
    request_extraction,
    synthesis_of,
    theme_grid,
)
from essaim.programmes.tabs import programme_context
from essaim.programmes.views.reports import FORMATS, download
from essaim.roles.models import Perm

POLL_SECONDS = 2


@login_required
@require_safe
def index(request: HttpRequest, pk: int) -> HttpResponse:
    programme = get_team_programme_for(request.user, pk)
    territories = list(
        ProgrammeTerritory.objects.filter(programme=programme, status=TerritoryStatus.CONFIRMED)
    )
    sheets = {
        sheet.territory_id: sheet
        for sheet in ReportSheet.objects.filter(territory__programme=programme)
    }
    for territory in territories:
        territory.sheet = sheets.get(territory.pk)
    extraction = ThemeExtraction.objects.filter(programme=programme).first()
    grid = theme_grid(programme)
    notebooks = list(programme.notebooks.select_related("programme_theme"))
    with_notebook = {notebook.programme_theme_id for notebook in notebooks}
    context = {
        **programme_context(programme, request.user, "synthesis"),
        "territories": territories,
        "grid": grid,
        "extraction": extraction,
        "proposals": proposals_of(extraction, programme),
        "poll_seconds": POLL_SECONDS,
        "merge_form": MergeForm(programme=programme, themes=grid.themes),
        "notebook_form": NewNotebookForm(
            programme=programme,
            themes=[theme for theme in grid.themes if theme.pk not in with_notebook],
        ),
        "notebooks": notebooks,
    }
    return render(request, "programmes/synthesis.html", context)


def proposals_of(extraction: ThemeExtraction | None, programme) -> list[dict]:
    """The proposals still to answer, each with its form, and those answered."""
    if extraction is None or extraction.status != "terminee":
        return []
    themes = list(Theme.objects.filter(programme=programme))
    proposals = []
    for index, proposal in enumerate(extraction.proposals):
        item = {**proposal, "index": index}
        if proposal.get("state") == "proposee":
            item["form"] = ProposalForm(
                programme=programme,
                themes=themes,
                initial={"name": proposal["label"].capitalize()},
                prefix=f"proposition-{index}",
            )
        proposals.append(item)
    return proposals


@login_required
@require_POST
def extraction_request(request: HttpRequest, pk: int) -> HttpResponse:
    programme = get_team_programme_for(request.user, pk, Perm.EDIT)
    request_extraction(programme=programme, actor=request.user)
    messages.success(
        request,
        "L'analyse des thèmes est lancée : elle lit toutes les notes et citations du programme. "
        "Ses propositions s'afficheront ici.",
    )
    return redirect("programmes:synthesis", programme.pk)


@login_required
@require_safe
def extraction_status(request: HttpRequest, pk: int, extraction_pk: int) -> HttpResponse:
    """The progress of an analysis, polled by the page while it runs (htmx)."""
    programme = get_team_programme_for(request.user, pk)
    extraction = ThemeExtraction.objects.filter(programme=programme, pk=extraction_pk).first()
    if extraction is None:
        raise Http404("Cette analyse n'existe pas.")
    context = {
        **programme_context(programme, request.user, "synthesis"),
        "extraction": extraction,
        "proposals": proposals_of(extraction, programme),
        "poll_seconds": POLL_SECONDS,
    }
    return render(request, "programmes/_extraction.html", context)


@login_required
@require_POST
def proposal_answer(request: HttpRequest, pk: int, extraction_pk: int, index: int) -> HttpResponse:
    programme = get_team_programme_for(request.user, pk, Perm.EDIT)
    extraction = ThemeExtraction.objects.filter(programme=programme, pk=extraction_pk).first()
    if extraction is None:
        raise Http404("Cette analyse n'existe pas.")
    form = ProposalForm(request.POST, programme=programme, prefix=f"proposition-{index}")
    if not form.is_valid():
        tell_errors(request, form)
        return redirect_to_analysis(programme)
    action = form.cleaned_data["action"]
    try:
        theme = answer_proposal(
            extraction=extraction,
            index=index,
            actor=request.user,
            name=form.cleaned_data["name"] if action == "retenir" else "",
            into=form.cleaned_data["into"] if action == "fusionner" else None,
        )
    except DomainError as error:
        messages.error(request, error.message)
    else:
        if theme is None:
            messages.success(request, "La proposition est écartée.")
        else:
            messages.success(
                request, f"Les passages de la proposition sont rangés sous « {theme.name} »."
            )
    return redirect_to_analysis(programme)


def redirect_to_analysis(programme) -> HttpResponse:
    response = redirect("programmes:synthesis", programme.pk)
    response["Location"] += "#analyse"
    return response


@login_required
@require_POST
def theme_merge(request: HttpRequest, pk: int) -> HttpResponse:
    programme = get_team_programme_for(request.user, pk, Perm.EDIT)
    form = MergeForm(request.POST, programme=programme)
    if form.is_valid():
        source, target = form.cleaned_data["source"], form.cleaned_data["target"]
        name = source.name
        merge_themes(source=source, target=target, actor=request.user)
        messages.success(request, f"« {name} » est fusionné dans « {target.name} ».")
    else:
        tell_errors(request, form)
    return redirect("programmes:synthesis", programme.pk)


@login_required
@require_safe
def grid_cell(request: HttpRequest, pk: int, territory_pk: int, theme_pk: int) -> HttpResponse:
    """The quotes and notes behind one cell of the grid."""
    programme = get_team_programme_for(request.user, pk)
    territory = ProgrammeTerritory.objects.filter(programme=programme, pk=territory_pk).first()
    theme = Theme.objects.filter(programme=programme, pk=theme_pk).first()
    if territory is None or theme is None:
        raise Http404("Cette case n'existe pas.")
    quotes = (
        Quote.objects.filter(interview__visit__territory=territory, themes=theme)
        .select_related("interview__interviewee")
        .prefetch_related("themes")
        .order_by("interview_id", "position")
    )
    interviews = list(
        theme.interviews.filter(visit__territory=territory).select_related("interviewee")
    )
    context = {
        **programme_context(programme, request.user, "synthesis"),
        "territory": territory,
        "theme": theme,
        "quotes": [(quote, cited(quote)) for quote in quotes],
        "interviews": interviews,
    }
    return render(request, "programmes/grid_cell.html", context)


@login_required
@require_http_methods(["GET", "POST"])
def synthesis_edit(request: HttpRequest, pk: int) -> HttpResponse:
    programme = get_team_programme_for(request.user, pk, Perm.EDIT)
    synthesis = synthesis_of(programme)
    themes = list(Theme.objects.filter(programme=programme))
    sections = {section.theme_id: section for section in synthesis.sections.all()}
    texts = {theme_pk: section.text for theme_pk, section in sections.items()}
    form = SynthesisForm(
        request.POST or None,
        instance=synthesis,
        themes=themes,
        texts=texts,
        programme=programme,
    )
    if request.method == "POST" and form.is_valid():
        posted = form.section_texts()
        changed = {pk_: text for pk_, text in posted.items() if text != texts.get(pk_, "")}
        if changed and form.cleaned_data["sections_version"] != sections_version(texts):
            form.add_error(
                None,
                "Quelqu'un d'autre a modifié les textes par thème pendant que vous écriviez : "
                "vos changements ne sont pas enregistrés. Relisez-les, puis refaites-les.",
            )
        else:

            def save() -> None:
                with transaction.atomic():
                    form.save()
                    for theme_pk, text in changed.items():
                        SynthesisSection.objects.update_or_create(
                            synthesis=synthesis, theme_id=theme_pk, defaults={"text": text}
                        )
                    programme.log_action(request.user, "synthesis", "Synthèse modifiée")

            if save_or_conflict(form, save=save):
                messages.success(request, "La synthèse est enregistrée.")
                return redirect("programmes:synthesis_document", programme.pk)
    context = {
        **programme_context(programme, request.user, "synthesis"),
        "form": form,
        "section_fields": [form[f"partie_{theme.pk}"] for theme in themes],
        "quote_choices": quote_choices(programme),
        "selected_quote_ids": {str(pk_) for pk_ in form["selected_quotes"].value() or []},
    }
    return render(request, "programmes/synthesis_form.html", context)


def quote_choices(programme) -> list[tuple[str, list]]:
    """The quotes that may be selected, by theme, each with who said it."""
    quotes = (
        Quote.objects.filter(interview__programme=programme, interview__consent_given=True)
        .select_related("interview__interviewee", "interview__visit__territory")
        .prefetch_related("themes")
        .order_by("interview__visit__territory__name", "pk")
    )
    grouped: dict[str, list] = {}
    for quote in quotes:
        names = [theme.name for theme in quote.themes.all()] or ["Sans thème"]
        grouped.setdefault(names[0], []).append((quote, cited(quote)))
    return sorted(grouped.items())


@login_required
@require_safe
def synthesis_document(request: HttpRequest, pk: int) -> HttpResponse:
    from essaim.programmes.documents import synthesis_document as build

    programme = get_team_programme_for(request.user, pk)
    document = build(synthesis_of(programme))
    context = {**programme_context(programme, request.user, "synthesis"), "document": document}
    return render(request, "programmes/synthesis_document.html", context)


@login_required
@require_safe
def synthesis_download(request: HttpRequest, pk: int, format: str) -> HttpResponse:
    from essaim.programmes.documents import synthesis_document as build

    if format not in FORMATS:
        raise Http404("Ce format n'existe pas.")
    programme = get_team_programme_for(request.user, pk)
    return download(build(synthesis_of(programme)), format)


urlpatterns = [
    path("programmes/<int:pk>/synthese/", index, name="synthesis"),
    path("programmes/<int:pk>/synthese/analyse/", extraction_request, name="request_extraction"),
    path(
        "programmes/<int:pk>/synthese/analyse/<int:extraction_pk>/",
        extraction_status,
        name="extraction_status",
    ),
    path(
        "programmes/<int:pk>/synthese/analyse/<int:extraction_pk>/propositions/<int:index>/",
        proposal_answer,
        name="answer_proposal",
    ),
    path("programmes/<int:pk>/synthese/fusion/", theme_merge, name="merge_themes"),
    path(
        "programmes/<int:pk>/synthese/grille/<int:territory_pk>/<int:theme_pk>/",
        grid_cell,
        name="grid_cell",
    ),
    path("programmes/<int:pk>/synthese/document/", synthesis_document, name="synthesis_document"),
    path("programmes/<int:pk>/synthese/modifier/", synthesis_edit, name="edit_synthesis"),
    path(
        "programmes/<int:pk>/synthese/synthese.<str:format>",
        synthesis_download,
        name="synthesis_download",
    ),
]
