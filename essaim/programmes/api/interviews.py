"""The interview notes, the programme team's alone: neither staff nor a territory's referent
reads them (404). A pseudonymised person appears under their pseudonym only; their name never
leaves."""

from datetime import datetime

from django.http import HttpRequest
from ninja import Field, Router, Schema
from ninja.pagination import paginate

from essaim.api_errors import ObjectId
from essaim.programmes.access import get_team_programme_for
from essaim.programmes.api.common import CheckedPagination
from essaim.programmes.models import ContactRole, Interview
from essaim.roles.permissions import assert_confidential_respected, get_object_for

router = Router()

INTERVIEWS = Interview.objects.select_related("interviewee", "visit__territory").prefetch_related(
    "themes", "quotes__themes"
)


class InterviewThemeOut(Schema):
    id: int
    name: str


class QuoteOut(Schema):
    id: int
    text: str
    themes: list[InterviewThemeOut]

    @staticmethod
    def resolve_themes(obj) -> list:
        return list(obj.themes.all())


class IntervieweeOut(Schema):
    """The person met, under the name every page shows: their pseudonym once pseudonymised."""

    id: int
    shown_name: str
    role: ContactRole
    pseudonymised: bool


class InterviewOut(Schema):
    id: int
    programme: int = Field(alias="programme_id")
    visit: int = Field(alias="visit_id")
    territory: int = Field(alias="visit.territory_id")
    territory_name: str = Field(alias="visit.territory.name")
    slot: int | None = Field(alias="slot_id")
    interviewee: IntervieweeOut | None = Field(description="vide pour une réunion de groupe")
    group_description: str
    consent_given: bool = Field(description="les propos peuvent être cités")
    notes: str
    themes: list[InterviewThemeOut]
    quotes: list[QuoteOut]
    created_at: datetime
    updated_at: datetime

    @staticmethod
    def resolve_themes(obj: Interview) -> list:
        return list(obj.themes.all())

    @staticmethod
    def resolve_quotes(obj: Interview) -> list:
        return list(obj.quotes.all())


def check_people_met(interviews: list[Interview], request: HttpRequest) -> None:
    """The people met leave with the notes: they are the team's too."""
    people = [interview.interviewee for interview in interviews if interview.interviewee]
    assert_confidential_respected(request.user, people)


@router.get(
    "{programme_id}/interviews",
    response=list[InterviewOut],
    summary="Les notes d'entretien (équipe du programme seule)",
)
@paginate(CheckedPagination, prepare=check_people_met)
def list_interviews(
    request: HttpRequest,
    programme_id: int,
    territory: ObjectId | None = None,
    theme: ObjectId | None = None,
):
    programme = get_team_programme_for(request.user, programme_id)
    rows = INTERVIEWS.visible_to(request.user).filter(programme=programme)
    if territory is not None:
        rows = rows.filter(visit__territory_id=territory)
    if theme is not None:
        rows = rows.filter(themes__id=theme)
    return rows.order_by("visit__territory__name", "visit__start_date", "pk")


@router.get(
    "interviews/{interview_id}",
    response=InterviewOut,
    summary="Une note d'entretien (équipe du programme seule)",
)
def get_interview(request: HttpRequest, interview_id: int):
    interview = get_object_for(request.user, INTERVIEWS, pk=interview_id)
    get_team_programme_for(request.user, interview.programme_id)
    check_people_met([interview], request)
    return interview
