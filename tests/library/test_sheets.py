"""Writing a sheet: « Mes fiches », a new sheet, its page, its edit form (territory from the
referential, history, concurrent edits), its contacts, and the link from an experiment."""

import datetime

import pytest
from django.urls import reverse

from essaim.core.models import HistoryEntry
from essaim.library.models import ExperienceSheet, SheetContact, SheetSource
from essaim.roles.models import Role
from essaim.territories.models import Commune, Epci, Territory, TerritoryKind
from tests.conftest import client_for
from tests.experiments.factories import ExperimentFactory
from tests.library.conftest import make_sheet


@pytest.fixture
def draft(referential, owner, editor, reader) -> ExperienceSheet:
    sheet = make_sheet("Une ressourcerie rurale", published=False, owner=owner)
    sheet.grant(editor, Role.EDITOR)
    sheet.grant(reader, Role.READER)
    return sheet


def form_data(sheet: ExperienceSheet, **changes) -> dict:
    """What the edit form posts as loaded, with ``changes``."""
    from essaim.library.forms.sheets import SheetForm

    form = SheetForm(instance=sheet)
    data = {}
    for name, field in form.fields.items():
        value = form[name].value()
        if value in (None, "", []) or value is False:
            continue
        if name in ("communes", "epci"):
            value = [choice.value for choice in field.prepare_value(value)]
        elif name in ("themes", "publics"):
            value = [getattr(item, "pk", item) for item in value]
        data[name] = value
    data.update(changes)
    return {key: value for key, value in data.items() if value is not None}


def test_it_lists_my_sheets_with_their_state(draft, owner, referential):
    make_sheet("Publiée ailleurs", owner=None)
    page = client_for(owner).get(reverse("library:my_sheets")).text
    assert "Une ressourcerie rurale" in page and "Brouillon" in page
    assert "Publiée ailleurs" not in page
    assert "Fiches à relire" not in page


def test_the_library_editors_find_the_review_queue_from_their_sheets(library_editor, draft):
    page = client_for(library_editor).get(reverse("library:my_sheets")).text
    assert "Fiches à relire (0)" in page


def test_my_sheets_reads_the_same_number_of_queries_for_more_rows(
    referential, owner, django_assert_max_num_queries
):
    client = client_for(owner)
    url = reverse("library:my_sheets")
    for number in range(3):
        make_sheet(f"Fiche {number}", owner=owner, published=number % 2 == 0)
    client.get(url)  # the session and the permissions, read once
    with django_assert_max_num_queries(6) as three:
        assert client.get(url).status_code == 200
    for number in range(3, 20):
        make_sheet(f"Fiche {number}", owner=owner, insee_code="26198")
    with django_assert_max_num_queries(len(three.captured_queries)):
        page = client.get(url).text
    assert "Fiche 19" in page


def test_it_starts_a_sheet_written_directly(referential, owner):
    response = client_for(owner).post(
        reverse("library:new_sheet"), {"start": SheetSource.WRITTEN, "title": "Le bus des écoles"}
    )
    sheet = ExperienceSheet.objects.get()
    assert response["Location"] == reverse("library:edit_sheet", args=[sheet.pk])
    assert sheet.title == "Le bus des écoles" and sheet.created_by == owner
    assert sheet.role_of(owner) == Role.OWNER
    assert sheet.publication_status == "draft"
    assert HistoryEntry.objects.of(sheet).get().verb == "created"


def test_a_new_sheet_needs_what_its_start_asks(referential, owner):
    client = client_for(owner)
    response = client.post(reverse("library:new_sheet"), {"start": SheetSource.WRITTEN})
    assert response.status_code == 400 and "Donnez un titre à la fiche." in response.text
    response = client.post(reverse("library:new_sheet"), {"start": SheetSource.EXPERIMENT})
    assert "Choisissez l&#x27;expérimentation." in response.text
    assert not ExperienceSheet.objects.exists()


def test_it_offers_only_the_experiments_i_edit(referential, owner, reader):
    mine = ExperimentFactory(title="Mon expérimentation")
    mine.grant(owner, Role.EDITOR)
    read_only = ExperimentFactory(title="Lue seulement")
    read_only.grant(owner, Role.READER)
    page = client_for(owner).get(reverse("library:new_sheet")).text
    assert "Mon expérimentation" in page and "Lue seulement" not in page
    response = client_for(owner).post(
        reverse("library:new_sheet"),
        {"start": SheetSource.EXPERIMENT, "experiment": read_only.pk},
    )
    assert response.status_code == 400
    assert not ExperienceSheet.objects.exists()


