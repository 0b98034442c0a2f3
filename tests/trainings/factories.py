import datetime

import factory

from essaim.trainings.models import (
    Access,
    Cycle,
    Format,
    RegistrationQuestion,
    Slot,
    Speaker,
    Testimony,
    TrainingSession,
)


class CycleFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Cycle

    title = factory.Sequence(lambda n: f"Cycle {n}")
    slug = factory.Sequence(lambda n: f"cycle-{n}")
    published = True


class TrainingSessionFactory(factory.django.DjangoModelFactory):
    """A published online session of one slot, 10h30-12h, in the future, with 30 places."""

    class Meta:
        model = TrainingSession
        skip_postgeneration_save = True

    title = factory.Sequence(lambda n: f"Session {n} : l'expérimentation")
    slug = factory.Sequence(lambda n: f"session-{n}")
    published = True
    why = "Les enjeux de transitions incitent à inventer et tester de nouvelles solutions."
    audience = "Agents de développement, élus de collectivités et d'associations."
    objectives = "Mieux cerner les concepts\nComprendre l'intérêt de ces démarches"
    start_date = factory.LazyFunction(lambda: datetime.date.today() + datetime.timedelta(days=30))
    end_date = factory.SelfAttribute("start_date")
    format = Format.ONLINE
    meeting_url = "https://visio.example.org/essaim-session"
    access = Access.FREE
    capacity = 30
    contact_name = "Mylène Thou"
    contact_email = "contact@example.org"

    @factory.post_generation
    def with_slot(obj, create, extracted, **kwargs):
        if create and extracted is not False:
            SlotFactory(session=obj, date=obj.start_date)


class SlotFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Slot

    session = factory.SubFactory(TrainingSessionFactory, with_slot=False)
    date = factory.LazyAttribute(lambda slot: slot.session.start_date)
    start_time = datetime.time(10, 30)
    end_time = datetime.time(12, 0)
    title = "Repères sur l'expérimentation"


class SpeakerFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Speaker

    session = factory.SubFactory(TrainingSessionFactory)
    name = "Pascale Vincent"
    function = "chargée de mission, de recherche et de formation"
    organisation_name = "Ciedel"


class TestimonyFactory(factory.django.DjangoModelFactory):
    __test__ = False  # not a test class, despite its name

    class Meta:
        model = Testimony

    session = factory.SubFactory(TrainingSessionFactory)
    title = "Rezo Pouce, l'autostop organisé en Chartreuse"
    presenters = "Sophie Roy, chargée de mission Transition énergétique, PNR de Chartreuse"


class RegistrationQuestionFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = RegistrationQuestion

    session = factory.SubFactory(TrainingSessionFactory)
    label = "Qu'attendez-vous de cette session ?"


EXPERIMENTATION_WHY = (
    "Les enjeux de transitions (écologique, énergétique, économique et sociale), des situations "
    "de crise ou des besoins incitent les acteurs à inventer et tester de nouvelles solutions "
    "dans les territoires.\n\n"
    "Cette session propose des repères méthodologiques à ceux qui souhaitent accompagner et/ou "
    "s'engager dans une démarche d'expérimentation."
)


