"""The network of a model: replicas added and moved through their statuses, the map by
département, the growth chart, and who sees what."""

import datetime
import html

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone

from essaim.roles.models import Role
from essaim.scaling.models import (
    NetworkError,
    Replication,
    ReplicationEvent,
    ReplicationStatus,
    allowed_statuses,
)
from essaim.scaling.services.network import add_replication, change_status
from essaim.territories.models import Commune
from tests.conftest import client_for
from tests.experiments.factories import ExperimentFactory

pytestmark = pytest.mark.django_db

DIE, GRENOBLE, PRIVAS = "26113", "38185", "07186"


def replica(experiment, name: str, insee: str, actor=None, on=datetime.date(2015, 3, 1)):
    return add_replication(
        model=experiment,
        actor=actor,
        on=on,
        name=name,
        commune=Commune.objects.get(insee_code=insee),
        carrier_name=f"SAS {name}",
    )


def test_the_statuses_go_forward_back_one_step_before_the_agreement_and_stop_anywhere():
    S = ReplicationStatus
    assert allowed_statuses(S.CONTACT) == [S.STUDY, S.AGREEMENT, S.LAUNCHED, S.ACTIVE, S.STOPPED]
    assert allowed_statuses(S.STUDY) == [S.CONTACT, S.AGREEMENT, S.LAUNCHED, S.ACTIVE, S.STOPPED]
    assert allowed_statuses(S.AGREEMENT) == [S.LAUNCHED, S.ACTIVE, S.STOPPED]
    assert allowed_statuses(S.ACTIVE) == [S.STOPPED]
    assert allowed_statuses(S.STOPPED) == [S.CONTACT, S.STUDY]


def test_a_replica_moves_through_its_statuses_and_keeps_their_dates(
    referential, editor, experiment
):
    chosen = replica(experiment, "Centrale villageoise du Diois", DIE, editor)
    change_status(
        replication=chosen, status="convention", on=datetime.date(2016, 1, 10), actor=editor
    )
    change_status(replication=chosen, status="lancee", on=datetime.date(2016, 6, 1), actor=editor)
    chosen.refresh_from_db()
    assert chosen.status == ReplicationStatus.LAUNCHED
    assert chosen.agreement_signed_on == datetime.date(2016, 1, 10)
    assert chosen.started_on == datetime.date(2016, 6, 1)
    assert [e.after for e in chosen.events.all()] == ["contact", "convention", "lancee"]
    with pytest.raises(NetworkError, match="ne peut pas passer à « premier contact »"):
        change_status(
            replication=chosen, status="contact", on=datetime.date(2017, 1, 1), actor=editor
        )
    with pytest.raises(NetworkError, match="ne peut précéder"):
        change_status(
            replication=chosen, status="active", on=datetime.date(2016, 5, 1), actor=editor
        )
    chosen.refresh_from_db()
    assert chosen.status == ReplicationStatus.LAUNCHED and chosen.events.count() == 3


def test_an_editor_adds_a_replica_and_moves_it_from_its_page(referential, editor, experiment):
    client = client_for(editor)
    response = client.post(
        reverse("scaling:add_replication", args=[experiment.pk]),
        {
            "name": "Centrale villageoise de Grenoble-Alpes",
            "commune": GRENOBLE,
            "carrier_name": "SAS CVGA",
        },
    )
    assert response.status_code == 302
    created = Replication.objects.get(name="Centrale villageoise de Grenoble-Alpes")
    assert created.status == ReplicationStatus.CONTACT and created.commune.insee_code == GRENOBLE
    url = reverse("scaling:move_replication", args=[created.pk])
    today = timezone.localdate().isoformat()
    client.post(url, {"status": "etude", "on": today, "note": "Étude de toitures"})
    created.refresh_from_db()
    assert created.status == ReplicationStatus.STUDY
    page = client.get(reverse("scaling:replication", args=[created.pk])).text
    assert "Étude de toitures" in page
    # A move the flow refuses is told in French, and changes nothing.
    client.post(url, {"status": "arretee", "on": "2025-01-01"})
    created.refresh_from_db()
    assert created.status == ReplicationStatus.STUDY


def test_a_replica_is_carried_by_an_organisation_of_the_directory(referential, editor, experiment):
    from essaim.organisations.models import Organisation

    carrier = Organisation.objects.create(name="Communauté des communes du Diois")
    client_for(editor).post(
        reverse("scaling:add_replication", args=[experiment.pk]),
        {"name": "Centrale villageoise du Diois", "commune": DIE, "carrier": carrier.pk},
    )
    created = Replication.objects.get()
    assert created.carrier == carrier and created.carrier_label == carrier.name
    page = client_for(editor).get(reverse("scaling:network", args=[experiment.pk])).text
    assert "Communauté des communes du Diois" in page


