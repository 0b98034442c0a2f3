"""Dossier files that no longer show their experiment as it is are deleted."""

import datetime

from essaim.core.scheduled import scheduled
from essaim.dossiers.services import delete_outdated_files


@scheduled("Dossiers d'expérimentation périmés effacés (expérimentation modifiée depuis)")
def delete_outdated_dossier_files(now: datetime.datetime) -> int:
    return delete_outdated_files(now)
