from essaim.library.models.imports import ImportStatus, SheetImport
from essaim.library.models.notebooks import Notebook, NotebookSheet
from essaim.library.models.sheets import (
    ExperienceSheet,
    Licence,
    Public,
    Setting,
    SheetContact,
    SheetSource,
)
from essaim.library.models.similar import SimilarSheet, SimilarToExperiment
from essaim.library.models.synonyms import Synonym

__all__ = [
    "ExperienceSheet",
    "ImportStatus",
    "Licence",
    "Notebook",
    "NotebookSheet",
    "Public",
    "Setting",
    "SheetContact",
    "SheetImport",
    "SheetSource",
    "SimilarSheet",
    "SimilarToExperiment",
    "Synonym",
]