def test_an_editor_changes_the_sheet_and_its_territory_from_an_epci(draft, editor):
    epci = Epci.objects.get(communes__insee_code="26198")  # Montélimar's
    url = reverse("library:edit_sheet", args=[draft.pk])
    data = form_data(draft, results="Trois tonnes évitées par an.", epci=[epci.siren])
    data.pop("communes", None)

    response = client_for(editor).post(url, data)

    assert response.status_code == 302, response.text
    draft.refresh_from_db()
    assert draft.results == "Trois tonnes évitées par an."
    assert draft.territory.kind == TerritoryKind.EPCI and draft.territory.epci == epci
    assert draft.epci == epci and draft.departement.code == "26"
    assert draft.region.name == "Auvergne-Rhône-Alpes"
    entry = HistoryEntry.objects.of(draft).filter(verb="updated").get()
    assert "Résultats" in entry.changes


def test_choosing_the_same_epci_again_reuses_its_shared_territory(draft, editor, owner):
    epci = Epci.objects.get(communes__insee_code="26198")
    for user in (editor, owner):
        data = form_data(draft, epci=[epci.siren])
        data.pop("communes", None)
        client_for(user).post(reverse("library:edit_sheet", args=[draft.pk]), data)
        draft.refresh_from_db()
    other = make_sheet("Autre", published=False, owner=owner)
    data = form_data(other, epci=[epci.siren])
    data.pop("communes", None)
    client_for(owner).post(reverse("library:edit_sheet", args=[other.pk]), data)
    assert Territory.objects.filter(epci=epci, kind=TerritoryKind.EPCI).count() == 1


def test_communes_make_or_reuse_a_shared_territory(draft, editor):
    communes = list(Commune.objects.filter(insee_code__in=["26198", "26108"]).order_by("name"))
    data = form_data(draft, communes=[c.insee_code for c in communes])
    response = client_for(editor).post(reverse("library:edit_sheet", args=[draft.pk]), data)
    assert response.status_code == 302, response.text
    draft.refresh_from_db()
    assert set(draft.territory.communes.all()) == set(communes)
    assert draft.commune == max(communes, key=lambda c: c.population)
    assert draft.departement.code == "26"


def test_an_epci_and_communes_together_are_refused(draft, editor):
    epci = Epci.objects.get(communes__insee_code="26198")
    data = form_data(draft, epci=[epci.siren], communes=["26198"])
    response = client_for(editor).post(reverse("library:edit_sheet", args=[draft.pk]), data)
    assert response.status_code == 400
    assert "pas les deux" in response.text


def test_the_years_must_be_in_order(draft, editor):
    data = form_data(draft, year_start=2022, year_end=2019)
    response = client_for(editor).post(reverse("library:edit_sheet", args=[draft.pk]), data)
    assert response.status_code == 400
    assert "vient après celle du début" in response.text


def test_concurrent_edits_of_the_same_field_are_refused(draft, owner, editor):
    url = reverse("library:edit_sheet", args=[draft.pk])
    loaded_by_owner = form_data(draft)
    loaded_by_editor = form_data(draft)
    loaded_by_editor["version"] = loaded_by_owner["version"] = (
        client_for(owner).get(url).context["form"]["version"].value()
    )
    assert (
        client_for(editor).post(url, {**loaded_by_editor, "learned": "Version de l'éditeur"})
    ).status_code == 302

    response = client_for(owner).post(
        url, {**loaded_by_owner, "learned": "Version du propriétaire"}
    )

    assert response.status_code == 400
    assert "modifié par quelqu&#x27;un d&#x27;autre" in response.text
    draft.refresh_from_db()
    assert draft.learned == "Version de l'éditeur"


def test_an_edit_of_another_field_keeps_the_other_persons_change(draft, owner, editor):
    url = reverse("library:edit_sheet", args=[draft.pk])
    version = client_for(owner).get(url).context["form"]["version"].value()
    loaded = {**form_data(draft), "version": version}
    client_for(editor).post(url, {**loaded, "learned": "Ce que l'éditeur a écrit"})
    client_for(owner).post(url, {**loaded, "conditions": "Un local prêté par la commune"})
    draft.refresh_from_db()
    assert draft.learned == "Ce que l'éditeur a écrit"
    assert draft.conditions == "Un local prêté par la commune"


