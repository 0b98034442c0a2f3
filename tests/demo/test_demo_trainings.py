"""The demo sessions: Cap Rural's announcements with their real dates, times, speakers and
testimonies, an upcoming example, and illustrative registrants, attendance, satisfaction answers
and memberships, with no real contact detail.

The demo is loaded once for the module (in a transaction rolled back at the end); each test
reads it inside its own savepoint."""

import datetime
import re
from decimal import Decimal

from django.urls import reverse
from django.utils import timezone

from essaim.attendance.models import Attendance
from essaim.demo.data.experiments import (
    arche_agglo,
    bricobus,
    centrales_villageoises,
    ecoravie,
    fablab_3d3terres,
    rezo_pouce,
    saillans,
    terres_de_sources,
)
from essaim.demo.data.trainings.example import EXAMPLE_SLUG
from essaim.demo.loader import load_demo_data
from essaim.demo.owner import demo_owner
from essaim.memberships.models import FeeBracket, Membership, MembershipType
from essaim.memberships.models import Status as MembershipStatus
from essaim.registrations.anonymisation import ANONYMOUS_NAME
from essaim.registrations.models import Registration, Status
from essaim.roles.models import Role
from essaim.surveys.models import Survey, SurveyAnswer, SurveyInvitation, SurveyQuestion
from essaim.trainings.models import (
    Access,
    Cycle,
    Format,
    Slot,
    Speaker,
    SpeakerRole,
    TrainingSession,
)
from essaim.trainings.models import Testimony as CaseTestimony
from tests.conftest import after_commit_work

PARIS = datetime.timezone(datetime.timedelta(hours=1))  # January, in Paris
COUNTED = [
    Cycle,
    TrainingSession,
    Slot,
    Speaker,
    CaseTestimony,
    Registration,
    Attendance,
    Survey,
    SurveyQuestion,
    SurveyInvitation,
    SurveyAnswer,
    MembershipType,
    FeeBracket,
    Membership,
]
PHONE_NUMBER = re.compile(r"\b0\d([ .]?\d\d){4}\b")


def session(slug: str) -> TrainingSession:
    return TrainingSession.objects.get(slug=slug)


def slots_of(slug: str) -> list[tuple]:
    return [
        (slot.date, slot.start_time, slot.end_time)
        for slot in session(slug).slots.order_by("date", "start_time")
    ]


def at(day: tuple[int, int, int], start: tuple[int, int], end: tuple[int, int]) -> tuple:
    return (datetime.date(*day), datetime.time(*start), datetime.time(*end))


def test_the_seed_sessions_have_their_real_dates_and_times(demo):
    assert slots_of("innovation-sociale-experimenter-2020") == [
        at((2020, 6, 30), (10, 0), (12, 0)),
        at((2020, 6, 30), (14, 0), (16, 0)),
        at((2020, 7, 8), (10, 0), (12, 0)),
        at((2020, 7, 8), (14, 0), (16, 0)),
    ]
    assert slots_of("changement-echelle-projet-pilote-2021") == [
        at((2021, 1, 15), (10, 0), (12, 0)),
        at((2021, 1, 15), (14, 0), (16, 0)),
        at((2021, 1, 22), (10, 0), (12, 0)),
        at((2021, 1, 29), (10, 0), (12, 0)),
    ]
    assert slots_of("experimentation-2023-11-09") == [at((2023, 11, 9), (10, 30), (12, 0))]
    assert slots_of("perennisation-changement-echelle-2023-11-28") == [
        at((2023, 11, 28), (10, 30), (12, 0))
    ]
    innovation = session("innovation-2023-10-19")
    assert (innovation.start_date, innovation.end_date) == ((datetime.date(2023, 10, 19),) * 2)
    assert not innovation.slots.exists()  # its times are not known
    assert not innovation.registration_open()

    scaling = session("changement-echelle-projet-pilote-2021")
    assert scaling.registration_deadline == datetime.datetime(2021, 1, 27, 23, 59, tzinfo=PARIS)
    assert [s.access for s in TrainingSession.objects.exclude(slug=EXAMPLE_SLUG)] == [
        Access.FREE,
        Access.MEMBERS,
        Access.MEMBERS,
        Access.MEMBERS,
        Access.MEMBERS,
    ]
    assert {s.format for s in TrainingSession.objects.all()} == {Format.ONLINE}
    assert session("innovation-sociale-experimenter-2020").total_hours() == Decimal(8)


