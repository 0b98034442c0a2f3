"""Tab « Ateliers et séminaires »: the inter-territory workshops on the problems the territories
share — each with its theme, its date and place, the participants of every territory invited
(by e-mail, with a calendar file), their attendance and what came out of it (notes, files) —
and the seminars, dated events or organised as training sessions (registrations, attendance)."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.db import transaction
from django.db.models import Prefetch, ProtectedError
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import path, reverse
from django.views.decorators.http import require_http_methods, require_POST, require_safe

from essaim.attachments.views import attachments_context
from essaim.core.concurrency import save_or_conflict, save_with_history
from essaim.core.downloads import ICS_TYPE, file_response
from essaim.lib import french
from essaim.programmes.access import get_programme_for
from essaim.programmes.children import ProgrammePart, part_urls
from essaim.programmes.forms.workshops import (
    AttendanceForm,
    NewSeminarForm,
    OutputsForm,
    SeminarForm,
    WorkshopForm,
)
from essaim.programmes.models import Programme, Seminar, Workshop
from essaim.programmes.services.workshops import (
    AttendanceConflict,
    WorkshopError,
    attendance_by_territory,
    create_seminar,
    create_workshop,
    invitations_of,
    invite_participants,
    not_yet_invited,
    organise_as_session,
    record_attendance,
    send_invitation,
    with_attendance,
    workshop_calendar,
    workshop_filename,
)
from essaim.programmes.tabs import programme_context
from essaim.roles.models import Perm
from essaim.trainings.models import TrainingSession


def workshops_url(programme, item=None) -> str:
    return reverse("programmes:workshops", args=[programme.pk])


def seminars_url(programme, item=None) -> str:
    return f"{workshops_url(programme)}#seminaires"


SEMINARS = ProgrammePart(
    model=Seminar,
    form_class=SeminarForm,
    label="séminaire",
    tab="workshops",
    back_url=seminars_url,
)


def get_workshop_for(
    user, programme_pk: int, pk: int, perm: Perm | str = Perm.VIEW
) -> tuple[Programme, Workshop]:
    """The programme and its workshop ``pk``, if ``user`` may ``perm`` on the programme."""
    programme = get_programme_for(user, programme_pk, perm)
    workshop = (
        Workshop.objects.with_role_of(user)
        .select_related("theme")
        .filter(programme=programme, pk=pk)
        .first()
    )
    if workshop is None:
        raise Http404("Cette page n'existe pas.")
    workshop.programme = programme  # its permissions without another query
    return programme, workshop


def get_seminar_for(
    user, programme_pk: int, pk: int, perm: Perm | str
) -> tuple[Programme, Seminar]:
    programme = get_programme_for(user, programme_pk, perm)
    seminar = Seminar.objects.select_related("session").filter(programme=programme, pk=pk).first()
    if seminar is None:
        raise Http404("Cette page n'existe pas.")
    return programme, seminar


# The tab ----------------------------------------------------------------------------------------


@login_required
@require_safe
def workshop_list(request: HttpRequest, pk: int) -> HttpResponse:
    programme = get_programme_for(request.user, pk)
    workshops = list(with_attendance(programme.workshops.select_related("theme")))
    seminars = list(
        programme.seminars.prefetch_related(
            Prefetch("session", queryset=TrainingSession.objects.with_registration_counts())
        )
    )
    context = {
        **programme_context(programme, request.user, "workshops"),
        "workshops": workshops,
        "seminars": seminars,
        "themes_count": programme.themes.count(),
    }
    return render(request, "programmes/workshops.html", context)


# A workshop -------------------------------------------------------------------------------------


@login_required
@require_http_methods(["GET", "POST"])
def workshop_add(request: HttpRequest, programme_pk: int) -> HttpResponse:
    programme = get_programme_for(request.user, programme_pk, Perm.EDIT)
    form = WorkshopForm(
        request.POST or None, instance=Workshop(programme=programme), programme=programme
    )
    if request.method == "POST" and form.is_valid():
        workshop = form.save(commit=False)
        invited = create_workshop(workshop=workshop, by=request.user)
        messages.success(
            request,
            f"L'atelier est prévu ; "
            f"{french.counted(len(invited), 'participant invité', 'participants invités')} "
            "des territoires participants.",
        )
        return redirect(workshop.get_absolute_url())
    context = {
        **programme_context(programme, request.user, "workshops"),
        "form": form,
        "workshop": None,
    }
    return render(request, "programmes/workshop_form.html", context)


@login_required
@require_http_methods(["GET", "POST"])
def workshop_edit(request: HttpRequest, programme_pk: int, pk: int) -> HttpResponse:
    programme, workshop = get_workshop_for(request.user, programme_pk, pk, Perm.EDIT)
    form = WorkshopForm(request.POST or None, instance=workshop, programme=programme)
    if request.method == "POST" and form.is_valid():
        saved = save_with_history(
            form,
            owner=programme,
            actor=request.user,
            verb="workshop",
            what=f"Atelier « {workshop.title} » modifié",
        )
        if saved:
            messages.success(request, "L'atelier est enregistré.")
            return redirect(workshop.get_absolute_url())
    context = {
        **programme_context(programme, request.user, "workshops"),
        "form": form,
        "workshop": workshop,
    }
    return render(request, "programmes/workshop_form.html", context)


@login_required
@require_http_methods(["GET", "POST"])
def workshop_delete(request: HttpRequest, programme_pk: int, pk: int) -> HttpResponse:
    programme, workshop = get_workshop_for(request.user, programme_pk, pk, Perm.EDIT)
    return delete_event(request, programme, workshop, label="atelier", verb="workshop")


THIS = {"atelier": "cet atelier", "séminaire": "ce séminaire"}


def delete_event(
    request: HttpRequest, programme: Programme, item: Workshop | Seminar, *, label: str, verb: str
) -> HttpResponse:
    """Confirm, then delete a workshop or a seminar (``label``: « atelier », « séminaire »),
    unless expenses were claimed for it."""
    if request.method == "POST":
        title = item.title
        try:
            with transaction.atomic():
                item.delete()
                programme.log_action(
                    request.user, verb, f"{label.capitalize()} « {title} » supprimé"
                )
        except ProtectedError:
            messages.error(
                request,
                f"Des frais sont déclarés pour {THIS[label]} : il ne peut pas être supprimé.",
            )
            return redirect(workshops_url(programme))
        messages.success(request, f"{label.capitalize()} « {title} » supprimé.")
        return redirect(workshops_url(programme))
    session = getattr(item, "session", None)
    context = {
        **programme_context(programme, request.user, "workshops"),
        "item": item,
        "label": label,
        "warning": (
            f"Sa session « {session.title} » reste au catalogue des sessions, avec ses "
            "inscriptions."
            if session is not None
            else ""
        ),
        "back_url": workshops_url(programme),
    }
    return render(request, "programmes/workshop_confirm_delete.html", context)


def render_workshop(
    request: HttpRequest,
    programme: Programme,
    workshop: Workshop,
    *,
    outputs_form: OutputsForm | None = None,
    attendance_forms: list[AttendanceForm] | None = None,
    status: int = 200,
) -> HttpResponse:
    """The workshop's page; after a refused POST, with the forms as they were sent."""
    context = programme_context(programme, request.user, "workshops")
    can_contribute, can_edit = context["can_contribute"], context["can_edit"]
    if attendance_forms is None:
        invitations = list(invitations_of(workshop))
        attendance_forms = [AttendanceForm(invitation=invitation) for invitation in invitations]
    invitations = []
    for form in attendance_forms:
        form.invitation.form = form
        invitations.append(form.invitation)
    if outputs_form is None and can_contribute:
        outputs_form = OutputsForm(instance=workshop)
    context.update(
        {
            "workshop": workshop,
            "territories": attendance_by_territory(invitations),
            "invited_count": len(invitations),
            "present_count": sum(1 for each in invitations if each.attended is True),
            "with_address_count": sum(1 for each in invitations if each.contact.email),
            "newcomer_count": not_yet_invited(workshop).count() if can_edit else 0,
            "outputs_form": outputs_form if can_contribute else None,
            **attachments_context(request, workshop),
        }
    )
    return render(request, "programmes/workshop.html", context, status=status)