def test_a_bad_commune_is_refused_and_nothing_is_added(referential, editor, experiment):
    response = client_for(editor).post(
        reverse("scaling:add_replication", args=[experiment.pk]),
        {"name": "Réplique fantôme", "commune": "99999"},
    )
    assert response.status_code == 400
    assert "99999" in html.unescape(response.text)
    assert not Replication.objects.exists()


def test_the_map_colours_the_departements_with_replicas_and_tells_their_count(
    referential, reader, experiment
):
    replica(experiment, "Diois", DIE)
    replica(experiment, "Vercors", DIE)
    replica(experiment, "Privas", PRIVAS)
    stopped = replica(experiment, "Ancienne", GRENOBLE)
    change_status(replication=stopped, status="arretee", on=datetime.date(2016, 1, 1), actor=None)
    page = html.unescape(
        client_for(reader).get(reverse("scaling:network", args=[experiment.pk])).text
    )
    assert "Drôme : 2 répliques" in page
    assert "Ardèche : 1 réplique" in page
    assert "Isère : aucune réplique" in page  # a stopped replica is not on the map
    assert "4</strong> répliques dans 3 départements" in page


def test_the_growth_chart_counts_launches_year_by_year(referential, editor, experiment):
    for name, year in (("A", 2014), ("B", 2014), ("C", 2016)):
        chosen = replica(experiment, name, DIE, on=datetime.date(2013, 1, 1))
        change_status(
            replication=chosen, status="lancee", on=datetime.date(year, 5, 1), actor=editor
        )
    page = html.unescape(
        client_for(editor).get(reverse("scaling:network", args=[experiment.pk])).text
    )
    assert "3 répliques lancées depuis 2014." in page
    assert "2015 : 2" in page and "2016 : 3 (+1)" in page


def test_the_replica_s_team_sees_its_replica_and_nothing_else_of_the_network(
    referential, owner, outsider, experiment
):
    own_experiment = ExperimentFactory(title="Centrale villageoise de Privas")
    own_experiment.grant(outsider, Role.OWNER)
    theirs = replica(experiment, "Privas", PRIVAS)
    Replication.objects.filter(pk=theirs.pk).update(replica_experiment=own_experiment)
    other = replica(experiment, "Diois", DIE)
    client = client_for(outsider)
    assert client.get(reverse("scaling:replication", args=[theirs.pk])).status_code == 200
    assert client.get(reverse("scaling:replication", args=[other.pk])).status_code == 404
    assert client.get(reverse("scaling:network", args=[experiment.pk])).status_code == 404
    # They read it, and may not change its status nor its description: the model's team does.
    move = reverse("scaling:move_replication", args=[theirs.pk])
    assert client.post(move, {"status": "etude", "on": "2026-01-01"}).status_code == 403
    assert client.get(reverse("scaling:edit_replication", args=[theirs.pk])).status_code == 403
    assert client_for(None).get(reverse("scaling:replication", args=[theirs.pk])).status_code == 302
    assert set(Replication.objects.visible_to(outsider)) == {theirs}
    assert set(Replication.objects.visible_to(owner)) == {theirs, other}


def test_readers_of_the_model_may_not_add_nor_move_replicas(referential, reader, experiment):
    chosen = replica(experiment, "Diois", DIE)
    client = client_for(reader)
    assert client.get(reverse("scaling:add_replication", args=[experiment.pk])).status_code == 403
    assert client.post(reverse("scaling:move_replication", args=[chosen.pk]), {}).status_code == 403


def test_the_network_page_reads_a_fixed_number_of_queries_for_500_replicas(
    referential, reader, experiment
):
    communes = list(Commune.objects.order_by("insee_code")[:500])
    url = reverse("scaling:network", args=[experiment.pk])
    client = client_for(reader)

    def create(count: int) -> None:
        rows = Replication.objects.bulk_create(
            Replication(
                model_experiment=experiment,
                name=f"Réplique {index}",
                commune=communes[index],
                status=ReplicationStatus.ACTIVE,
                status_since=datetime.date(2020, 1, 1),
            )
            for index in range(Replication.objects.count(), count)
        )
        ReplicationEvent.objects.bulk_create(
            ReplicationEvent(replication=row, after="lancee", happened_on=datetime.date(2019, 1, 1))
            for row in rows
        )

    create(5)
    with CaptureQueriesContext(connection) as few:
        client.get(url)
    create(500)
    with CaptureQueriesContext(connection) as many:
        response = client.get(url)
    assert response.status_code == 200
    assert "500 répliques" in response.text
    assert len(many) == len(few)


