"""The organiser's « Inscriptions » tab of a session: the key figures, who registered by
category and territory, the filtered list and its exports, one registration in detail with the
organiser's decisions (confirm, refuse, cancel), and the messages written to the registrants.

Organisers who may see the session read everything here; acting needs the right to edit it."""

import datetime
from dataclasses import dataclass
from functools import partial

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core import signing
from django.core.paginator import Paginator
from django.db import transaction
from django.db.models import Count, QuerySet
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import path, reverse
from django.utils import timezone
from django.utils.http import url_has_allowed_host_and_scheme
from django.views.decorators.http import require_http_methods, require_POST, require_safe

from essaim.core.downloads import CSV_TYPE, XLSX_TYPE, file_response
from essaim.core.page_cache import kept_page
from essaim.lib import french
from essaim.mail.models import FailedEmail
from essaim.mail.tasks import about, send_email
from essaim.registrations import exports, services
from essaim.registrations.answer_totals import answer_totals
from essaim.registrations.forms.manage import (
    RECIPIENT_LABELS,
    RECIPIENT_STATUSES,
    OrganiserMessageForm,
    RefusalForm,
    RegistrationFilterForm,
)
from essaim.registrations.models import (
    ACTIVE,
    Category,
    MessageKind,
    Registration,
    SentMessage,
    Status,
)
from essaim.roles.models import Perm
from essaim.trainings.access import get_session_for
from essaim.trainings.models import TrainingSession
from essaim.trainings.tabs import session_context

REGISTRATIONS_PER_PAGE = 50
# The latest e-mails that could not be sent, shown above the registrations.
FAILED_EMAILS_SHOWN = 20
# Territories past this rank are summed up in one line « Autres ».
TERRITORIES_SHOWN = 10
NOT_GIVEN = "Non renseignée"
DRAFT_SALT = "registrations.organiser-message"
DRAFT_MAX_AGE = 24 * 3600


# Figures --------------------------------------------------------------------------------------


@dataclass(frozen=True)
class Share:
    label: str
    count: int
    percent: int


def shares(
    counts: list[tuple[str, int]], total: int, *, not_given: int = 0, keep_all: bool = False
) -> list[Share]:
    """``counts`` (label, count) as shares of ``total``, largest first, then those whose
    information is missing; past ``TERRITORIES_SHOWN`` lines the smallest are summed up in one
    line « Autres », unless ``keep_all``."""
    ordered = sorted(counts, key=lambda item: (-item[1], item[0]))
    if not keep_all and len(ordered) > TERRITORIES_SHOWN + 1:
        rest = ordered[TERRITORIES_SHOWN:]
        ordered = [*ordered[:TERRITORIES_SHOWN], (f"Autres ({len(rest)})", sum(n for _, n in rest))]
    if not_given:
        ordered.append((NOT_GIVEN, not_given))
    return [
        Share(label, count, round(100 * count / total) if total else 0) for label, count in ordered
    ]


def status_counts(session: TrainingSession) -> dict[str, int]:
    """How many registrations of ``session`` are in each status (one query)."""
    counted = dict(
        session.registrations.order_by().values_list("status").annotate(count=Count("pk"))
    )
    return {status: counted.get(status, 0) for status in Status.values}


# (status, singular, plural, shown when zero)
KEY_FIGURES = [
    (Status.CONFIRMED, "confirmée", "confirmées", True),
    (Status.PENDING, "en attente de validation", "en attente de validation", True),
    (Status.WAITING, "sur liste d'attente", "sur liste d'attente", True),
    (Status.OFFERED, "place proposée", "places proposées", True),
    (Status.CANCELLED, "annulée", "annulées", True),
    (Status.REFUSED, "refusée", "refusées", False),
    (Status.EXPIRED, "proposition expirée", "propositions expirées", False),
]


