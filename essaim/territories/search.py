"""Territories (perimeters of communes) by name, then description. The referential itself
(communes, EPCI) keeps its own prefix search on names and codes: see ``models.py``."""

from essaim.core.search import register
from essaim.territories.models import Territory

register(Territory, title=["name"], body=["description"])
