"""The transfer kit, a kind of document the worker writes for an experiment through the
documents of ``dossiers``: registered at startup (``ScalingConfig.ready``) without loading what
writes it (WeasyPrint, python-docx), which the worker imports when it writes one."""

from django.contrib.contenttypes.models import ContentType
from django.db.models import Count, Max, Q

from essaim.core.models import HistoryEntry
from essaim.dossiers.fingerprints import Fingerprint
from essaim.dossiers.registry import DocumentKind, experiment_slug
from essaim.experiments.models import Experiment
from essaim.scaling.models import TransferKit

KIT = "kit"


def render_pdf(experiment: Experiment) -> bytes:
    from essaim.scaling import documents

    return documents.render_pdf(experiment)


def render_docx(experiment: Experiment) -> bytes:
    from essaim.scaling import documents

    return documents.render_docx(experiment)


def fingerprint(experiment: Experiment) -> Fingerprint:
    """The experiment's history and the kit's (its documents write there), in one query."""
    kit_type = ContentType.objects.get_for_model(TransferKit)
    experiment_type = ContentType.objects.get_for_model(Experiment)
    kit_ids = TransferKit.objects.filter(experiment=experiment).values("pk")
    history = HistoryEntry.objects.filter(
        Q(content_type=experiment_type, object_id=experiment.pk)
        | Q(content_type=kit_type, object_id__in=kit_ids)
    ).aggregate(latest=Max("pk"), number=Count("pk"))
    return Fingerprint(history["latest"] or 0, history["number"], experiment.updated_at)


def has_kit(experiment: Experiment) -> bool:
    return TransferKit.objects.filter(experiment=experiment).exists()


def filename(experiment: Experiment) -> str:
    return f"kit-essaimage-{experiment_slug(experiment)}"


KIT_KIND = DocumentKind(
    key=KIT,
    label="kit d'essaimage",
    render_pdf=render_pdf,
    render_docx=render_docx,
    filename=filename,
    fingerprint=fingerprint,
    available=has_kit,
)