def key_figures(counts: dict[str, int]) -> list[dict]:
    """The figures shown at the top of the tab, each linked to the list filtered on it."""
    return [
        {"status": status, "count": counts[status], "label": plural if counts[status] > 1 else one}
        for status, one, plural, always in KEY_FIGURES
        if always or counts[status]
    ]


def breakdowns(selection: QuerySet) -> dict:
    """Who is in ``selection``, by category, by département and by EPCI of their commune
    (three queries)."""
    selection = selection.order_by()
    by_category = dict(selection.values_list("category").annotate(count=Count("pk", distinct=True)))
    total = sum(by_category.values())
    without_commune = 0
    by_departement = []
    departements = selection.values(
        "commune__departement__code", "commune__departement__name"
    ).annotate(count=Count("pk", distinct=True))
    for row in departements:
        if row["commune__departement__code"] is None:
            without_commune = row["count"]
        else:
            label = f"{row['commune__departement__name']} ({row['commune__departement__code']})"
            by_departement.append((label, row["count"]))
    by_epci = []
    for row in selection.values("commune__epci__name").annotate(count=Count("pk", distinct=True)):
        if row["commune__epci__name"] is not None:
            by_epci.append((row["commune__epci__name"], row["count"]))
        elif row["count"] > without_commune:
            # A commune outside any EPCI (the islands, Paris) is not a missing commune.
            by_epci.append(("Commune hors EPCI", row["count"] - without_commune))
    return {
        "total": total,
        "categories": shares(
            [(label, by_category.get(value, 0)) for value, label in Category.choices],
            total,
            keep_all=True,
        ),
        "departements": shares(by_departement, total, not_given=without_commune),
        "epcis": shares(by_epci, total, not_given=without_commune),
    }


# The list -------------------------------------------------------------------------------------


def _filtered(request: HttpRequest, session: TrainingSession) -> tuple:
    """The session's slots, the filter form bound to the address, and the registrations it
    selects (the page and the exports share them)."""
    slots = list(session.slots.all())
    form = RegistrationFilterForm(request.GET, slots=slots)
    return slots, form, form.filter(session.registrations.all())


@login_required
@require_safe
@kept_page
def manage(request: HttpRequest, pk: int) -> HttpResponse:
    session = get_session_for(request.user, pk)
    slots, form, selection = _filtered(request, session)
    rows = selection.select_related("commune").order_by("created_at", "pk")
    if len(slots) > 1:
        rows = rows.prefetch_related("slots")
    page = Paginator(rows, REGISTRATIONS_PER_PAGE).get_page(request.GET.get("page"))
    counts = status_counts(session)
    context = {
        **session_context(session, request.user, "registrations"),
        "figures": key_figures(counts),
        "places_left": services.places_left(session),
        "form": form,
        "filtered": form.is_filtered,
        "page": page,
        "several_slots": len(slots) > 1,
        "breakdowns": breakdowns(selection),
        "answer_totals": answer_totals(session),
        "pending_count": counts[Status.PENDING],
        "failed_emails": list(FailedEmail.objects.about(session)[:FAILED_EMAILS_SHOWN]),
    }
    return render(request, "registrations/manage.html", context)


def _export_rows(request: HttpRequest, pk: int):
    session = get_session_for(request.user, pk)
    slots, _, selection = _filtered(request, session)
    rows = selection.select_related("commune__departement", "commune__epci").prefetch_related(
        "slots", "answers"
    )
    columns = exports.registration_columns(slots, list(session.questions.all()))
    return session, rows.order_by("created_at", "pk"), columns


@login_required
@require_safe
def export_csv(request: HttpRequest, pk: int) -> HttpResponse:
    session, rows, columns = _export_rows(request, pk)
    return file_response(
        exports.registrations_csv(rows, columns),
        filename=f"inscriptions-{session.slug}.csv",
        content_type=CSV_TYPE,
    )


