"""Fetch a programme, or one of its rows, for a person, checking what they may do (404 / 403).
The interview notes and the people met are the programme team's alone."""

from django.core.exceptions import PermissionDenied
from django.db.models import QuerySet
from django.http import Http404

from essaim.programmes.models import (
    ExpenseClaim,
    Interview,
    Interviewee,
    Programme,
    ProgrammeTerritory,
)
from essaim.roles.models import Perm
from essaim.roles.permissions import get_object_for


def get_programme_for(
    user, pk: int, perm: Perm | str = Perm.VIEW, queryset: QuerySet | None = None
) -> Programme:
    if queryset is None:
        queryset = Programme.objects.all()
    return get_object_for(user, queryset, perm, pk=pk)


def get_territory_for(
    user, programme_pk: int, pk: int, perm: Perm | str = Perm.VIEW
) -> ProgrammeTerritory:
    """A territory of the programme ``programme_pk``, seen by the programme's team or by the
    people given a role on the territory (its referent)."""
    queryset = ProgrammeTerritory.objects.select_related("programme", "perimeter")
    return get_object_for(user, queryset, perm, pk=pk, programme_id=programme_pk)


def is_team(user, programme: Programme) -> bool:
    """Whether ``user`` belongs to the programme's team (holds a role on it), who alone read
    the interview notes; no query when ``programme`` came from :func:`get_programme_for`."""
    return programme.role_of(user) is not None


def get_team_programme_for(user, pk: int, perm: Perm | str = Perm.VIEW) -> Programme:
    """The programme ``pk`` for a member of its team (404 for anyone else, staff included),
    who may ``perm`` on it (else 403)."""
    programme = get_programme_for(user, pk, Perm.VIEW)
    if not is_team(user, programme):
        raise Http404("Cette page n'existe pas ou ne vous est pas accessible.")
    if Perm(perm) not in programme.permissions_for(user):
        raise PermissionDenied("Votre rôle ne vous permet pas cette action.")
    return programme


def get_interview_for(user, programme_pk: int, pk: int, perm: Perm | str = Perm.VIEW) -> Interview:
    queryset = Interview.objects.select_related(
        "programme", "visit__territory", "slot", "interviewee"
    )
    return get_object_for(user, queryset, perm, pk=pk, programme_id=programme_pk)


def get_interviewee_for(
    user, programme_pk: int, pk: int, perm: Perm | str = Perm.VIEW
) -> Interviewee:
    queryset = Interviewee.objects.select_related("programme", "territory")
    return get_object_for(user, queryset, perm, pk=pk, programme_id=programme_pk)


def get_claim_for(user, programme: Programme, pk: int) -> ExpenseClaim:
    """An expense claim of ``programme`` that ``user`` may see (else 404)."""
    from essaim.programmes.services.expenses import claims_of

    claim = get_object_for(user, claims_of(programme), Perm.VIEW, pk=pk)
    claim.programme = programme  # with the role of ``user`` already read
    return claim
