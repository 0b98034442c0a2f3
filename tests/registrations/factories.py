import factory
from django.utils import timezone

from essaim.registrations.models import Category, Registration, Status
from tests.trainings.factories import TrainingSessionFactory


class RegistrationFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Registration

    session = factory.SubFactory(TrainingSessionFactory)
    first_name = "Camille"
    last_name = factory.Sequence(lambda n: f"Martin{n}")
    email = factory.Sequence(lambda n: f"inscrit{n}@example.org")
    organisation_name = "Communauté de communes du Diois"
    category = Category.OFFICER
    consent = True
    consent_at = factory.LazyFunction(timezone.now)
    status = Status.CONFIRMED
    confirmed_at = factory.LazyFunction(timezone.now)