@login_required
@require_safe
def export_xlsx(request: HttpRequest, pk: int) -> HttpResponse:
    session, rows, columns = _export_rows(request, pk)
    return file_response(
        exports.registrations_xlsx(rows, columns, session=session),
        filename=f"inscriptions-{session.slug}.xlsx",
        content_type=XLSX_TYPE,
    )


# One registration, and the organiser's decisions -----------------------------------------------


def _registration_of(session: TrainingSession, registration_pk: int) -> Registration:
    queryset = session.registrations.select_related("commune__departement", "commune__epci")
    return get_object_or_404(queryset, pk=registration_pk)


def _render_detail(
    request: HttpRequest,
    session: TrainingSession,
    registration: Registration,
    refusal_form: RefusalForm | None = None,
) -> HttpResponse:
    answers = {answer.question_id: answer.value for answer in registration.answers.all()}
    context = {
        **session_context(session, request.user, "registrations"),
        "registration": registration,
        "slots": list(registration.slots.all()),
        "several_slots": session.slots.count() > 1,
        "answers": [
            {"question": question, "value": answers.get(question.pk, "")}
            for question in session.questions.all()
        ],
        "sent_messages": list(registration.messages.select_related("sent_by")),
        "refusal_form": refusal_form or RefusalForm(),
        "is_active": registration.status in ACTIVE,
        "back_url": reverse("registrations:manage", args=[session.pk]),
    }
    return render(request, "registrations/manage_detail.html", context)


@login_required
@require_safe
def detail(request: HttpRequest, pk: int, registration_pk: int) -> HttpResponse:
    session = get_session_for(request.user, pk)
    return _render_detail(request, session, _registration_of(session, registration_pk))


def _back(request: HttpRequest, session: TrainingSession, registration: Registration) -> str:
    """Where to go after a decision: the page it was taken from (the list keeps its filters),
    else the registration."""
    next_url = request.POST.get("next", "")
    if url_has_allowed_host_and_scheme(
        next_url, allowed_hosts={request.get_host()}, require_https=request.is_secure()
    ):
        return next_url
    return reverse("registrations:manage_detail", args=[session.pk, registration.pk])


@login_required
@require_POST
def confirm(request: HttpRequest, pk: int, registration_pk: int) -> HttpResponse:
    session = get_session_for(request.user, pk, Perm.EDIT)
    registration = _registration_of(session, registration_pk)
    try:
        services.confirm_pending(registration, by=request.user)
    except services.RegistrationError as error:
        messages.error(request, error.message)
    else:
        messages.success(
            request,
            f"L'inscription de {registration.full_name} est confirmée : un e-mail de "
            "confirmation lui est envoyé.",
        )
    return redirect(_back(request, session, registration))


@login_required
@require_POST
def refuse(request: HttpRequest, pk: int, registration_pk: int) -> HttpResponse:
    session = get_session_for(request.user, pk, Perm.EDIT)
    registration = _registration_of(session, registration_pk)
    form = RefusalForm(request.POST)
    if not form.is_valid():
        return _render_detail(request, session, registration, refusal_form=form)
    try:
        services.refuse(registration, by=request.user, reason=form.cleaned_data["reason"].strip())
    except services.RegistrationError as error:
        messages.error(request, error.message)
    else:
        messages.success(
            request,
            f"L'inscription de {registration.full_name} est refusée : un e-mail l'en informe, "
            "et sa place est proposée à la liste d'attente s'il y en a une.",
        )
    return redirect(_back(request, session, registration))


@login_required
@require_POST
def cancel(request: HttpRequest, pk: int, registration_pk: int) -> HttpResponse:
    session = get_session_for(request.user, pk, Perm.EDIT)
    registration = _registration_of(session, registration_pk)
    if registration.status not in ACTIVE:
        messages.error(
            request,
            f"L'inscription de {registration.full_name} est déjà "
            f"{registration.get_status_display()} : elle ne peut être annulée.",
        )
        return redirect(_back(request, session, registration))
    try:
        services.cancel(registration, by=request.user)
    except services.RegistrationError as error:
        messages.error(request, error.message)
    else:
        messages.success(
            request,
            f"L'inscription de {registration.full_name} est annulée : un e-mail l'en informe"
            + (
                ", et sa place est proposée à la liste d'attente s'il y en a une."
                if registration.holds_a_place
                else "."
            ),
        )
    return redirect(_back(request, session, registration))


