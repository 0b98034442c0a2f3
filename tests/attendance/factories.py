import factory
from django.utils import timezone

from essaim.attendance.models import Attendance, Source
from tests.registrations.factories import RegistrationFactory
from tests.trainings.factories import SlotFactory


class AttendanceFactory(factory.django.DjangoModelFactory):
    """A presence at the whole slot, ticked by the organiser."""

    class Meta:
        model = Attendance

    registration = factory.SubFactory(RegistrationFactory)
    slot = factory.SubFactory(SlotFactory, session=factory.SelfAttribute("..registration.session"))
    present = True
    source = Source.ORGANISER
    recorded_at = factory.LazyFunction(timezone.now)

    class Params:
        absent = factory.Trait(present=False)
