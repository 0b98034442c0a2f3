"""The main navigation: only pages that exist. Each pillar adds its entry here."""

from dataclasses import dataclass


@dataclass(frozen=True)
class NavEntry:
    label: str
    url_name: str
    staff_only: bool = False


MAIN_NAVIGATION = [
    NavEntry("Tableau de bord", "core:dashboard"),
    NavEntry("Expérimentations", "experiments:list"),
    NavEntry("Territoires", "territories:list"),
    NavEntry("Organisations", "organisations:list"),
    NavEntry("Contacts", "organisations:person_list"),
    NavEntry("Programmes", "programmes:list"),
    NavEntry("Sessions", "trainings:organiser_home"),
    NavEntry("Essaimer", "scaling:public_kits"),
    NavEntry("Expériences", "library:search"),
    NavEntry("Adhésions", "memberships:list"),
]
