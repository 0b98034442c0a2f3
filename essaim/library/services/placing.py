"""Where a sheet's territory lies, written on the sheet so that the facets (région,
département), the map and « près de chez vous » read one row, never a perimeter of communes."""

from essaim.library.models import ExperienceSheet

PLACE_FIELDS = ("commune", "epci", "departement", "region")


def place_sheet(sheet: ExperienceSheet) -> None:
    """Set the sheet's main commune (the most populated of its territory), its EPCI, its
    département and its région from its territory; all empty without one. Not saved."""
    territory = sheet.territory
    commune = None
    if territory is not None:
        commune = (
            territory.communes.select_related("departement__region", "epci")
            .order_by("-population", "insee_code")
            .first()
        )
    sheet.commune = commune
    sheet.epci = (territory.epci if territory else None) or (commune.epci if commune else None)
    departement = (territory.departement if territory else None) or (
        commune.departement if commune else None
    )
    sheet.departement = departement
    sheet.region = departement.region if departement else None
