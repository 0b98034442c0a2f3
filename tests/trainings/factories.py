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