def seed_like_cycle(first_day: datetime.date, organiser=None) -> dict:
    """The autumn cycle of the announcements (innovation → expérimentation → pérennisation),
    moved to ``first_day``: three published online sessions; the second one filled in as its
    announcement is, members only, with its speakers and contact."""
    cycle = CycleFactory(
        title="Innovation, expérimentation, pérennisation",
        slug="innovation-experimentation-perennisation",
        summary="Trois sessions pour accompagner les innovations territoriales.",
        organiser=organiser,
    )
    innovation = TrainingSessionFactory(
        cycle=cycle,
        position=1,
        title="L'innovation sociale et territoriale",
        slug="innovation",
        start_date=first_day,
    )
    experimentation = TrainingSessionFactory(
        cycle=cycle,
        position=2,
        title="L'expérimentation : repères méthodologiques",
        slug="experimentation",
        start_date=first_day + datetime.timedelta(days=21),
        organiser=organiser,
        why=EXPERIMENTATION_WHY,
        audience=(
            "Elle est destinée aux acteurs du développement local : agents de développement, "
            "élus de collectivités et d'associations, porteurs de projet collectif, acteurs de "
            "la société civile..."
        ),
        objectives=(
            "- Mieux cerner les concepts et démarches d'expérimentation\n"
            "- Comprendre l'intérêt de mobiliser ce type de démarches\n"
            "- Identifier des points stratégiques et méthodologiques"
        ),
        programme_intro="Cette session se déroulera à distance et proposera des repères.",
        teaching_methods="Apports théoriques et méthodologiques, témoignages d'expériences.",
        accessibility="Webconférence sous-titrée.",
        accessibility_contact="Mylène Thou, 06 39 98 45 03",
        access=Access.MEMBERS,
        capacity=40,
        contact_name="Mylène Thou",
        contact_phone="04 65 71 17 15 / 06 39 98 45 03",
        contact_email="valorisations.innovations@example.org",
        with_slot=False,
    )
    SlotFactory(
        session=experimentation,
        start_time=datetime.time(10, 30),
        end_time=datetime.time(12),
        title="Repères pour une démarche d'expérimentation",
        topics="Expérimentation, de quoi parle-t-on ?\nPourquoi expérimenter ?",
    )
    SpeakerFactory(session=experimentation, position=1)
    SpeakerFactory(
        session=experimentation,
        position=2,
        name="Mylène Thou",
        function="chargée de mission Valorisations des recherches et Innovations",
        organisation_name="Cap Rural",
    )
    perennisation = TrainingSessionFactory(
        cycle=cycle,
        position=3,
        title="Pérennisation et changement d'échelle",
        slug="perennisation",
        start_date=first_day + datetime.timedelta(days=40),
    )
    return {
        "cycle": cycle,
        "innovation": innovation,
        "experimentation": experimentation,
        "perennisation": perennisation,
    }


def scaling_like_session(first_day: datetime.date, **fields) -> TrainingSession:
    """Like the 2021 scaling session: four webconferences over three Fridays (two on the first
    day), each case testimony in its own slot."""
    session = TrainingSessionFactory(
        title="Accompagner le changement d'échelle d'un projet pilote",
        slug="changement-echelle",
        start_date=first_day,
        end_date=first_day + datetime.timedelta(days=14),
        with_slot=False,
        **fields,
    )
    days = [first_day, first_day, first_day + datetime.timedelta(days=7)]
    days.append(first_day + datetime.timedelta(days=14))
    hours = [(10, 12), (14, 16), (10, 12), (10, 12)]
    slots = [
        SlotFactory(
            session=session,
            date=day,
            start_time=datetime.time(start),
            end_time=datetime.time(end),
            title=f"{number}{'re' if number == 1 else 'e'} webconférence",
        )
        for number, (day, (start, end)) in enumerate(zip(days, hours, strict=True), start=1)
    ]
    cases = [
        (
            "Les centrales villageoises, de la construction d'un modèle à son essaimage",
            "Claude Dubreuil et Jean-Michel Bostetter, administrateurs, association des "
            "centrales villageoises",
        ),
        (
            "Terres de sources, expérimenter le changement d'échelle d'un label local",
            "Daniel Helle, chargé de projets, Eau du Bassin Rennais Collectivité",
        ),
        (
            "Bricobus, déployer en réseau un dispositif solidaire",
            "Vincent Renaud-Giard, directeur adjoint des Compagnons bâtisseurs Centre-Val de Loire",
        ),
    ]
    for position, (slot, (title, presenters)) in enumerate(zip(slots[1:], cases, strict=True)):
        TestimonyFactory(
            session=session, slot=slot, title=title, presenters=presenters, position=position
        )
    return session