def test_the_sessions_follow_each_other_in_their_cycles(demo):
    assert Cycle.objects.count() == 2
    first, scaling = (
        session("innovation-sociale-experimenter-2020"),
        session("changement-echelle-projet-pilote-2021"),
    )
    assert first.cycle == scaling.cycle
    assert first.neighbours() == (None, scaling)
    innovation, experimenting, perennisation = (
        session("innovation-2023-10-19"),
        session("experimentation-2023-11-09"),
        session("perennisation-changement-echelle-2023-11-28"),
    )
    assert experimenting.neighbours() == (innovation, perennisation)
    assert perennisation.neighbours() == (experimenting, None)
    assert session(EXAMPLE_SLUG).cycle is None


def test_the_announcements_keep_their_words(demo):
    experimenting = session("experimentation-2023-11-09")
    assert experimenting.title == "L'expérimentation"
    assert experimenting.why.startswith(
        "Les enjeux de transitions (écologique, énergétique, économique et sociale), des "
        "situations de crise ou des besoins incitent les acteurs à inventer et tester"
    )
    assert experimenting.why.endswith(
        "le changement d'échelle des innovations le 28 novembre 2023."
    )
    assert experimenting.audience.startswith("Elle est destinée aux acteurs du développement")
    assert experimenting.objectives.splitlines()[0] == (
        "Mieux cerner les concepts et démarches d'expérimentation"
    )
    first = session("innovation-sociale-experimenter-2020")
    assert len(first.objectives.splitlines()) == 5
    assert first.slots.first().topics.splitlines()[0] == "Expérimentation, de quoi parle-t-on ?"
    assert "Cette session fait suite aux quatre webconférences" in (
        session("changement-echelle-projet-pilote-2021").why
    )
    for announced in TrainingSession.objects.exclude(slug=EXAMPLE_SLUG):
        assert (announced.contact_name, announced.contact_email, announced.contact_phone) == (
            "Mylène Thou",
            "mylene.thou@example.org",
            "",
        )


def test_the_speakers_are_those_published(demo):
    speakers = [
        (s.name, s.function, s.organisation_name, s.role)
        for s in session("experimentation-2023-11-09").speakers.all()
    ]
    assert speakers == [
        (
            "Pascale Vincent",
            "chargée de mission, de recherche et de formation",
            "Ciedel (Centre international d'études pour le développement local)",
            SpeakerRole.TRAINER,
        ),
        (
            "Mylène Thou",
            "chargée de mission Valorisations des recherches et Innovations",
            "Cap Rural",
            SpeakerRole.TRAINER,
        ),
    ]
    witnesses = session("changement-echelle-projet-pilote-2021").speakers.filter(
        role=SpeakerRole.WITNESS
    )
    assert [w.name for w in witnesses] == [
        "Claude Dubreuil",
        "Jean-Michel Bostetter",
        "Daniel Helle",
        "Vincent Renaud-Giard",
    ]
    first = session("innovation-sociale-experimenter-2020")
    assert first.speakers.filter(role=SpeakerRole.WITNESS).count() == 7
    # Every speaker of the documents is a contact of the demo directory.
    announced = Speaker.objects.exclude(session__slug=EXAMPLE_SLUG)
    assert not announced.filter(person__isnull=True).exists()


