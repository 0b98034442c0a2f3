"""The directory: organisations by name and acronym, then presentation; contacts by name, then
function and e-mail address."""

from essaim.core.search import register
from essaim.organisations.models import Organisation, Person

register(Organisation, title=["name", "short_name"], body=["description"])
register(Person, title=["first_name", "last_name"], body=["function", "email"])
