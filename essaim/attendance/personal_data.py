"""Attendance and certificates of a person's registrations, exported within each registration.
Erasure and retention keep them, without the name: they make the statistics and the training
records of the organisers."""

from essaim.attendance.models import Attendance, Certificate
from essaim.core.personal_data import Holder, register
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
