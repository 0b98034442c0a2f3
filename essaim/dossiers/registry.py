"""The kinds of document the worker builds for an experiment, each as PDF and as DOCX, kept
until the experiment changes: the dossier (``dossier_kind.py``) and those that the applications
above register at startup, in their ``AppConfig.ready()``, without ``dossiers`` naming them.

A kind says how its files are written (``render_pdf``, ``render_docx``, from the experiment),
named (``filename``, to which the date and the extension are added), when a file written
earlier no longer shows the experiment as it is (``fingerprint``), and for which experiments
it exists at all (``available``: elsewhere its pages answer 404). Everything else — the row of
each experiment, kind and format, the build by the worker, the page that follows it, the
download, the cleanup — is the same for every kind (``services.py``, ``views.py``)."""

import re
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass

from django.utils.text import slugify

from essaim.dossiers.fingerprints import Fingerprint, fingerprint_of
from essaim.experiments.models import Experiment

DOSSIER = "dossier"  # the key of the dossier, the kind built in
KEY_MAX_LENGTH = 20
KEY_PATTERN = re.compile(r"[a-z0-9]+(?:-[a-z0-9]+)*")


class UnknownDocumentKind(LookupError):
    """No kind of document is registered under this key: the views answer 404."""


def always_available(experiment: Experiment) -> bool:
    return True


@dataclass(frozen=True)
class DocumentKind:
    key: str  # "dossier", "kit"…: lower case, digits and hyphens, 20 characters at most (URLs)
    # What the pages call it, in lower case, as in « le dossier », « le kit d'essaimage » (a
    # masculine noun that takes « le », « du », « ce »).
    label: str
    render_pdf: Callable[[Experiment], bytes]
    render_docx: Callable[[Experiment], bytes]
    # The name of the file, without the date nor the extension (added to it), for instance
    # "kit-essaimage-centrales-villageoises" (``experiment_slug`` gives the last part).
    filename: Callable[[Experiment], str]
    # The state of the experiment the documents show; a file whose fingerprint differs is
    # written again. The experiment's own, unless the documents show more than it.
    fingerprint: Callable[[Experiment], Fingerprint] = fingerprint_of
    # Whether ``experiment`` has such a document (for instance, only when it has a kit).
    available: Callable[[Experiment], bool] = always_available

    def __post_init__(self) -> None:
        if len(self.key) > KEY_MAX_LENGTH or not KEY_PATTERN.fullmatch(self.key):
            raise ValueError(
                f"La clé d'un document, « {self.key} », doit tenir en {KEY_MAX_LENGTH} "
                "caractères : lettres minuscules sans accent, chiffres et traits d'union."
            )
        if not self.label:
            raise ValueError(f"Le document « {self.key} » n'a pas de nom.")

    def render(self, format: str, experiment: Experiment) -> bytes:
        """The file of ``experiment`` in ``format`` ("pdf" or "docx")."""
        renderers = {"pdf": self.render_pdf, "docx": self.render_docx}
        return renderers[format](experiment)


_kinds: dict[str, DocumentKind] = {}


def register_document(kind: DocumentKind) -> None:
    """Add ``kind`` to the documents built for experiments (again: nothing changes)."""
    registered = _kinds.get(kind.key)
    if registered is not None and registered != kind:
        raise ValueError(f"Un autre document est déjà inscrit sous la clé « {kind.key} ».")
    _kinds[kind.key] = kind


def unregister_document(key: str) -> None:
    """Remove the kind registered under ``key``, if any (for tests)."""
    _kinds.pop(key, None)


@contextmanager
def registered_document(kind: DocumentKind) -> Iterator[DocumentKind]:
    """``kind`` registered for the duration of the block only (for tests)."""
    register_document(kind)
    try:
        yield kind
    finally:
        unregister_document(kind.key)


def document_kind(key: str) -> DocumentKind:
    """The kind registered under ``key``; else ``UnknownDocumentKind``, a ``LookupError``."""
    try:
        return _kinds[key]
    except KeyError:
        raise UnknownDocumentKind(f"Aucun document « {key} » n'est inscrit.") from None


def document_kinds() -> list[DocumentKind]:
    """Every kind registered, in the order of registration."""
    return list(_kinds.values())


def experiment_slug(experiment: Experiment) -> str:
    """The experiment's title as it goes into the name of a file."""
    return slugify(experiment.title)[:60].strip("-") or f"experimentation-{experiment.pk}"
