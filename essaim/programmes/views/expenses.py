"""Tab « Frais »: what the organisers cover, the claims of the experts and of the territories'
representatives with their receipts, checked against the rules, approved (with a reason when
outside them), paid, totalled by territory, stage and category, and exported for the
accountant. Contributors enter claims, editors decide and set the rules, readers read."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.db import transaction
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import path, reverse
from django.utils import timezone
from django.utils.safestring import mark_safe
from django.views.decorators.http import require_http_methods, require_POST, require_safe

from essaim.attachments.forms import AttachmentForm
from essaim.attachments.models import AttachmentKind
from essaim.attachments.views import attachments_context
from essaim.core.concurrency import save_or_conflict
from essaim.core.downloads import XLSX_TYPE, file_response
from essaim.core.history import describe_changes
from essaim.core.models import HistoryEntry
from essaim.core.uploads import limit_upload_size, upload_too_large_message, upload_was_too_large
from essaim.lib import french
from essaim.lib.spreadsheets import to_xlsx_bytes
from essaim.lib.svg_charts import Bar, render_bar_chart
from essaim.programmes.access import get_claim_for, get_programme_for
from essaim.programmes.forms.expenses import ClaimForm, DecisionForm, RulesForm
from essaim.programmes.models import (
    Category,
    ClaimStatus,
    ExpenseClaim,
)
from essaim.programmes.services.expense_reports import (
    expense_tables,
    totals,
)
from essaim.programmes.services.expenses import (
    PROGRAMME_LABEL,
    ExpenseError,
    attach_to_claim,
    claims_of,
    coverage_keys,
    coverage_sentences,
    current_rules,
    decide,
    may_change,
    rules_of,
    save_claim,
    territory_of,
    update_rules,
)
from essaim.programmes.tabs import programme_context
from essaim.roles.models import Perm

# The value of the territory filter for the programme's own claims.
PROGRAMME_FILTER = "programme"


def _filters(request: HttpRequest, territories: list) -> dict:
    status = request.GET.get("etat", "")
    category = request.GET.get("nature", "")
    territory = request.GET.get("territoire", "")
    known_territories = {str(t.pk) for t in territories} | {PROGRAMME_FILTER}
    return {
        "status": status if status in ClaimStatus.values else "",
        "category": category if category in Category.values else "",
        "territory": territory if territory in known_territories else "",
        "flagged": request.GET.get("hors_regles") == "1",
    }


def _territory_key(claim: ExpenseClaim) -> str:
    territory = territory_of(claim)
    return str(territory.pk) if territory is not None else PROGRAMME_FILTER


def _keep(claim: ExpenseClaim, filters: dict) -> bool:
    return (
        (not filters["status"] or claim.status == filters["status"])
        and (not filters["category"] or claim.category == filters["category"])
        and (not filters["territory"] or _territory_key(claim) == filters["territory"])
        and (not filters["flagged"] or bool(claim.flags))
    )


def _chart(by_territory: list) -> str:
    bars = [
        Bar(
            label=total.label,
            value=float(total.granted + total.submitted),
            text=french.euros(total.granted + total.submitted),
        )
        for total in by_territory
    ]
    maximum = max((bar.value for bar in bars), default=0)
    return render_bar_chart(
        title="Montants par territoire",
        bars=bars,
        maximum=maximum,
        summary="Les montants accordés et en attente de décision, par territoire.",
    )


@login_required
@require_safe
def index(request: HttpRequest, pk: int) -> HttpResponse:
    programme = get_programme_for(request.user, pk)
    rules, covered = current_rules(programme)
    stages = list(programme.stages.all())
    claims = list(claims_of(programme))
    territories = list(programme.territories.order_by("name", "pk"))
    filters = _filters(request, territories)
    shown = [claim for claim in claims if _keep(claim, filters)]
    summary = totals(claims, stages)
    context = {
        **programme_context(programme, request.user, "expenses"),
        "rules": rules,
        "mileage_rate": french.number(rules.mileage_rate, 3),
        "coverage": coverage_sentences(covered),
        "claims": shown,
        "claim_count": len(claims),
        "waiting_count": sum(1 for c in claims if c.status == ClaimStatus.SUBMITTED),
        "flagged_waiting_count": sum(
            1 for c in claims if c.status == ClaimStatus.SUBMITTED and c.flags
        ),
        "totals": summary,
        # lib/svg_charts escapes every text it writes.
        "chart": mark_safe(_chart(summary.by_territory)) if claims else "",
        "filters": filters,
        "filtered": any(filters.values()),
        "territories": territories,
        "programme_filter": PROGRAMME_FILTER,
        "programme_label": PROGRAMME_LABEL,
        "statuses": ClaimStatus.choices,
        "categories": Category.choices,
    }
    return render(request, "programmes/expenses.html", context)


@login_required
@limit_upload_size(tells_in_form=True)
@require_http_methods(["GET", "POST"])
def claim_add(request: HttpRequest, pk: int) -> HttpResponse:
    programme = get_programme_for(request.user, pk, Perm.CONTRIBUTE)
    claim = ExpenseClaim(programme=programme)
    form = ClaimForm(
        request.POST or None, request.FILES or None, instance=claim, programme=programme
    )
    if request.method == "POST":
        if upload_was_too_large(request):
            form.is_valid()
            form.add_error("receipt", upload_too_large_message(request.upload_limit))
        elif form.is_valid():
            try:
                claim = save_claim(
                    claim=form.instance,
                    actor=request.user,
                    receipt=form.cleaned_data.get("receipt"),
                )
            except ExpenseError as error:
                form.add_error(error.field if error.field in form.fields else None, error.message)
            else:
                _say_saved(request, claim, "enregistrée")
                return redirect(claim.get_absolute_url())
    context = {
        **programme_context(programme, request.user, "expenses"),
        "form": form,
        "claim": None,
    }
    return render(request, "programmes/expense_form.html", context)


@login_required
@limit_upload_size(tells_in_form=True)
@require_http_methods(["GET", "POST"])
def claim_edit(request: HttpRequest, programme_pk: int, pk: int) -> HttpResponse:
    programme = get_programme_for(request.user, programme_pk, Perm.CONTRIBUTE)
    claim = get_claim_for(request.user, programme, pk)
    if not may_change(request.user, claim, programme.permissions_for(request.user)):
        raise PermissionDenied(
            "Seuls la personne qui l'a saisie et les éditeurs modifient une note de frais, tant "
            "qu'elle attend une décision."
        )
    form = ClaimForm(
        request.POST or None, request.FILES or None, instance=claim, programme=programme
    )
    if request.method == "POST":
        if upload_was_too_large(request):
            form.is_valid()
            form.add_error("receipt", upload_too_large_message(request.upload_limit))
        elif form.is_valid():
            changes = form.described_changes()

            def save() -> None:
                with transaction.atomic():
                    form.lock_and_check()
                    save_claim(
                        claim=form.instance,
                        actor=request.user,
                        receipt=form.cleaned_data.get("receipt"),
                        changes=changes,
                    )

            try:
                saved = save_or_conflict(form, save=save)
            except ExpenseError as error:
                form.add_error(error.field if error.field in form.fields else None, error.message)
            else:
                if saved:
                    _say_saved(request, claim, "modifiée")
                    return redirect(claim.get_absolute_url())
    context = {
        **programme_context(programme, request.user, "expenses"),
        "form": form,
        "claim": claim,
    }
    return render(request, "programmes/expense_form.html", context)


def _say_saved(request: HttpRequest, claim: ExpenseClaim, done: str) -> None:
    if claim.flag_list:
        messages.warning(
            request,
            f"Note de frais {done}, hors des règles : {' '.join(claim.flag_list)} "
            "Elle sera examinée avant tout remboursement.",
        )
    else:
        messages.success(request, f"Note de frais {done} : elle attend la décision d'un éditeur.")


def _claim_context(request: HttpRequest, claim: ExpenseClaim, **bound) -> dict:
    programme = claim.programme
    permissions = programme.permissions_for(request.user)
    attachments = attachments_context(request, claim)
    if attachments["attachment_form"] is not None:
        # Through this tab, so that a receipt clears the claim's « no receipt ».
        attachments["attachment_form"] = bound.get("attachment_form") or AttachmentForm(
            initial={"kind": AttachmentKind.EXPENSE_RECEIPT}
        )
        attachments["attachment_upload_url"] = reverse(
            "programmes:add_expense_receipt", args=[programme.pk, claim.pk]
        )
    decision_form = None
    if Perm.EDIT in permissions and claim.status != ClaimStatus.PAID:
        decision_form = bound.get("decision_form") or DecisionForm(claim=claim)
    return {
        **programme_context(programme, request.user, "expenses"),
        **attachments,
        "claim": claim,
        "territory": territory_of(claim),
        "may_change": may_change(request.user, claim, permissions),
        "decision_form": decision_form,
        "claim_history": list(HistoryEntry.objects.of(claim).select_related("actor")[:20]),
    }


@login_required
@require_safe
def claim_page(request: HttpRequest, programme_pk: int, pk: int) -> HttpResponse:
    programme = get_programme_for(request.user, programme_pk)
    claim = get_claim_for(request.user, programme, pk)
    return render(request, "programmes/expense.html", _claim_context(request, claim))


@login_required
@require_POST
def claim_decide(request: HttpRequest, programme_pk: int, pk: int) -> HttpResponse:
    programme = get_programme_for(request.user, programme_pk, Perm.EDIT)
    claim = get_claim_for(request.user, programme, pk)
    form = DecisionForm(request.POST, claim=claim)
    if form.is_valid():
        try:
            decide(
                claim=claim,
                status=form.cleaned_data["status"],
                reason=form.cleaned_data["reason"],
                loaded=form.cleaned_data["loaded"],
                actor=request.user,
            )
        except ExpenseError as error:
            form.add_error(error.field if error.field in form.fields else None, error.message)
        else:
            messages.success(
                request, f"Note de frais de {claim.claimant_name} : {claim.get_status_display()}."
            )
            return redirect(claim.get_absolute_url())
    context = _claim_context(request, claim, decision_form=form)
    return render(request, "programmes/expense.html", context, status=400)


@login_required
@limit_upload_size(tells_in_form=True)
@require_POST
def receipt_add(request: HttpRequest, programme_pk: int, pk: int) -> HttpResponse:
    programme = get_programme_for(request.user, programme_pk, Perm.CONTRIBUTE)
    claim = get_claim_for(request.user, programme, pk)
    form = AttachmentForm(request.POST, request.FILES)
    if upload_was_too_large(request):
        form.is_valid()
        form.errors["file"] = form.error_class([upload_too_large_message(request.upload_limit)])
    elif form.is_valid():
        attachment = attach_to_claim(
            claim=claim,
            file=form.cleaned_data["file"],
            kind=form.cleaned_data["kind"],
            title=form.cleaned_data["title"],
            actor=request.user,
        )
        messages.success(request, f"La pièce « {attachment.title} » est jointe.")
        return redirect(claim.get_absolute_url())
    context = _claim_context(request, claim, attachment_form=form)
    return render(request, "programmes/expense.html", context, status=400)


@login_required
@require_http_methods(["GET", "POST"])
def rules_edit(request: HttpRequest, pk: int) -> HttpResponse:
    programme = get_programme_for(request.user, pk, Perm.EDIT)
    if request.method == "POST":
        rules = rules_of(programme)
        covered = coverage_keys(rules)
    else:
        rules, covered = current_rules(programme)
    form = RulesForm(request.POST or None, instance=rules, covered=covered)
    if request.method == "POST" and form.is_valid():
        labels = {str(form.fields[name].label) for name in RulesForm.Meta.fields}
        changes = {
            label: change for label, change in describe_changes(form).items() if label in labels
        }
        outcome = {}

        def save() -> None:
            outcome["flagged"] = update_rules(
                rules=rules,
                covered=form.covered_keys(),
                loaded=form.loaded_keys(),
                actor=request.user,
                save=form.save,
                changes=changes,
            )

        try:
            saved = save_or_conflict(form, save=save)
        except ExpenseError as error:
            form.add_error(error.field if error.field in form.fields else None, error.message)
        else:
            if saved:
                flagged = outcome["flagged"]
                messages.success(
                    request,
                    "Les règles de prise en charge sont enregistrées"
                    + (
                        " ; "
                        + french.counted(flagged, "note en attente", "notes en attente")
                        + " hors des règles."
                        if flagged
                        else "."
                    ),
                )
                return redirect("programmes:expenses", pk=programme.pk)
    context = {
        **programme_context(programme, request.user, "expenses"),
        "form": form,
        "grid": form.grid(),
    }
    return render(request, "programmes/expense_rules.html", context)


@login_required
@require_safe
def export(request: HttpRequest, pk: int) -> HttpResponse:
    programme = get_programme_for(request.user, pk)
    stages = list(programme.stages.all())
    claims = list(claims_of(programme).order_by("spent_on", "pk"))
    title = f"Notes de frais — {programme.title}"
    content = to_xlsx_bytes(expense_tables(claims, stages), title=title)
    filename = f"notes-de-frais-{programme.slug}-{timezone.localdate():%Y-%m-%d}.xlsx"
    return file_response(content, filename=filename, content_type=XLSX_TYPE)


urlpatterns = [
    path("programmes/<int:pk>/frais/", index, name="expenses"),
    path("programmes/<int:pk>/frais/ajouter/", claim_add, name="add_expense"),
    path("programmes/<int:pk>/frais/regles/", rules_edit, name="expense_rules"),
    path("programmes/<int:pk>/frais/export.xlsx", export, name="expenses_export"),
    path("programmes/<int:programme_pk>/frais/<int:pk>/", claim_page, name="expense"),
    path("programmes/<int:programme_pk>/frais/<int:pk>/modifier/", claim_edit, name="edit_expense"),
    path(
        "programmes/<int:programme_pk>/frais/<int:pk>/decision/",
        claim_decide,
        name="decide_expense",
    ),
    path(
        "programmes/<int:programme_pk>/frais/<int:pk>/justificatif/",
        receipt_add,
        name="add_expense_receipt",
    ),
]
