"""Tab « Entretiens », the programme team's alone: the interview notes of every visit, filtered
by territory or theme; writing a note on a phone during the interview; the people met and their
pseudonyms; the themes the notes are tagged with."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.db import transaction
from django.db.models import Count
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import path, reverse
from django.views.decorators.http import require_http_methods, require_POST, require_safe

from essaim.core.concurrency import save_or_conflict
from essaim.core.forms import tell_errors
from essaim.core.search import search
from essaim.lib import french
from essaim.lib.errors import DomainError
from essaim.programmes.access import (
    get_interview_for,
    get_interviewee_for,
    get_team_programme_for,
)
from essaim.programmes.children import TEAM_PROGRAMME, ProgrammePart, part_urls
from essaim.programmes.forms.interviews import (
    IntervieweeForm,
    InterviewForm,
    PseudonymForm,
    QuoteFormSet,
    ThemeForm,
)
from essaim.programmes.models import Interview, Interviewee, SynthesisSection, Theme, Visit
from essaim.programmes.services.interviews import (
    QuotesChanged,
    pseudonymise,
    quotes_version,
    reindex_interviews,
    save_interview,
    suggested_pseudonyms,
)
from essaim.programmes.tabs import programme_context
from essaim.roles.models import Perm

INTERVIEWS_PER_PAGE = 50


def themes_url(programme, theme=None) -> str:
    return f"{reverse('programmes:interviews', args=[programme.pk])}#themes"


def theme_delete_warning(theme: Theme) -> str:
    """What deleting a theme takes with it, said before it is done."""
    parts = []
    if theme.notebooks.exists():
        parts.append("son cahier thématique")
    if SynthesisSection.objects.filter(theme=theme).exclude(text="").exists():
        parts.append("son texte dans la synthèse")
    if not parts:
        return ""
    return (
        f"Supprimer ce thème supprime aussi {french.enumeration(parts)}. Pour les garder, "
        "fusionnez-le plutôt dans un autre thème (onglet Fiches et synthèse)."
    )


THEMES = ProgrammePart(
    model=Theme,
    form_class=ThemeForm,
    label="thème",
    tab="interviews",
    back_url=themes_url,
    parent=TEAM_PROGRAMME,
    delete_warning=theme_delete_warning,
)


@login_required
@require_safe
def interview_list(request: HttpRequest, pk: int) -> HttpResponse:
    programme = get_team_programme_for(request.user, pk)
    territories = list(programme.territories.filter(visits__isnull=False).distinct())
    themes = list(
        Theme.objects.filter(programme=programme).annotate(
            interview_count=Count("interviews", distinct=True),
            quote_count=Count("quotes", distinct=True),
        )
    )
    interviews = (
        Interview.objects.visible_to(request.user)
        .filter(programme=programme)
        .select_related("interviewee", "visit__territory")
        .prefetch_related("themes")
        .annotate(quote_count=Count("quotes"))
        .order_by("visit__territory__name", "visit__start_date", "pk")
    )
    text = request.GET.get("q", "").strip()[:200]
    if text:
        interviews = search(interviews, text)
    territory = _chosen(request, "territoire", territories)
    theme = _chosen(request, "theme", themes)
    if territory is not None:
        interviews = interviews.filter(visit__territory=territory)
    if theme is not None:
        interviews = interviews.filter(themes=theme)
    context = {
        **programme_context(programme, request.user, "interviews"),
        "interviews": list(interviews[:INTERVIEWS_PER_PAGE]),
        "interview_total": interviews.count(),
        "per_page": INTERVIEWS_PER_PAGE,
        "territories": territories,
        "themes": themes,
        "chosen_territory": territory,
        "chosen_theme": theme,
        "searched": text,
    }
    return render(request, "programmes/interviews.html", context)


def _chosen(request: HttpRequest, name: str, items: list):
    value = request.GET.get(name, "")
    return next((item for item in items if str(item.pk) == value), None)


def _visit_of(programme, visit_pk: int) -> Visit:
    visit = (
        Visit.objects.select_related("territory")
        .filter(territory__programme=programme, pk=visit_pk)
        .first()
    )
    if visit is None:
        raise Http404("Cette page n'existe pas.")
    return visit


@login_required
@require_http_methods(["GET", "POST"])
def interview_add(request: HttpRequest, programme_pk: int, visit_pk: int) -> HttpResponse:
    programme = get_team_programme_for(request.user, programme_pk, Perm.CONTRIBUTE)
    visit = _visit_of(programme, visit_pk)
    interview = Interview(programme=programme, visit=visit)  # consent: asked, never assumed
    slot = visit.slots.filter(pk=_int(request.GET.get("creneau"))).first()
    initial = {"slot": slot} if slot else {}
    return _interview_form(request, programme, visit, interview, initial=initial)


def _int(value: str | None) -> int | None:
    return int(value) if value and value.isdigit() else None


@login_required
@require_http_methods(["GET", "POST"])
def interview_edit(request: HttpRequest, programme_pk: int, pk: int) -> HttpResponse:
    programme = get_team_programme_for(request.user, programme_pk, Perm.CONTRIBUTE)
    interview = get_interview_for(request.user, programme.pk, pk, Perm.CONTRIBUTE)
    return _interview_form(request, programme, interview.visit, interview)


def _interview_form(request, programme, visit, interview, *, initial=None) -> HttpResponse:
    data = request.POST or None
    form = InterviewForm(
        data, instance=interview, programme=programme, visit=visit, initial=initial or {}
    )
    quotes = QuoteFormSet(
        data, instance=interview, prefix="citations", form_kwargs={"programme": programme}
    )
    loaded_quotes = request.POST.get("quotes_version", "") if data else quotes_version(interview)
    if request.method == "POST" and form.is_valid() and quotes.is_valid():
        saved = []

        def save() -> None:
            saved.append(
                save_interview(
                    form=form,
                    quotes=quotes,
                    programme=programme,
                    visit=visit,
                    actor=request.user,
                    loaded_quotes=loaded_quotes,
                )
            )

        try:
            done = save_or_conflict(form, save=save)
        except QuotesChanged as error:
            messages.error(request, error.message)
            done = False
        if done:
            messages.success(request, "La note d'entretien est enregistrée.")
            return redirect(saved[0].get_absolute_url())
    context = {
        **programme_context(programme, request.user, "interviews"),
        "form": form,
        "quotes": quotes,
        "quotes_version": loaded_quotes,
        "visit": visit,
        "interview": interview if interview.pk else None,
    }
    return render(request, "programmes/interview_form.html", context)


@login_required
@require_safe
def interview_page(request: HttpRequest, programme_pk: int, pk: int) -> HttpResponse:
    programme = get_team_programme_for(request.user, programme_pk)
    interview = get_interview_for(request.user, programme.pk, pk)
    context = {
        **programme_context(programme, request.user, "interviews"),
        "interview": interview,
        "quotes": list(interview.quotes.prefetch_related("themes")),
        "themes": list(interview.themes.all()),
    }
    return render(request, "programmes/interview.html", context)


@login_required
@require_http_methods(["GET", "POST"])
def interview_delete(request: HttpRequest, programme_pk: int, pk: int) -> HttpResponse:
    programme = get_team_programme_for(request.user, programme_pk, Perm.EDIT)
    interview = get_interview_for(request.user, programme.pk, pk, Perm.EDIT)
    if request.method == "POST":
        visit = interview.visit
        with transaction.atomic():
            interview.delete()
            programme.log_action(
                request.user, "interview", f"Note d'entretien supprimée : {visit.territory.name}"
            )
        messages.success(request, "La note d'entretien est supprimée.")
        return redirect(visit.get_absolute_url())
    context = {
        **programme_context(programme, request.user, "interviews"),
        "interview": interview,
    }
    return render(request, "programmes/interview_delete.html", context)


@login_required
@require_safe
def people(request: HttpRequest, pk: int) -> HttpResponse:
    """The people met, by territory, each with their pseudonym or the means to give one."""
    programme = get_team_programme_for(request.user, pk)
    interviewees = list(
        Interviewee.objects.visible_to(request.user)
        .filter(programme=programme)
        .select_related("territory")
        .annotate(interview_count=Count("interviews"))
        .order_by("territory__name", "name")
    )
    suggestions = suggested_pseudonyms(interviewees)
    for interviewee in interviewees:
        if not interviewee.pseudonymised:
            interviewee.form = PseudonymForm(
                initial={"pseudonym": suggestions[interviewee.pk]},
                prefix=f"p{interviewee.pk}",
            )
    context = {
        **programme_context(programme, request.user, "interviews"),
        "interviewees": interviewees,
    }
    return render(request, "programmes/people.html", context)


@login_required
@require_POST
def pseudonymise_view(request: HttpRequest, programme_pk: int, pk: int) -> HttpResponse:
    programme = get_team_programme_for(request.user, programme_pk, Perm.EDIT)
    interviewee = get_interviewee_for(request.user, programme.pk, pk, Perm.EDIT)
    form = PseudonymForm(request.POST, prefix=f"p{interviewee.pk}")
    if not form.is_valid():
        tell_errors(request, form)
        return redirect("programmes:people", programme.pk)
    try:
        changed = pseudonymise(
            interviewee=interviewee, pseudonym=form.cleaned_data["pseudonym"], actor=request.user
        )
    except DomainError as error:
        messages.error(request, error.message)
    else:
        messages.success(
            request,
            f"La personne apparaît désormais sous le nom « {interviewee.pseudonym} » partout ; "
            f"son nom est retiré de {changed} texte{'s' if changed > 1 else ''}.",
        )
    return redirect("programmes:people", programme.pk)


@login_required
@require_http_methods(["GET", "POST"])
def interviewee_edit(request: HttpRequest, programme_pk: int, pk: int) -> HttpResponse:
    programme = get_team_programme_for(request.user, programme_pk, Perm.EDIT)
    interviewee = get_interviewee_for(request.user, programme.pk, pk, Perm.EDIT)
    if interviewee.pseudonymised:
        messages.error(
            request, "Une personne pseudonymisée ne se modifie plus : son nom reste caché."
        )
        return redirect("programmes:people", programme.pk)
    form = IntervieweeForm(request.POST or None, instance=interviewee)
    if request.method == "POST" and form.is_valid() and save_or_conflict(form):
        # Their notes are found under the name they now bear.
        reindex_interviews(interviewee.interviews.values_list("pk", flat=True))
        messages.success(request, "La personne est enregistrée.")
        return redirect("programmes:people", programme.pk)
    context = {
        **programme_context(programme, request.user, "interviews"),
        "form": form,
        "interviewee": interviewee,
    }
    return render(request, "programmes/interviewee_form.html", context)


urlpatterns = [
    path("programmes/<int:pk>/entretiens/", interview_list, name="interviews"),
    path(
        "programmes/<int:programme_pk>/ecoute/<int:visit_pk>/notes/ajouter/",
        interview_add,
        name="add_interview",
    ),
    path("programmes/<int:programme_pk>/entretiens/<int:pk>/", interview_page, name="interview"),
    path(
        "programmes/<int:programme_pk>/entretiens/<int:pk>/modifier/",
        interview_edit,
        name="edit_interview",
    ),
    path(
        "programmes/<int:programme_pk>/entretiens/<int:pk>/supprimer/",
        interview_delete,
        name="delete_interview",
    ),
    path("programmes/<int:pk>/personnes/", people, name="people"),
    path(
        "programmes/<int:programme_pk>/personnes/<int:pk>/modifier/",
        interviewee_edit,
        name="edit_interviewee",
    ),
    path(
        "programmes/<int:programme_pk>/personnes/<int:pk>/pseudonymiser/",
        pseudonymise_view,
        name="pseudonymise",
    ),
    *part_urls("themes", THEMES, "theme"),
]