@login_required
@require_safe
def workshop_page(request: HttpRequest, programme_pk: int, pk: int) -> HttpResponse:
    programme, workshop = get_workshop_for(request.user, programme_pk, pk)
    return render_workshop(request, programme, workshop)


@login_required
@require_POST
def attendance_edit(request: HttpRequest, programme_pk: int, pk: int) -> HttpResponse:
    """Who came, for every person invited, in one POST (a contributor is enough)."""
    programme, workshop = get_workshop_for(request.user, programme_pk, pk, Perm.CONTRIBUTE)
    invitations = list(invitations_of(workshop))
    forms = [AttendanceForm(request.POST, invitation=invitation) for invitation in invitations]
    if not all(form.is_valid() for form in forms):
        messages.error(request, "Choisissez présent, absent ou non renseigné pour chacun.")
        return render_workshop(request, programme, workshop, attendance_forms=forms)
    attendance = {form.invitation.pk: (form.loaded_answer, form.answer) for form in forms}
    try:
        changed = record_attendance(workshop=workshop, attendance=attendance, by=request.user)
    except AttendanceConflict as error:
        # This person's choices stay on the page, over what the others noted meanwhile.
        messages.error(request, error.message)
        data = request.POST.copy()
        current = list(invitations_of(workshop))
        for invitation in current:
            data[f"invitation-{invitation.pk}-loaded"] = AttendanceForm(
                invitation=invitation
            ).initial["loaded"]
        forms = [AttendanceForm(data, invitation=invitation) for invitation in current]
        return render_workshop(request, programme, workshop, attendance_forms=forms, status=409)
    if changed:
        messages.success(request, "Les présences sont enregistrées.")
    else:
        messages.info(request, "Les présences n'ont pas changé.")
    return redirect(f"{workshop.get_absolute_url()}#presences")


