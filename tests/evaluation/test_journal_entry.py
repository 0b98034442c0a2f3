"""Writing, changing and deleting entries of the learning journal, with evidence files."""

import datetime

import pytest
from django.core.files.base import ContentFile
from django.core.files.storage import default_storage
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from essaim.core.models import HistoryEntry
from essaim.core.uploads import MAX_EVIDENCE_BYTES
from essaim.evaluation.models import EntryKind, JournalEntry, JournalEvidence
from tests.conftest import client_for
from tests.evaluation.factories import (
    IndicatorFactory,
    JournalEntryFactory,
    JournalEvidenceFactory,
)
from tests.experiments.factories import HypothesisFactory, StepFactory

pytestmark = pytest.mark.django_db


def add_url(experiment) -> str:
    return reverse("evaluation:add_journal_entry", args=[experiment.pk])


def edit_url(entry) -> str:
    return reverse("evaluation:edit_journal_entry", args=[entry.experiment_id, entry.pk])


def delete_url(entry) -> str:
    return reverse("evaluation:delete_journal_entry", args=[entry.experiment_id, entry.pk])


def pdf(name: str = "compte-rendu.pdf", size: int = 0) -> SimpleUploadedFile:
    content = b"%PDF-1.4 " + b"x" * size
    return SimpleUploadedFile(name, content, content_type="application/pdf")


def entry_data(**fields) -> dict:
    return {
        "written_on": "2024-04-02",
        "kind": EntryKind.SURPRISE,
        "title": "Des lycéens utilisent l'autostop le mercredi",
        "what_happened": "Un tiers des trajets du mercredi sont faits par des lycéens.",
        "what_learned": "Le public jeune est plus large que prévu.",
        "what_changes": "Informer au lycée.",
        **fields,
    }


# Adding ------------------------------------------------------------------------------------


def test_it_lets_a_contributor_write_an_entry_with_several_files(contributor, experiment):
    hypothesis = HypothesisFactory(experiment=experiment)
    step = StepFactory(experiment=experiment)
    indicator = IndicatorFactory(experiment=experiment)
    data = entry_data(
        hypothesis=hypothesis.pk,
        step=step.pk,
        indicator=indicator.pk,
        highlight="on",
        evidence_files=[pdf("releve.pdf"), pdf("photo.png")],
    )
    response = client_for(contributor).post(add_url(experiment), data)
    entry = JournalEntry.objects.get()
    assert response.status_code == 302
    assert response["Location"].endswith(f"/apprentissages/#entree-{entry.pk}")
    assert entry.experiment == experiment
    assert entry.author == contributor
    assert entry.kind == EntryKind.SURPRISE
    assert entry.written_on == datetime.date(2024, 4, 2)
    assert (entry.hypothesis, entry.step, entry.indicator) == (hypothesis, step, indicator)
    assert entry.highlight
    evidence = list(entry.evidence.all())
    assert [item.description for item in evidence] == ["releve.pdf", "photo.png"]
    assert all(default_storage.exists(item.file.name) for item in evidence)
    assert evidence[0].file.name.startswith(f"preuves/{experiment.pk}/")
    history = HistoryEntry.objects.of(experiment).get()
    assert history.actor == contributor
    assert history.verb == "created"
    assert history.summary == (
        "Entrée du journal « Des lycéens utilisent l'autostop le mercredi » ajoutée "
        "(2 pièces ajoutées)"
    )


def test_it_shows_an_empty_form_dated_today(contributor, experiment):
    response = client_for(contributor).get(add_url(experiment))
    assert response.status_code == 200
    assert "Nouvelle entrée du journal" in response.text
    assert 'enctype="multipart/form-data"' in response.text
    assert 'type="file" name="evidence_files"' in response.text
    assert "multiple" in response.text
    today = datetime.date.today().isoformat()
    assert f'value="{today}"' in response.text


def test_it_only_links_to_things_of_the_same_experiment(contributor, experiment):
    foreign = HypothesisFactory()
    response = client_for(contributor).post(add_url(experiment), entry_data(hypothesis=foreign.pk))
    assert response.status_code == 200
    assert "Sélectionnez un choix valide" in response.text
    assert not JournalEntry.objects.exists()


