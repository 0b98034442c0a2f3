"""The list of members of the types the user manages, its counts, and its export."""

from dataclasses import dataclass

from django.contrib.auth.decorators import login_required
from django.core.paginator import Paginator
from django.db.models import QuerySet
from django.db.models.functions import Coalesce, Lower
from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.urls import path
from django.utils import timezone
from django.views.decorators.http import require_safe

from essaim.core.downloads import CSV_TYPE, XLSX_TYPE, file_response
from essaim.lib.spreadsheets import to_csv_bytes, to_xlsx_bytes
from essaim.memberships.access import types_for
from essaim.memberships.exports import export_rows, memberships_table
from essaim.memberships.forms import ALL_YEARS, MembershipFilterForm
from essaim.memberships.models import Membership
from essaim.roles.models import Perm

MEMBERSHIPS_PER_PAGE = 50


@dataclass
class FilteredMemberships:
    form: MembershipFilterForm
    memberships: QuerySet  # every filter applied
    without_status: QuerySet  # every filter but the status: what the counts are about
    year: int | None
    is_filtered: bool


def filter_memberships(request: HttpRequest) -> FilteredMemberships:
    """The memberships of the types ``request.user`` manages, filtered by the query string;
    the year is this year unless another (or every year) is asked for."""
    types = types_for(request.user).order_by("name", "pk")
    memberships = Membership.objects.filter(membership_type__in=types)
    this_year = timezone.localdate().year
    years = sorted(
        {this_year, this_year + 1}
        | set(memberships.order_by().values_list("year", flat=True).distinct()),
        reverse=True,
    )
    form = MembershipFilterForm(request.GET, types=types, years=years)
    form.is_valid()
    data = form.cleaned_data
    year = None
    is_filtered = False
    # A year that is not on offer, or none, is this year; « toutes » is every year.
    if (chosen := data.get("year") or str(this_year)) != ALL_YEARS:
        year = int(chosen)
        memberships = memberships.filter(year=year)
    if data.get("type"):
        memberships = memberships.filter(membership_type=data["type"])
        is_filtered = True
    if query := (data.get("q") or "").strip():
        memberships = memberships.search(query)
        is_filtered = True
    without_status = memberships
    if data.get("status"):
        memberships = memberships.filter(status=data["status"])
        is_filtered = True
    ordered = memberships.order_by(
        "-year", Lower(Coalesce("organisation__name", "last_name")), Lower("first_name"), "pk"
    )
    return FilteredMemberships(form, ordered, without_status, year, is_filtered)


@login_required
@require_safe
def membership_list(request: HttpRequest) -> HttpResponse:
    """Who is a member, for which year, and whether they paid: with the counts of the year and
    the fees received."""
    found = filter_memberships(request)
    page = Paginator(
        found.memberships.select_related("membership_type", "organisation", "bracket"),
        MEMBERSHIPS_PER_PAGE,
    ).get_page(request.GET.get("page"))
    editable = set(types_for(request.user, Perm.EDIT).values_list("pk", flat=True))
    context = {
        "form": found.form,
        "page": page,
        "year": found.year,
        "counts": found.without_status.counts(),
        "is_filtered": found.is_filtered,
        "has_types": bool(found.form.fields["type"].queryset),
        "editable_type_ids": editable,
        "can_create": bool(editable),
        "query_string": request.GET.urlencode(),
    }
    return render(request, "memberships/membership_list.html", context)


@login_required
@require_safe
def export_memberships(request: HttpRequest, file_format: str) -> HttpResponse:
    """The filtered list, every page of it, as CSV or XLSX."""
    found = filter_memberships(request)
    table = memberships_table(export_rows(found.memberships))
    label = str(found.year) if found.year else "toutes-annees"
    if file_format == "csv":
        content_type, content = CSV_TYPE, to_csv_bytes(table)
    else:
        title = f"Adhésions {found.year}" if found.year else "Adhésions"
        content_type, content = XLSX_TYPE, to_xlsx_bytes([table], title=title)
    return file_response(
        content,
        filename=f"adhesions-{label}-{timezone.localdate():%Y-%m-%d}.{file_format}",
        content_type=content_type,
    )


urlpatterns = [
    path("adhesions/", membership_list, name="list"),
    path("adhesions/export.csv", export_memberships, {"file_format": "csv"}, name="export_csv"),
    path("adhesions/export.xlsx", export_memberships, {"file_format": "xlsx"}, name="export_xlsx"),
]
