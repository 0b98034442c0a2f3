"""Attendance and certificates of a person's registrations, exported within each registration.
Erasure and retention keep them, without the name: they make the statistics and the training
records of the organisers.

Connection reports keep the name and address of the people they found no registrant for: those
of one address (or of the names of its registrations, for namesakes) are shown, exported and
anonymised on request; all of a session's are anonymised with its registrants."""

import datetime
from collections import defaultdict

from django.db.models import Q
from django.utils import timezone

from essaim.attendance.models import Attendance, Certificate, ConnectionReport
from essaim.attendance.reports import (
    anonymise_record,
    is_anonymous,
    name_key,
    record_concerns,
)
from essaim.core.personal_data import Holder, register
from essaim.core.tasks import json_may_mention
from essaim.lib import french
from essaim.registrations.anonymisation import sessions_due
from essaim.registrations.models import Registration


def find(registrations: list[Registration]) -> list[Attendance | Certificate]:
    pks = [registration.pk for registration in registrations]
    attendances = Attendance.objects.filter(registration__in=pks).select_related("slot")
    return [
        *attendances.order_by("slot__date", "pk"),
        *Certificate.objects.filter(registration__in=pks),
    ]


def export(registrations: list[Registration], records: list) -> dict[int, dict]:
    exported: dict[int, dict] = {
        registration.pk: {"presences": [], "attestation": None} for registration in registrations
    }
    for record in records:
        if isinstance(record, Certificate):
            exported[record.registration_id]["attestation"] = record.number
        else:
            exported[record.registration_id]["presences"].append(
                {"seance": str(record.slot), "present": record.present, "minutes": record.minutes}
            )
    return exported


register(
    Holder(
        key="presences",
        label="Présences et attestations",
        models=(Attendance, Certificate),
        within="inscriptions",
        find=find,
        export=export,
        order=11,
    )
)


# Connection reports ------------------------------------------------------------------------------


def find_in_reports(email: str) -> list[ConnectionReport]:
    """The reports with a line about the address, each with ``rows``, those lines; read in two
    queries."""
    names: dict[int, set[str]] = defaultdict(set)
    registrations = Registration.objects.filter(email__iexact=email, anonymised_at__isnull=True)
    for registration in registrations.only("session_id", "first_name", "last_name"):
        names[registration.session_id].add(name_key(registration.full_name))
    candidates = (
        ConnectionReport.objects.filter(
            json_may_mention("unmatched", [email]) | Q(session__in=names)
        )
        .exclude(unmatched=[])
        .select_related("session", "slot")
        .order_by("-session__start_date", "-imported_at", "-pk")
    )
    found = []
    for report in candidates:
        report.rows = [
            row
            for row in report.unmatched
            if record_concerns(row, email=email, names=names.get(report.session_id, set()))
        ]
        if report.rows:
            found.append(report)
    return found


def export_report(report: ConnectionReport) -> dict:
    return {
        "session": report.session.title,
        "seance": str(report.slot),
        "fichier": report.file_name,
        "importe_le": report.imported_at.isoformat(),
        "lignes": [
            {
                "nom": row.get("name", ""),
                "adresse_e_mail": row.get("email", ""),
                "minutes": row.get("minutes"),
            }
            for row in report.rows
        ],
    }


def erase_from_reports(email: str, now: datetime.datetime) -> list[str]:
    """Anonymise the lines about the address: their minutes stay, for the record."""
    reports = find_in_reports(email)
    for report in reports:
        report.unmatched = [
            anonymise_record(row) if row in report.rows else row for row in report.unmatched
        ]
    ConnectionReport.objects.bulk_update(reports, ["unmatched"])
    lines = sum(len(report.rows) for report in reports)
    if not lines:
        return []
    return [
        french.counted(
            lines,
            "ligne de rapport de connexion anonymisée",
            "lignes de rapports de connexion anonymisées",
        )
    ]


def anonymise_reports(now: datetime.datetime) -> int:
    """The reports of the sessions whose registrants are anonymised, or are to be in this run
    of the retention job; returns how many lines changed."""
    due = sessions_due(timezone.localdate(now))
    reports = ConnectionReport.objects.filter(
        Q(session__personal_data_anonymised_at__isnull=False) | Q(session__in=due)
    ).exclude(unmatched=[])
    changed, lines = [], 0
    for report in reports.only("pk", "unmatched"):
        named = [row for row in report.unmatched if not is_anonymous(row)]
        if named:
            report.unmatched = [anonymise_record(row) for row in report.unmatched]
            changed.append(report)
            lines += len(named)
    ConnectionReport.objects.bulk_update(changed, ["unmatched"])
    return lines


register(
    Holder(
        key="rapports_de_connexion",
        label="Rapports de connexion aux visioconférences",
        models=(ConnectionReport,),
        find=find_in_reports,
        export=export_report,
        erase=erase_from_reports,
        anonymise=anonymise_reports,
        template="attendance/personal_data.html",
        erase_template="attendance/personal_data_erase.html",
        counts_as=("ligne de rapport de connexion", "lignes de rapports de connexion"),
        # Before the registrations: their names find the lines of namesakes, until erased.
        order=9,
    )
)