def test_the_testimonies_are_linked_to_the_demo_experiments(demo):
    testimonies = session("innovation-sociale-experimenter-2020").testimonies.select_related(
        "experiment"
    )
    assert [t.experiment.title for t in testimonies] == [
        arche_agglo.CASE.title,
        rezo_pouce.CASE.title,
        fablab_3d3terres.CASE.title,
        ecoravie.CASE.title,
        saillans.CASE.title,
        terres_de_sources.CASE.title,
    ]
    assert testimonies[1].title == "Rezo Pouce, l'autostop organisé en Chartreuse"
    assert testimonies[1].presenters == (
        "Sophie Roy, chargée de mission Transition énergétique, PNR de Chartreuse"
    )
    scaling = session("changement-echelle-projet-pilote-2021")
    cases = [
        (t.experiment.title, t.slot.date)
        for t in scaling.testimonies.select_related("experiment", "slot")
    ]
    assert cases == [
        (centrales_villageoises.CASE.title, datetime.date(2021, 1, 15)),
        (terres_de_sources.CASE.title, datetime.date(2021, 1, 22)),
        (bricobus.CASE.title, datetime.date(2021, 1, 29)),
    ]


def test_the_upcoming_example_is_open_and_says_it_is_an_example(demo):
    example = session(EXAMPLE_SLUG)
    today = timezone.localdate()

    assert example.title.startswith("Exemple — ")
    assert "Session d'exemple, inventée pour la démonstration" in example.why
    assert today + datetime.timedelta(weeks=5) <= example.start_date
    assert example.start_date <= today + datetime.timedelta(weeks=6)
    assert example.start_date.weekday() == 3  # a Thursday
    assert example.registration_open()
    assert example.published
    confirmed = example.registrations.filter(status=Status.CONFIRMED)
    assert confirmed.count() == 9
    assert example.capacity - confirmed.count() == 21
    assert example.registration_deadline < example.first_start()
    assert not Attendance.objects.filter(registration__session=example).exists()


def test_everything_is_illustrative_and_organised_by_the_demo_administrator(demo):
    owner = demo_owner()
    assert all(s.illustrative and s.published for s in TrainingSession.objects.all())
    assert TrainingSession.objects.count() == 6
    for holder in (*Cycle.objects.all(), *TrainingSession.objects.all()):
        assert holder.role_of(owner) == Role.OWNER
        assert holder.organiser.name == "Cap Rural"
    assert not Registration.objects.filter(illustrative=False).exists()
    assert not Membership.objects.filter(illustrative=False).exists()
    assert not SurveyInvitation.objects.filter(illustrative=False).exists()


def test_no_real_contact_detail_is_kept(demo):
    addresses = [
        *TrainingSession.objects.values_list("contact_email", flat=True),
        *Registration.objects.values_list("email", flat=True),
        *Membership.objects.values_list("email", flat=True),
        *MembershipType.objects.values_list("contact_email", flat=True),
    ]
    assert addresses
    assert all(address.endswith(("@example.org", "@anonyme.invalid")) for address in addresses), (
        addresses
    )
    texts = [
        str(value)
        for model in (TrainingSession, Slot, Speaker, CaseTestimony, Registration, Membership)
        for row in model.objects.values()
        for value in row.values()
        if isinstance(value, str)
    ]
    assert not [text for text in texts if PHONE_NUMBER.search(text)]
    assert not [text for text in texts if "caprural.org" in text]
    assert set(TrainingSession.objects.values_list("contact_phone", flat=True)) == {""}
    assert set(Registration.objects.values_list("phone", flat=True)) == {""}