def test_contacts_are_added_with_their_consent_and_named_nowhere_in_the_history(draft, editor):
    client = client_for(editor)
    url = reverse("library:add_contact", args=[draft.pk])
    response = client.post(
        url, {"name": "Léa Martin", "email": "lea@example.org", "consented": "on"}
    )
    assert response.status_code == 400 and "Indiquez la date de son accord." in response.text
    client.post(
        url,
        {
            "name": "Léa Martin",
            "email": "lea@example.org",
            "consented": "on",
            "consented_on": "2024-05-02",
        },
    )
    contact = SheetContact.objects.get()
    assert contact.consented and contact.consented_on == datetime.date(2024, 5, 2)

    client.post(
        reverse("library:edit_contact", args=[draft.pk, contact.pk]),
        {"name": "Léa Martin", "email": "lea@example.org", "consented_on": "2024-05-02"},
    )
    contact.refresh_from_db()
    assert not contact.consented and contact.consented_on is None

    client.post(reverse("library:remove_contact", args=[draft.pk, contact.pk]))
    assert not SheetContact.objects.exists()
    summaries = [entry.summary for entry in HistoryEntry.objects.of(draft).filter(verb="contact")]
    assert summaries == [
        "Contact n° 1 retiré",
        "Contact n° 1 modifié (non publié)",
        "Contact n° 1 ajouté (accepte d'être publié)",
    ]
    assert not any("Léa" in summary for summary in summaries)


def test_the_sheet_page_shows_its_state_contacts_documents_members_and_history(draft, owner):
    SheetContact.objects.create(sheet=draft, name="Paul Roux")
    page = client_for(owner).get(reverse("library:sheet", args=[draft.pk])).text
    assert "Brouillon" in page and "Demander la relecture" in page
    assert "Paul Roux" in page and "non publié" in page
    assert "Les documents joints à la fiche sont publics dès qu" in page
    assert "Gérer les membres" in page
    assert "Fiche créée" in page or "Aucun changement" in page


def test_owners_manage_the_members(draft, owner, editor):
    url = reverse("library:sheet_members", args=[draft.pk])
    assert client_for(owner).get(url).status_code == 200
    assert client_for(editor).get(url).status_code == 403


def test_the_overview_of_an_experiment_links_to_its_sheet(referential, owner, reader):
    experiment = ExperimentFactory(title="Autostop organisé")
    experiment.grant(owner, Role.OWNER)
    experiment.grant(reader, Role.READER)
    url = reverse("experiments:detail", args=[experiment.pk])
    page = client_for(owner).get(url).text
    new_url = reverse("library:new_sheet") + f"?experimentation={experiment.pk}"
    assert "Publier une fiche expérience" in page and new_url in page
    assert "Publier une fiche expérience" not in client_for(reader).get(url).text

    sheet = make_sheet("Autostop organisé", published=False, owner=owner, experiment=experiment)

    page = client_for(owner).get(url).text
    assert reverse("library:sheet", args=[sheet.pk]) in page
    assert ">Fiche expérience</a>" in page


def test_a_contact_is_edited_inside_one_transaction_and_a_concurrent_change_is_refused(
    draft, owner, editor, monkeypatch
):
    """The contact's row is locked (``select_for_update``, which PostgreSQL refuses outside a
    transaction) and saved in the same transaction."""
    from django.db import connection

    from essaim.library.forms.contacts import ContactForm

    contact = SheetContact.objects.create(sheet=draft, name="Paul Roux", role="Maire")
    url = reverse("library:edit_contact", args=[draft.pk, contact.pk])
    version = client_for(owner).get(url).context["form"]["version"].value()
    depth_outside = len(connection.atomic_blocks)
    depths = []
    lock_and_check = ContactForm.lock_and_check

    def spied(form):
        depths.append(len(connection.atomic_blocks))
        lock_and_check(form)

    monkeypatch.setattr(ContactForm, "lock_and_check", spied)
    data = {"name": "Paul Roux", "version": version}
    response = client_for(editor).post(url, {**data, "role": "Adjoint"})
    assert response.status_code == 302
    assert depths and all(depth > depth_outside for depth in depths)
    contact.refresh_from_db()
    assert contact.role == "Adjoint"

    response = client_for(owner).post(url, {**data, "role": "Conseiller"})
    assert response.status_code == 400
    assert "modifié par quelqu&#x27;un d&#x27;autre" in response.text
    contact.refresh_from_db()
    assert contact.role == "Adjoint"
