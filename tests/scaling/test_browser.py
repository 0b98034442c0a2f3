"""Joining a network in a real browser, two people of two organisations: a development officer
of the Diois finds the published kit of the Centrales villageoises, asks to join; the model's
owner accepts; the newcomer adapts a part of the model and writes in the thread, which the
owner reads."""

import pytest

from essaim.accounts.models import User
from essaim.core.publication import PublicationStatus
from essaim.experiments.models import Stage
from essaim.organisations.models import Organisation
from essaim.roles.models import Role
from essaim.scaling.models import JoinRequest, KitItem, KitItemKind, ReplicaPart, TransferKit
from tests.browser.conftest import sign_in
from tests.experiments.factories import ExperimentFactory

pytestmark = [
    pytest.mark.browser,
    pytest.mark.filterwarnings("ignore::pytest.PytestUnraisableExceptionWarning"),
]
PASSWORD = "Crestois-Saillans-26"


@pytest.fixture
def network(transactional_db, referential):
    association = Organisation.objects.create(name="Association des Centrales Villageoises")
    founder = User.objects.create_user(
        email="claude@centralesvillageoises.example.org",
        password=PASSWORD,
        full_name="Claude Dubreuil",
    )
    newcomer = User.objects.create_user(
        email="agent@diois.example.org", password=PASSWORD, full_name="Agathe Diois"
    )
    experiment = ExperimentFactory(
        title="Centrales villageoises", framed=True, stage=Stage.SCALING, carrier=association
    )
    experiment.grant(founder, Role.OWNER)
    kit = TransferKit.objects.create(
        experiment=experiment,
        slug="centrales-villageoises",
        title="Centrales villageoises : une société locale d'énergie citoyenne",
        summary="Des habitants produisent ensemble leur électricité solaire.",
        publication_status=PublicationStatus.PUBLISHED,
    )
    KitItem.objects.create(kit=kit, kind=KitItemKind.CORE, title="Une gouvernance citoyenne")
    KitItem.objects.create(
        kit=kit, kind=KitItemKind.ADAPTABLE, title="La forme juridique", guidance="SAS ou SCIC."
    )
    return founder, newcomer, experiment, kit


def test_a_newcomer_joins_the_network_and_both_sides_talk(
    live_server, page, browser, network, screenshot_dir
):
    founder, newcomer, experiment, kit = network
    # The newcomer finds the model among the published kits, and asks to join.
    page.goto(live_server.url + "/essaimage/")
    page.get_by_role("link", name=kit.title).click()
    page.get_by_role("heading", name="Le socle commun, qui ne change pas").wait_for()
    page.screenshot(path=screenshot_dir / "essaimage-kit-public.png", full_page=True)
    page.get_by_role("link", name="Demander à rejoindre le réseau").click()
    page.get_by_label("Adresse e-mail").fill(newcomer.email)
    page.get_by_label("Mot de passe").fill(PASSWORD)
    page.get_by_role("button", name="Se connecter").click()
    page.get_by_role("heading", name=f"Rejoindre le réseau « {kit.title} »").wait_for()
    # The heading is there while the page is still read: the commune search answers once htmx
    # has set up the form, at the end of the page's loading.
    page.wait_for_load_state()
    page.get_by_label("La structure qui porterait le projet").fill(
        "Communauté des communes du Diois"
    )
    page.get_by_role("searchbox", name="Sur quelle commune ?").fill("Die")
    page.get_by_role("button", name="Die (26113)").click()
    page.get_by_label("Votre projet en quelques lignes").fill("Équiper les toits de nos écoles.")
    page.get_by_role("button", name="Envoyer ma demande").click()
    page.get_by_text("Votre demande est envoyée").wait_for()
    assert page.get_by_text("En attente").is_visible()

    # The founder, in another browser, accepts from the network page.
    other = browser.new_context(locale="fr-FR", viewport={"width": 1280, "height": 800})
    founder_page = other.new_page()
    sign_in(founder_page, live_server, founder.email, PASSWORD)
    founder_page.goto(live_server.url + f"/experimentations/{experiment.pk}/essaimage/reseau/")
    founder_page.get_by_text("Communauté des communes du Diois").wait_for()
    founder_page.get_by_label("Votre réponse").fill("Bienvenue ! Premier échange jeudi.")
    founder_page.get_by_role("button", name="Accepter : créer sa réplique").click()
    founder_page.get_by_text("rejoint le réseau").wait_for()
    replication = JoinRequest.objects.get().replication

    # The newcomer takes up the model: adapts a part, writes in the thread.
    page.goto(live_server.url + "/essaimage/mes-demandes/")
    page.get_by_role("link", name="Ma réplique et le fil avec le modèle").click()
    page.get_by_text("Socle commun — ne change pas").wait_for()
    assert page.get_by_text("Bienvenue ! Premier échange jeudi.").is_visible()
    page.get_by_label("Ce que notre territoire en fait").fill(
        "Une SCIC, avec la commune au capital."
    )
    page.get_by_role("button", name="Enregistrer « La forme juridique »").click()
    page.get_by_text("votre choix est enregistré").wait_for()
    page.get_by_label("Votre message").fill("Nos statuts sont prêts : pouvez-vous les relire ?")
    page.get_by_role("button", name="Envoyer").click()
    page.get_by_text("Votre message est publié dans le fil.").wait_for()
    page.set_viewport_size({"width": 390, "height": 800})
    page.screenshot(path=screenshot_dir / "essaimage-replique-390.png", full_page=True)

    founder_page.goto(live_server.url + replication.get_absolute_url())
    founder_page.get_by_text("Nos statuts sont prêts : pouvez-vous les relire ?").wait_for()
    assert founder_page.get_by_text("Une SCIC, avec la commune au capital.").is_visible()
    other.close()
    part = ReplicaPart.objects.get(replication=replication, kind=KitItemKind.ADAPTABLE)
    assert part.local_choice == "Une SCIC, avec la commune au capital."
    assert replication.replica_experiment.effective_role_of(newcomer) == Role.OWNER
