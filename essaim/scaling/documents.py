"""The transfer kit as a document a project leader elsewhere reads without knowing Essaim, in
PDF and DOCX: what the model is, what does not change, what each territory adapts, what it
needs before starting, the common commitment, the support, how to join, and where the network
stands. Written by the worker, as the kind of document of ``document_kind.py``."""

import datetime
import io
from dataclasses import dataclass, field

from django.template.loader import render_to_string
from django.utils import timezone
from django.utils.safestring import SafeString, mark_safe

from essaim.attachments.models import Attachment
from essaim.dossiers.pdf import STYLESHEET
from essaim.experiments.models import Experiment
from essaim.lib import french
from essaim.lib.pdf import print_pdf
from essaim.lib.word import WordWriter
from essaim.scaling.models import (
    KIT_ITEM_HEADINGS,
    KitItem,
    Replication,
    TransferKit,
)
from essaim.scaling.network import StatusCount, counts_by_status, departement_map


@dataclass
class KitDocument:
    kit: TransferKit
    generated_on: datetime.date
    groups: list[tuple[str, list[KitItem]]] = field(default_factory=list)
    documents: list[Attachment] = field(default_factory=list)
    statuses: list[StatusCount] = field(default_factory=list)
    replica_count: int = 0
    departement_count: int = 0
    map_svg: str = ""

    @property
    def map(self) -> SafeString:
        # lib/svg_france_map escapes every text it writes.
        return mark_safe(self.map_svg)


def build_kit_document(experiment: Experiment) -> KitDocument:
    """Everything the kit's documents show, in a fixed number of queries."""
    kit = TransferKit.objects.select_related("theme").get(experiment=experiment)
    items = list(kit.items.all())
    replicas = list(
        Replication.objects.filter(model_experiment=experiment).select_related(
            "commune__departement"
        )
    )
    return KitDocument(
        kit=kit,
        generated_on=timezone.localdate(),
        groups=[
            (heading, [item for item in items if item.kind == kind])
            for kind, heading in KIT_ITEM_HEADINGS.items()
        ],
        documents=list(Attachment.objects.of(kit)),
        statuses=[item for item in counts_by_status(replicas) if item.count],
        replica_count=len(replicas),
        departement_count=len({replica.commune.departement_id for replica in replicas}),
        map_svg=departement_map(replicas) if replicas else "",
    )


def render_kit_html(document: KitDocument) -> str:
    return render_to_string(
        "scaling/kit_document.html", {"document": document, "kit": document.kit}
    )


def render_pdf(experiment: Experiment) -> bytes:
    document = build_kit_document(experiment)
    return print_pdf(
        render_kit_html(document), stylesheet=STYLESHEET, identifier=f"essaim-kit-{document.kit.pk}"
    )


def render_docx(experiment: Experiment) -> bytes:
    writer = _Writer(build_kit_document(experiment))
    writer.write()
    buffer = io.BytesIO()
    writer.document.save(buffer)
    return buffer.getvalue()


class _Writer(WordWriter):
    def __init__(self, document: KitDocument) -> None:
        self.kit_document = document
        self.kit = document.kit
        super().__init__()

    def write(self) -> None:
        kit = self.kit
        self.document.core_properties.title = f"Kit d'essaimage — {kit.title}"
        self.document.core_properties.author = "Essaim"
        self.document.add_heading(kit.title, level=0)
        self._muted(
            f"Kit d'essaimage{' · ' + kit.theme.label if kit.theme else ''} — établi le "
            f"{french.long_date(self.kit_document.generated_on)}"
        )
        self._text(kit.summary, empty="")
        self._heading("L'histoire du modèle", level=1)
        self._text(kit.origin)
        for heading, items in self.kit_document.groups:
            self._heading(heading, level=1)
            if not items:
                self._text("", empty="Rien de précisé.")
            for item in items:
                self._heading(item.title, level=2)
                self._text(item.description, empty="")
                if item.guidance:
                    self._pair("Comment l'adapter", item.guidance)
        self._heading("L'engagement commun", level=1)
        if kit.charter_kind:
            self._text(f"{kit.get_charter_kind_display().capitalize()} « {kit.charter_name} ».")
            self._text(kit.charter_conditions, empty="")
        else:
            self._text("Aucune charte ni aucun label : le modèle se diffuse librement.")
        self._heading("L'accompagnement", level=1)
        self._pair("Ce que les porteurs d'origine apportent", kit.support_offered)
        self._pair("Formations proposées", kit.training_offered)
        self._heading("Rejoindre le réseau", level=1)
        self._pair("Cotisation", kit.fee_text)
        contact = " — ".join(part for part in (kit.contact_name, kit.contact_email) if part)
        self._pair("Contact", contact)
        if self.kit_document.documents:
            self._heading("Les documents remis aux nouveaux territoires", level=1)
            self._bullets(
                [f"{d.title} ({d.get_kind_display()})" for d in self.kit_document.documents]
            )
        if self.kit_document.replica_count:
            self._heading("Le réseau aujourd'hui", level=1)
            self._text(
                f"{french.counted(self.kit_document.replica_count, 'territoire')} dans "
                f"{french.counted(self.kit_document.departement_count, 'département')} : "
                + ", ".join(str(item) for item in self.kit_document.statuses)
                + "."
            )
            self._picture(self.kit_document.map_svg)
