from essaim.roles.models import Role
from tests.platform_app.models import InterviewNote, Programme, Visit


def make_programme(name: str = "Programme Bourgognes rurales", **people) -> Programme:
    """A programme, with ``people`` given their role on it: ``make_programme(owner=user)``."""
    programme = Programme.objects.create(name=name)
    for role, user in people.items():
        programme.grant(user, Role(role))
    return programme


def make_visit(programme: Programme, place: str = "Saillans") -> Visit:
    return Visit.objects.create(programme=programme, place=place)


def make_note(visit: Visit, text: str = "Entretien avec la secrétaire de mairie") -> InterviewNote:
    return InterviewNote.objects.create(visit=visit, text=text)