def test_a_status_changed_meanwhile_is_not_overridden(referential, editor, owner, experiment):
    chosen = replica(experiment, "Diois", DIE, on=timezone.localdate())
    url = reverse("scaling:move_replication", args=[chosen.pk])
    today = timezone.localdate().isoformat()
    # Both loaded the page at « premier contact »; the owner moves it first.
    client_for(owner).post(url, {"status": "etude", "on": today, "loaded": "contact"})
    response = client_for(editor).post(
        url, {"status": "lancee", "on": today, "loaded": "contact"}, follow=True
    )
    assert "Le statut a changé pendant que vous l&#x27;éditiez" in response.text
    chosen.refresh_from_db()
    assert chosen.status == ReplicationStatus.STUDY


def test_the_network_exports_as_csv_for_french_excel_and_as_xlsx(
    referential, reader, experiment, outsider
):
    import io

    from openpyxl import load_workbook

    replica(experiment, "Centrale villageoise du Diois", DIE)
    csv = client_for(reader).get(reverse("scaling:network_export", args=[experiment.pk, "csv"]))
    assert csv.status_code == 200
    text = csv.content.decode("utf-8-sig")
    assert text.splitlines()[0].startswith("Réplique;Commune;Code INSEE;Département")
    assert "Centrale villageoise du Diois;Die;26113;Drôme;Auvergne-Rhône-Alpes" in text
    xlsx = client_for(reader).get(reverse("scaling:network_export", args=[experiment.pk, "xlsx"]))
    workbook = load_workbook(io.BytesIO(xlsx.content))
    assert workbook.sheetnames == ["Répliques", "Chiffres partagés"]
    assert workbook["Répliques"]["A2"].value == "Centrale villageoise du Diois"
    export = reverse("scaling:network_export", args=[experiment.pk, "csv"])
    assert client_for(outsider).get(export).status_code == 404


def test_a_change_of_status_is_a_fact_never_in_the_future(referential, editor, experiment):
    chosen = replica(experiment, "Diois", DIE)
    tomorrow = timezone.localdate() + datetime.timedelta(days=1)
    with pytest.raises(NetworkError, match="ne peut pas être dans le futur"):
        change_status(replication=chosen, status="lancee", on=tomorrow, actor=editor)
    # A launch dated in a year after this one still draws the network's growth.
    from essaim.scaling.network import growth_chart

    chart = growth_chart({1: datetime.date(2031, 1, 1)}, until=datetime.date(2026, 12, 7))
    assert "2031 : 1 (+1)" in chart


def test_two_people_giving_the_same_figure_never_replace_it_unknowingly(
    referential, editor, experiment
):
    from decimal import Decimal

    from essaim.scaling.models import ReplicaFigure, SharedIndicator
    from essaim.scaling.services.network import record_figure

    power = SharedIndicator.objects.create(
        model_experiment=experiment, name="Puissance", unit="kWc"
    )
    chosen = replica(experiment, "Diois", DIE)
    record_figure(replication=chosen, indicator=power, year=2025, value=Decimal(36), actor=editor)
    with pytest.raises(NetworkError, match="déjà donné"):
        record_figure(
            replication=chosen, indicator=power, year=2025, value=Decimal(40), actor=editor
        )
    assert ReplicaFigure.objects.get().value == Decimal(36)
    record_figure(
        replication=chosen,
        indicator=power,
        year=2025,
        value=Decimal(40),
        actor=editor,
        replace=True,
    )
    assert ReplicaFigure.objects.get().value == Decimal(40)


def test_editing_a_replica_never_undoes_a_status_changed_meanwhile(referential, editor, experiment):
    chosen = replica(experiment, "Diois", DIE, on=timezone.localdate())
    url = reverse("scaling:edit_replication", args=[chosen.pk])
    loaded = client_for(editor).get(url).context["form"]
    values = {name: loaded[name].value() for name in loaded.fields}
    values = {k: ("" if v is None else v) for k, v in values.items()}
    values["commune"] = DIE
    change_status(replication=chosen, status="etude", on=timezone.localdate(), actor=editor)
    response = client_for(editor).post(url, {**values, "lessons": "Les élus veulent une SCIC."})
    assert response.status_code == 302
    chosen.refresh_from_db()
    assert (
        chosen.status == ReplicationStatus.STUDY and chosen.lessons == "Les élus veulent une SCIC."
    )
