"""What staff and a territory's referent never reach, whatever the door: the history that tells
of the notes, a report sheet that was not sent to them, the debrief and the themes (neither to
read nor to write), the administration's deletion pages that would list the quotes."""

import pytest
from django.urls import reverse

from essaim.programmes.models import ReportSheet, SheetStatus
from essaim.programmes.services.reports import prepare_sheet, send_to_referent
from tests.conftest import client_for

pytestmark = pytest.mark.django_db


def test_the_history_is_the_team_s(interview, staff, referent_user, reader):
    url = reverse("programmes:history", args=[interview.programme_id])
    assert client_for(reader).get(url).status_code == 200
    for user in (staff, referent_user):
        assert client_for(user).get(url).status_code == 404


def test_a_sent_sheet_is_read_and_validated_by_its_referent_not_by_staff(
    interview, editor, staff, referent_user
):
    territory = interview.visit.territory
    sheet = prepare_sheet(territory=territory, actor=editor)
    send_to_referent(sheet=sheet, actor=editor)
    args = [territory.programme_id, territory.pk]
    assert client_for(staff).get(reverse("programmes:report_sheet", args=args)).status_code == 404
    staff_validates = client_for(staff).post(reverse("programmes:validate_report_sheet", args=args))
    assert staff_validates.status_code == 404
    for name in ("prepare_report_sheet", "send_report_sheet"):
        assert client_for(staff).post(reverse(f"programmes:{name}", args=args)).status_code == 404
    assert ReportSheet.objects.get().status == SheetStatus.SENT
    assert (
        client_for(referent_user).get(reverse("programmes:report_sheet", args=args)).status_code
        == 200
    )


def test_staff_write_neither_the_debrief_nor_the_themes(interview, themes, staff):
    programme = interview.programme
    visit = interview.visit
    url = reverse("programmes:edit_debrief", args=[programme.pk, visit.pk])
    assert client_for(staff).post(url, {"debrief_notes": "Écrasé"}).status_code == 404
    visit.refresh_from_db()
    assert visit.debrief_notes == "Une ingénierie dispersée entre trois structures."
    theme = themes["Coopération"]
    for name in ("edit_theme", "delete_theme"):
        url = reverse(f"programmes:{name}", args=[programme.pk, theme.pk])
        assert client_for(staff).get(url).status_code == 404


def test_the_administration_deletes_nothing_that_holds_interviews(interview, staff):
    client = client_for(staff)
    visit, territory = interview.visit, interview.visit.territory
    for url in (
        reverse("admin:programmes_visit_delete", args=[visit.pk]),
        reverse("admin:programmes_programmeterritory_delete", args=[territory.pk]),
        reverse("admin:programmes_programme_delete", args=[interview.programme_id]),
    ):
        response = client.get(url)
        assert response.status_code == 403, url
        assert "Sans techniciens partagés" not in response.text
    assert (
        "Bellanger"
        not in client.get(reverse("admin:programmes_visit_change", args=[visit.pk])).text
    )