def test_past_registrants_are_anonymised_their_statistics_kept(demo):
    """The 2020 and 2021 sessions are older than their 36 months of retention; the autumn 2023
    cycle keeps its data 60 months, so the demo still shows its (invented) registrants."""
    for slug, anonymised in (
        ("innovation-sociale-experimenter-2020", True),
        ("changement-echelle-projet-pilote-2021", True),
        ("experimentation-2023-11-09", False),
        ("perennisation-changement-echelle-2023-11-28", False),
    ):
        past = session(slug)
        assert (past.personal_data_anonymised_at is not None) is anonymised, slug
        registrations = past.registrations.all()
        assert registrations.count() >= 14
        names = {r.full_name for r in registrations}
        if anonymised:
            assert names == {ANONYMOUS_NAME}
        else:
            assert ANONYMOUS_NAME not in names and len(names) == registrations.count()
            assert all(r.email.endswith("@example.org") for r in registrations)
        assert registrations.exclude(commune=None).count() == registrations.count()
        assert len({r.category for r in registrations}) >= 3
        present = Attendance.objects.filter(registration__session=past, present=True)
        assert present.count() >= registrations.count() // 2
        answers = SurveyAnswer.objects.filter(invitation__survey__session=past)
        assert answers.filter(rating__isnull=False).count() >= 10

    experimenting = session("experimentation-2023-11-09")
    assert experimenting.registrations.holding_a_place().count() == experimenting.capacity == 20
    assert experimenting.registrations.filter(status=Status.WAITING).count() == 3
    assert set(experimenting.surveys.values_list("moment", flat=True)) == {"hot", "cold"}
    first = session("innovation-sociale-experimenter-2020")
    chosen = {r.slots.count() for r in first.registrations.filter(status=Status.CONFIRMED)}
    assert chosen >= {2, 4}  # some followed only part of the webconferences


def test_upcoming_registrants_are_named_and_invented(demo):
    registrations = session(EXAMPLE_SLUG).registrations.order_by("pk")
    assert registrations.count() == 10
    assert all(r.email.endswith("@example.org") for r in registrations)
    assert registrations.filter(anonymised_at__isnull=True).count() == 10
    assert registrations.filter(status=Status.CANCELLED).count() == 1


def test_the_memberships_are_individual_or_by_bracket(demo):
    individual = MembershipType.objects.get(name="Adhésion individuelle")
    structure = MembershipType.objects.get(name="Adhésion structure")
    assert (individual.fee, structure.fee) == (Decimal("30.00"), None)
    assert [b.fee for b in structure.brackets.all()] == [
        Decimal("60.00"),
        Decimal("150.00"),
        Decimal("300.00"),
    ]
    this_year = timezone.localdate().year
    assert Membership.objects.filter(year=this_year, status=MembershipStatus.PAID).count() >= 5
    assert Membership.objects.filter(year=this_year, status=MembershipStatus.PENDING).count() >= 2
    assert Membership.objects.filter(year__in=[2021, 2023], status="expired").count() >= 15
    assert not Membership.objects.filter(paid_on__gt=timezone.localdate()).exists()
    # The registrants of a members-only session were members that year.
    scaling = session("changement-echelle-projet-pilote-2021")
    assert Membership.objects.filter(year=2021).count() >= 8
    assert scaling.registrations.count() == 14


def test_every_paid_demo_membership_has_its_receipt(demo, client):
    paid = Membership.objects.exclude(paid_on=None)
    numbers = list(paid.values_list("receipt_number", flat=True))
    assert "" not in numbers and len(set(numbers)) == len(numbers)
    client.force_login(demo_owner())
    response = client.get(reverse("memberships:receipt_pdf", args=[paid.first().pk]))
    assert response.status_code == 200 and response.content.startswith(b"%PDF")


def test_no_email_is_sent_while_the_demo_loads(demo):
    assert after_commit_work(demo["callbacks"]) == []
    assert demo["sent"] == []


def test_loading_again_duplicates_nothing(demo):
    counts = [model.objects.count() for model in COUNTED]
    example_slots = slots_of(EXAMPLE_SLUG)

    load_demo_data(report=lambda line: None)

    assert [model.objects.count() for model in COUNTED] == counts
    assert slots_of(EXAMPLE_SLUG) == example_slots
