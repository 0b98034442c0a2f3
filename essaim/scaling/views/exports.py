"""The network as a spreadsheet (CSV for French Excel, or XLSX with a second sheet of the
shared figures): one line per replica, with its territory, carrier, status and dates."""

from django.contrib.auth.decorators import login_required
from django.http import Http404, HttpRequest, HttpResponse
from django.urls import path
from django.utils import timezone
from django.views.decorators.http import require_safe

from essaim.core.downloads import CSV_TYPE, XLSX_TYPE, file_response
from essaim.core.slugs import slug_of
from essaim.experiments.access import get_experiment_for
from essaim.lib.spreadsheets import Column, Table, to_csv_bytes, to_xlsx_bytes
from essaim.roles.permissions import assert_confidential_respected
from essaim.scaling.models import ReplicaFigure, Replication

REPLICA_COLUMNS = [
    Column("Réplique", width=40, bold=True),
    Column("Commune", width=24),
    Column("Code INSEE", width=11),
    Column("Département", width=22),
    Column("Région", width=24),
    Column("Structure porteuse", width=36),
    Column("Statut", width=18),
    Column("Dans ce statut depuis", width=14),
    Column("Démarrage", width=12),
    Column("Engagement", width=14),
    Column("Signé le", width=12),
    Column("Adaptations", width=50, wrap=True),
    Column("Enseignements", width=50, wrap=True),
    Column("Illustratif", width=10),
]
FIGURE_COLUMNS = [
    Column("Réplique", width=40, bold=True),
    Column("Indicateur", width=30),
    Column("Unité", width=12),
    Column("Année", width=8),
    Column("Valeur", width=14, decimals=2),
]


def replica_rows(replicas) -> list[list]:
    return [
        [
            replica.name,
            replica.commune.name,
            replica.commune.insee_code,
            replica.commune.departement.name,
            replica.commune.region.name,
            replica.carrier_label,
            replica.get_status_display(),
            replica.status_since,
            replica.started_on,
            replica.get_agreement_kind_display() if replica.agreement_kind else "",
            replica.agreement_signed_on,
            replica.adaptations,
            replica.lessons,
            "oui" if replica.illustrative else "non",
        ]
        for replica in replicas
    ]


@login_required
@require_safe
def network_export(request: HttpRequest, pk: int, file_format: str) -> HttpResponse:
    if file_format not in ("csv", "xlsx"):
        raise Http404("Format inconnu.")
    experiment = get_experiment_for(request.user, pk)
    replicas = list(
        Replication.objects.visible_to(request.user)
        .filter(model_experiment=experiment)
        .select_related("commune__departement", "commune__region", "carrier")
        .order_by("name", "pk")
    )
    assert_confidential_respected(request.user, replicas)
    table = Table("Répliques", REPLICA_COLUMNS, replica_rows(replicas))
    if file_format == "csv":
        content_type, content = CSV_TYPE, to_csv_bytes(table)
    else:
        figures = (
            ReplicaFigure.objects.filter(replication__in=replicas)
            .select_related("replication", "indicator")
            .order_by("replication__name", "indicator__position", "year")
        )
        figures_table = Table(
            "Chiffres partagés",
            FIGURE_COLUMNS,
            [
                [f.replication.name, f.indicator.name, f.indicator.unit, f.year, f.value]
                for f in figures
            ],
        )
        title = f"Réseau — {experiment.title}"
        content_type, content = XLSX_TYPE, to_xlsx_bytes([table, figures_table], title=title)
    filename = f"reseau-{slug_of(experiment.title, 60)}-{timezone.localdate():%Y-%m-%d}"
    return file_response(content, filename=f"{filename}.{file_format}", content_type=content_type)


urlpatterns = [
    path(
        "experimentations/<int:pk>/essaimage/reseau/export.<str:file_format>",
        network_export,
        name="network_export",
    ),
]