def test_it_requires_what_happened(contributor, experiment):
    response = client_for(contributor).post(add_url(experiment), entry_data(what_happened=""))
    assert response.status_code == 200
    assert response.context["form"].errors["what_happened"]
    assert not JournalEntry.objects.exists()


def test_it_refuses_a_file_of_the_wrong_type_and_saves_nothing(contributor, experiment):
    data = entry_data(
        evidence_files=[
            pdf("releve.pdf"),
            SimpleUploadedFile("outil.exe", b"MZ", content_type="application/octet-stream"),
        ]
    )
    response = client_for(contributor).post(add_url(experiment), data)
    assert response.status_code == 200
    assert "« outil.exe » : Le type de fichier « .exe » n&#x27;est pas accepté." in response.text
    assert "Les fichiers choisis n'ont pas été enregistrés" in response.text
    assert not JournalEntry.objects.exists()
    assert not JournalEvidence.objects.exists()
    assert not HistoryEntry.objects.exists()


def test_it_refuses_a_file_too_big_and_saves_nothing(contributor, experiment):
    data = entry_data(evidence_files=[pdf("enorme.pdf", size=MAX_EVIDENCE_BYTES)])
    response = client_for(contributor).post(add_url(experiment), data)
    assert response.status_code == 200
    assert "« enorme.pdf » : Le fichier pèse 10,0 Mo ; la limite est de 10 Mo." in response.text
    assert not JournalEntry.objects.exists()
    assert not JournalEvidence.objects.exists()


def test_it_refuses_readers(reader, experiment):
    client = client_for(reader)
    assert client.get(add_url(experiment)).status_code == 403
    assert client.post(add_url(experiment), entry_data()).status_code == 403
    assert not JournalEntry.objects.exists()


def test_it_hides_the_form_from_outsiders(outsider, experiment):
    assert client_for(outsider).post(add_url(experiment), entry_data()).status_code == 404


def test_it_sends_anonymous_users_to_the_login_page(experiment):
    response = client_for(None).post(add_url(experiment), entry_data())
    assert response.status_code == 302
    assert reverse("accounts:login") in response["Location"]


def test_it_answers_405_to_put(contributor, experiment):
    assert client_for(contributor).put(add_url(experiment)).status_code == 405


# Changing ----------------------------------------------------------------------------------


def test_it_lets_the_author_change_the_entry_and_its_files(contributor, experiment):
    entry = JournalEntryFactory(experiment=experiment, author=contributor)
    kept = JournalEvidenceFactory(entry=entry, description="garde.pdf")
    dropped = JournalEvidenceFactory(
        entry=entry, description="retire.pdf", file=ContentFile(b"x", name="retire.pdf")
    )
    data = entry_data(
        title="Titre revu", remove_evidence=[dropped.pk], evidence_files=[pdf("nouveau.pdf")]
    )
    response = client_for(contributor).post(edit_url(entry), data)
    assert response.status_code == 302
    entry.refresh_from_db()
    assert entry.title == "Titre revu"
    assert entry.author == contributor
    assert [item.description for item in entry.evidence.all()] == ["garde.pdf", "nouveau.pdf"]
    assert kept in entry.evidence.all()
    history = HistoryEntry.objects.of(experiment).get()
    assert history.verb == "updated"
    assert history.summary.endswith("(1 pièce ajoutée, 1 pièce retirée)")


def test_it_removes_the_files_of_removed_evidence(
    django_capture_on_commit_callbacks, contributor, experiment
):
    entry = JournalEntryFactory(experiment=experiment, author=contributor)
    dropped = JournalEvidenceFactory(entry=entry)
    name = dropped.file.name
    with django_capture_on_commit_callbacks(execute=True):
        client_for(contributor).post(edit_url(entry), entry_data(remove_evidence=[dropped.pk]))
    assert not JournalEvidence.objects.exists()
    assert not default_storage.exists(name)


def test_it_offers_the_existing_files_for_removal(contributor, experiment):
    entry = JournalEntryFactory(experiment=experiment, author=contributor)
    JournalEvidenceFactory(entry=entry, description="Photo de l'arrêt")
    response = client_for(contributor).get(edit_url(entry))
    assert response.status_code == 200
    assert "Pièces à retirer" in response.text
    assert "Photo de l&#x27;arrêt" in response.text