# Writing to the registrants -------------------------------------------------------------------


class AlreadySent(Exception):
    """The message was already sent from this draft: the form was sent twice."""

    def __init__(self, sent: SentMessage) -> None:
        super().__init__(sent.subject)
        self.sent = sent


def recipients_of(session: TrainingSession, recipients: str) -> QuerySet:
    """The registrations ``recipients`` designates (anonymised ones have no address left)."""
    return session.registrations.filter(
        status__in=RECIPIENT_STATUSES[recipients], anonymised_at__isnull=True
    )


def recipient_counts(session: TrainingSession) -> dict[str, int]:
    counted = dict(
        session.registrations.filter(anonymised_at__isnull=True)
        .order_by()
        .values_list("status")
        .annotate(count=Count("pk"))
    )
    return {
        key: sum(counted.get(status, 0) for status in statuses)
        for key, statuses in RECIPIENT_STATUSES.items()
    }


def _dates(session: TrainingSession) -> str:
    """« le jeudi 9 novembre 2023 », « du 1er au 2 juillet 2021 » (in a sentence)."""
    start, end = session.start_date, session.end_date
    if start == end:
        return f"le {french.weekday_date(start)}"
    return french.date_range(start, end, capital=False)


def reply_address(session: TrainingSession, sender) -> str:
    return session.contact_email or sender.email


def message_footer(session: TrainingSession, sender) -> str:
    """What ends every message: why the person receives it, and where replies go."""
    who = session.contact_name or sender.get_full_name() or "l'organisateur"
    return (
        "\n\n-- \n"
        f"Vous recevez ce message au sujet de votre inscription à la session « {session.title} » "
        f"{_dates(session)}.\n"
        f"Pour répondre, répondez simplement à cet e-mail : votre réponse parviendra à {who} "
        f"({reply_address(session, sender)})."
    )


def send_organiser_message(
    session: TrainingSession,
    *,
    by,
    recipients: str,
    subject: str,
    body: str,
    drafted_at: datetime.datetime,
) -> SentMessage:
    """E-mail ``body`` to each registration ``recipients`` designates, one e-mail per person,
    replies to the session's contact; recorded once for the session.

    The same message sent by the same organiser since ``drafted_at`` (when they reviewed it)
    is not sent again: a form sent twice raises :class:`AlreadySent`. The session row is
    locked meanwhile, so that two simultaneous submissions send once."""
    with transaction.atomic():
        session = TrainingSession.objects.select_for_update().get(pk=session.pk)
        earlier = SentMessage.objects.filter(
            session=session,
            kind=MessageKind.ORGANISER,
            sent_by=by,
            subject=subject,
            body=body,
            sent_at__gte=drafted_at,
        ).first()
        if earlier is not None:
            raise AlreadySent(earlier)
        addresses = list(
            recipients_of(session, recipients).order_by("pk").values_list("email", flat=True)
        )
        text = body + message_footer(session, by)
        reply_to = [reply_address(session, by)]
        for address in addresses:
            transaction.on_commit(
                partial(
                    send_email.enqueue,
                    subject=subject,
                    body=text,
                    to=[address],
                    reply_to=reply_to,
                    about=about(session),
                )
            )
        sent = SentMessage.objects.create(
            session=session,
            kind=MessageKind.ORGANISER,
            subject=subject,
            body=body,
            recipient_count=len(addresses),
            sent_by=by,
        )
        count = len(addresses)
        session.log_action(
            by,
            "message",
            f"Message « {subject} » envoyé à {count} {french.plural(count, 'personne')} "
            f"({RECIPIENT_LABELS[recipients].lower()})",
        )
    return sent


