"""The invented participants of the demo sessions and the structures some of them work for.

Every name is invented; every address is an example.org one; communes are real (the official
referential), so that the counts by territory mean something. Three structures are fictional
and say so in their name."""

from dataclasses import dataclass

from essaim.lib.text import search_words
from essaim.registrations.models import Category

OFFICER, ELECTED, PROJECT, CIVIL, OTHER = (
    Category.OFFICER,
    Category.ELECTED,
    Category.PROJECT,
    Category.CIVIL,
    Category.OTHER,
)

FABRIQUE = "Tiers-lieu La Fabrique du Val (exemple)"
FOYER = "Foyer rural des Trois Rivières (exemple)"
RESEAU = "Réseau des acteurs du Plateau (exemple)"
# The fictional structures, with the bracket of their membership (index in the brackets).
STRUCTURES = {FABRIQUE: 0, FOYER: 0, RESEAU: 1}


@dataclass(frozen=True)
class Participant:
    first_name: str
    last_name: str
    category: str
    commune: str  # INSEE code
    organisation: str  # one of STRUCTURES, or a name typed in the form
    member_years: tuple[int, ...] = ()  # individual memberships (past years)
    member_now: str = ""  # this year's individual membership: "paid", "pending" or ""

    @property
    def email(self) -> str:
        return ".".join(search_words(f"{self.first_name} {self.last_name}")) + "@example.org"


PARTICIPANTS = [
    Participant("Amandine", "Roux", OFFICER, "26108", FABRIQUE),
    Participant("Bastien", "Léger", PROJECT, "26108", FABRIQUE),
    Participant("Chloé", "Vidal", CIVIL, "26113", FABRIQUE),
    Participant("Damien", "Perrin", OFFICER, "26289", FABRIQUE),
    Participant("Élodie", "Marchand", PROJECT, "26114", FABRIQUE),
    Participant("Fabien", "Guérin", ELECTED, "07186", FOYER),
    Participant("Gaëlle", "Benoît", CIVIL, "07019", FOYER),
    Participant("Hervé", "Colin", ELECTED, "07010", FOYER),
    Participant("Inès", "Barbier", OFFICER, "07324", FOYER),
    Participant("Julien", "Arnaud", OFFICER, "38563", RESEAU),
    Participant("Karine", "Fabre", OFFICER, "38185", RESEAU),
    Participant("Loïc", "Garnier", PROJECT, "38053", RESEAU),
    Participant("Manon", "Rolland", OFFICER, "73065", RESEAU),
    Participant(
        "Nadia", "Haddad", OFFICER, "26362", "Agglomération de Valence", (2021, 2023), "paid"
    ),
    Participant("Olivier", "Brun", ELECTED, "26281", "Mairie de Romans-sur-Isère", (2023,)),
    Participant(
        "Pauline", "Masson", PROJECT, "26198", "Coopérative d'habitants", (2021, 2023), "paid"
    ),
    Participant("Quentin", "Lemaire", CIVIL, "26064", "Association de quartier", (2023,)),
    Participant("Rachida", "Benali", OFFICER, "01053", "Pays de la Bresse", (2021, 2023), "paid"),
    Participant("Samuel", "Fontaine", OTHER, "69123", "Bureau d'études", (2023,), "pending"),
    Participant("Thérèse", "Meunier", ELECTED, "43157", "Commune rurale", (2021, 2023)),
    Participant("Ulysse", "Carpentier", PROJECT, "63113", "Épicerie solidaire", (2023,), "paid"),
    Participant("Valérie", "Dumas", OFFICER, "42218", "Parc naturel régional", (2021, 2023)),
    Participant("William", "Perret", CIVIL, "74010", "Collectif citoyen", (2023,), "pending"),
    Participant("Yasmine", "Aubert", OFFICER, "26235", "Centre social", (2021, 2023), "paid"),
    Participant("Zoé", "Lacroix", PROJECT, "07102", "Ressourcerie", (2023,)),
    Participant("Adrien", "Morel", OFFICER, "26057", "Communauté de communes"),
    Participant("Bérénice", "Chevalier", ELECTED, "26113", "Commune de montagne"),
    Participant("Cyril", "Noël", CIVIL, "38185", "Association d'éducation populaire"),
    Participant("Delphine", "Renard", OFFICER, "35238", "Syndicat des eaux"),
    Participant("Étienne", "Boyer", PROJECT, "45234", "Chantier d'insertion"),
]


def is_member(participant: Participant, year: int, structure_years: dict[str, tuple]) -> bool:
    """A paid membership for ``year``: their own, or their structure's."""
    return year in participant.member_years or year in structure_years.get(
        participant.organisation, ()
    )