@login_required
@require_POST
def outputs_edit(request: HttpRequest, programme_pk: int, pk: int) -> HttpResponse:
    """The notes of what came out of the workshop (a contributor is enough)."""
    programme, workshop = get_workshop_for(request.user, programme_pk, pk, Perm.CONTRIBUTE)
    form = OutputsForm(request.POST, instance=workshop)
    if form.is_valid():

        def save() -> None:
            with transaction.atomic():
                form.save()
                programme.log_action(
                    request.user, "workshop", f"Notes de l'atelier « {workshop.title} » modifiées"
                )

        if not form.changed_data:
            return redirect(f"{workshop.get_absolute_url()}#sorties")
        if save_or_conflict(form, save=save):
            messages.success(request, "Les notes de l'atelier sont enregistrées.")
            return redirect(f"{workshop.get_absolute_url()}#sorties")
    return render_workshop(request, programme, workshop, outputs_form=form)


@login_required
@require_POST
def workshop_invite(request: HttpRequest, programme_pk: int, pk: int) -> HttpResponse:
    """Invite the participants named since the workshop was created."""
    _, workshop = get_workshop_for(request.user, programme_pk, pk, Perm.EDIT)
    invited = invite_participants(workshop=workshop, by=request.user)
    if invited:
        names = french.enumeration([contact.name for contact in invited])
        messages.success(request, f"Invités à l'atelier : {names}.")
    else:
        messages.info(request, "Tous les participants des territoires sont déjà invités.")
    return redirect(f"{workshop.get_absolute_url()}#presences")


@login_required
@require_POST
def workshop_send(request: HttpRequest, programme_pk: int, pk: int) -> HttpResponse:
    _, workshop = get_workshop_for(request.user, programme_pk, pk, Perm.EDIT)
    sending = send_invitation(workshop=workshop, by=request.user)
    missing = ""
    if sending.without_address:
        missing = f" Sans adresse e-mail : {french.enumeration(sending.without_address)}."
    if sending.recipients:
        names = french.enumeration([person.name for person in sending.recipients])
        messages.success(
            request, f"L'invitation est envoyée à {names}, avec son fichier calendrier.{missing}"
        )
    else:
        messages.error(
            request,
            "Personne à qui envoyer l'invitation : aucun participant invité n'a d'adresse e-mail.",
        )
    return redirect(f"{workshop.get_absolute_url()}#presences")


@login_required
@require_safe
def workshop_ics(request: HttpRequest, programme_pk: int, pk: int) -> HttpResponse:
    _, workshop = get_workshop_for(request.user, programme_pk, pk)
    url = request.build_absolute_uri(workshop.get_absolute_url())
    content = workshop_calendar(workshop, url=url)
    return file_response(content, filename=workshop_filename(workshop), content_type=ICS_TYPE)