def _draft_token() -> str:
    return signing.dumps(timezone.now().isoformat(), salt=DRAFT_SALT)


def _drafted_at(token: str) -> datetime.datetime | None:
    """When the message was reviewed, from the token of the review page; ``None`` when the
    token is wrong or older than a day."""
    try:
        return datetime.datetime.fromisoformat(
            signing.loads(token, salt=DRAFT_SALT, max_age=DRAFT_MAX_AGE)
        )
    except (signing.BadSignature, ValueError, TypeError):
        return None


@login_required
@require_http_methods(["GET", "HEAD", "POST"])
def message_registrants(request: HttpRequest, pk: int) -> HttpResponse:
    """Write a message (first step), review it with the number of recipients (second step),
    send it; and the messages already sent."""
    session = get_session_for(
        request.user, pk, Perm.EDIT if request.method == "POST" else Perm.VIEW
    )
    url = reverse("registrations:manage_message", args=[session.pk])
    counts = recipient_counts(session)
    form = OrganiserMessageForm(request.POST or None, counts=counts)
    reviewing = False
    if request.method == "POST" and form.is_valid() and "edit" not in request.POST:
        data = form.cleaned_data
        drafted_at = _drafted_at(request.POST.get("draft", "")) if "send" in request.POST else None
        if "send" in request.POST and drafted_at is None:
            messages.error(
                request,
                "La relecture de ce message date de plus d'un jour : relisez-le et confirmez "
                "l'envoi de nouveau.",
            )
        if drafted_at is None:
            reviewing = True
        else:
            try:
                sent = send_organiser_message(
                    session, by=request.user, drafted_at=drafted_at, **data
                )
            except AlreadySent as error:
                when = timezone.localtime(error.sent.sent_at)
                messages.info(
                    request,
                    f"Ce message a déjà été envoyé le {when:%d/%m/%Y à %H:%M} : il n'est pas "
                    "envoyé une seconde fois.",
                )
            else:
                count = sent.recipient_count
                messages.success(
                    request,
                    f"Message « {sent.subject} » envoyé à {count} "
                    f"{french.plural(count, 'personne')}.",
                )
            return redirect(url)
    context = {
        **session_context(session, request.user, "registrations"),
        "form": form,
        "reviewing": reviewing,
        "back_url": reverse("registrations:manage", args=[session.pk]),
        "sent_messages": list(
            session.sent_messages.filter(kind=MessageKind.ORGANISER).select_related("sent_by")
        ),
    }
    if reviewing:
        data = form.cleaned_data
        context.update(
            draft=_draft_token(),
            recipient_label=RECIPIENT_LABELS[data["recipients"]],
            recipient_count=counts[data["recipients"]],
            footer=message_footer(session, request.user),
            reply_to=reply_address(session, request.user),
        )
    return render(request, "registrations/manage_message.html", context)


urlpatterns = [
    path("formations/<int:pk>/inscriptions/", manage, name="manage"),
    path("formations/<int:pk>/inscriptions/export.csv", export_csv, name="manage_export_csv"),
    path("formations/<int:pk>/inscriptions/export.xlsx", export_xlsx, name="manage_export_xlsx"),
    path("formations/<int:pk>/inscriptions/ecrire/", message_registrants, name="manage_message"),
    path(
        "formations/<int:pk>/inscriptions/<int:registration_pk>/",
        detail,
        name="manage_detail",
    ),
    path(
        "formations/<int:pk>/inscriptions/<int:registration_pk>/confirmer/",
        confirm,
        name="manage_confirm",
    ),
    path(
        "formations/<int:pk>/inscriptions/<int:registration_pk>/refuser/",
        refuse,
        name="manage_refuse",
    ),
    path(
        "formations/<int:pk>/inscriptions/<int:registration_pk>/annuler/",
        cancel,
        name="manage_cancel",
    ),
]