def test_it_lets_editors_change_any_entry(editor, contributor, experiment):
    entry = JournalEntryFactory(experiment=experiment, author=contributor)
    response = client_for(editor).post(edit_url(entry), entry_data(title="Revu par l'éditrice"))
    assert response.status_code == 302
    entry.refresh_from_db()
    assert entry.title == "Revu par l'éditrice"
    assert entry.author == contributor


def test_it_forbids_contributors_to_change_the_entries_of_others(contributor, owner, experiment):
    entry = JournalEntryFactory(experiment=experiment, author=owner, title="Celle d'Olivia")
    client = client_for(contributor)
    assert client.get(edit_url(entry)).status_code == 403
    assert client.post(edit_url(entry), entry_data()).status_code == 403
    entry.refresh_from_db()
    assert entry.title == "Celle d'Olivia"


def test_it_forbids_readers_to_change_an_entry_they_wrote(reader, experiment):
    entry = JournalEntryFactory(experiment=experiment, author=reader)
    assert client_for(reader).post(edit_url(entry), entry_data()).status_code == 403


def test_it_does_not_change_an_entry_of_another_experiment(editor, experiment):
    entry = JournalEntryFactory()
    url = reverse("evaluation:edit_journal_entry", args=[experiment.pk, entry.pk])
    assert client_for(editor).get(url).status_code == 404


def test_it_hides_entries_from_outsiders(outsider, experiment):
    entry = JournalEntryFactory(experiment=experiment)
    assert client_for(outsider).get(edit_url(entry)).status_code == 404


# Deleting ----------------------------------------------------------------------------------


def test_it_asks_before_deleting(contributor, experiment):
    entry = JournalEntryFactory(experiment=experiment, author=contributor, title="À supprimer")
    response = client_for(contributor).get(delete_url(entry))
    assert response.status_code == 200
    assert "Supprimer « À supprimer » ?" in response.text


def test_it_lets_the_author_delete_the_entry_and_its_files(
    django_capture_on_commit_callbacks, contributor, experiment
):
    entry = JournalEntryFactory(experiment=experiment, author=contributor, title="À supprimer")
    name = JournalEvidenceFactory(entry=entry).file.name
    with django_capture_on_commit_callbacks(execute=True):
        response = client_for(contributor).post(delete_url(entry))
    assert response.status_code == 302
    assert not JournalEntry.objects.exists()
    assert not default_storage.exists(name)
    history = HistoryEntry.objects.of(experiment).get()
    assert history.verb == "deleted"
    assert history.actor == contributor
    assert history.summary == "Entrée du journal « À supprimer » supprimée (1 pièce retirée)"


def test_it_lets_editors_delete_any_entry(editor, owner, experiment):
    entry = JournalEntryFactory(experiment=experiment, author=owner)
    assert client_for(editor).post(delete_url(entry)).status_code == 302
    assert not JournalEntry.objects.exists()


def test_it_forbids_contributors_to_delete_the_entries_of_others(contributor, owner, experiment):
    entry = JournalEntryFactory(experiment=experiment, author=owner)
    assert client_for(contributor).post(delete_url(entry)).status_code == 403
    assert JournalEntry.objects.exists()


def test_it_does_not_delete_for_readers_outsiders_or_anonymous_users(reader, outsider, experiment):
    entry = JournalEntryFactory(experiment=experiment)
    assert client_for(reader).post(delete_url(entry)).status_code == 403
    assert client_for(outsider).post(delete_url(entry)).status_code == 404
    response = client_for(None).post(delete_url(entry))
    assert response.status_code == 302
    assert reverse("accounts:login") in response["Location"]
    assert JournalEntry.objects.exists()


def test_it_offers_the_four_kinds_of_entry_without_an_empty_choice(contributor, experiment):
    response = client_for(contributor).get(add_url(experiment))
    for kind in EntryKind:
        assert f'type="radio" name="kind" value="{kind.value}"' in response.text
    assert 'name="kind" value=""' not in response.text