# Seminars ---------------------------------------------------------------------------------------


@login_required
@require_http_methods(["GET", "POST"])
def seminar_add(request: HttpRequest, programme_pk: int) -> HttpResponse:
    programme = get_programme_for(request.user, programme_pk, Perm.EDIT)
    form = NewSeminarForm(
        request.POST or None, instance=Seminar(programme=programme), programme=programme
    )
    if request.method == "POST" and form.is_valid():
        seminar = create_seminar(
            seminar=form.save(commit=False),
            with_registrations=form.cleaned_data["with_registrations"],
            by=request.user,
        )
        if seminar.session is not None:
            messages.success(
                request,
                f"Le séminaire est prévu, avec sa session « {seminar.session.title} » (non "
                "publiée) : complétez son programme, puis publiez-la pour ouvrir les "
                "inscriptions.",
            )
        else:
            messages.success(request, "Le séminaire est prévu.")
        return redirect(seminars_url(programme))
    context = {**programme_context(programme, request.user, "workshops"), "form": form}
    return render(request, "programmes/seminar_form.html", context)


@login_required
@require_POST
def seminar_session(request: HttpRequest, programme_pk: int, pk: int) -> HttpResponse:
    """Organise a seminar planned as a dated event as a training session."""
    programme, seminar = get_seminar_for(request.user, programme_pk, pk, Perm.EDIT)
    try:
        session = organise_as_session(seminar=seminar, by=request.user)
    except WorkshopError as error:
        messages.error(request, error.message)
        return redirect(seminars_url(programme))
    messages.success(
        request,
        f"La session « {session.title} » est créée (non publiée) : complétez son programme, "
        "puis publiez-la pour ouvrir les inscriptions.",
    )
    return redirect(seminars_url(programme))


@login_required
@require_http_methods(["GET", "POST"])
def seminar_delete(request: HttpRequest, programme_pk: int, pk: int) -> HttpResponse:
    programme, seminar = get_seminar_for(request.user, programme_pk, pk, Perm.EDIT)
    return delete_event(request, programme, seminar, label="séminaire", verb="seminar")


urlpatterns = [
    path("programmes/<int:pk>/ateliers/", workshop_list, name="workshops"),
    path("programmes/<int:programme_pk>/ateliers/ajouter/", workshop_add, name="add_workshop"),
    path("programmes/<int:programme_pk>/ateliers/<int:pk>/", workshop_page, name="workshop"),
    path(
        "programmes/<int:programme_pk>/ateliers/<int:pk>/modifier/",
        workshop_edit,
        name="edit_workshop",
    ),
    path(
        "programmes/<int:programme_pk>/ateliers/<int:pk>/supprimer/",
        workshop_delete,
        name="delete_workshop",
    ),
    path(
        "programmes/<int:programme_pk>/ateliers/<int:pk>/presences/",
        attendance_edit,
        name="record_attendance",
    ),
    path(
        "programmes/<int:programme_pk>/ateliers/<int:pk>/sorties/",
        outputs_edit,
        name="edit_workshop_outputs",
    ),
    path(
        "programmes/<int:programme_pk>/ateliers/<int:pk>/inviter/",
        workshop_invite,
        name="invite_participants",
    ),
    path(
        "programmes/<int:programme_pk>/ateliers/<int:pk>/envoyer/",
        workshop_send,
        name="send_workshop_invitation",
    ),
    path(
        "programmes/<int:programme_pk>/ateliers/<int:pk>/atelier.ics",
        workshop_ics,
        name="workshop_ics",
    ),
    path("programmes/<int:programme_pk>/seminaires/ajouter/", seminar_add, name="add_seminar"),
    path(
        "programmes/<int:programme_pk>/seminaires/<int:pk>/session/",
        seminar_session,
        name="organise_seminar_session",
    ),
    path(
        "programmes/<int:programme_pk>/seminaires/<int:pk>/supprimer/",
        seminar_delete,
        name="delete_seminar",
    ),
    # Changing a seminar goes through the generic views of the programme's parts; adding one
    # (which may create its session) and deleting one (refused once expenses are claimed for
    # it) have their own.
    *[
        route
        for route in part_urls("seminaires", SEMINARS, "seminar")
        if route.name == "edit_seminar"
    ],
]
