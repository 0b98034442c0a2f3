"""Every error a rule of the domain raises is a ``DomainError``: a French message, and the API
answers it as a 422."""

import pytest

from essaim.api_errors import InvalidInput
from essaim.attendance.reports import ReportError
from essaim.attendance.services import AttendanceError
from essaim.core.concurrency import EditConflict
from essaim.evaluation.spreadsheets import MeasurementImportError
from essaim.experiments.models import ExperimentError
from essaim.lib.errors import DomainError
from essaim.organisations.services import DirectoryError
from essaim.registrations.services import RegistrationError
from essaim.roles.services import MembershipError
from essaim.surveys.services import SurveyError
from essaim.territories.services import TerritoryError
from essaim.territories.snapshot import SourceError
from essaim.trainings.services import CatalogueError
from tests.api.test_experiments_api import Api


@pytest.mark.parametrize(
    "error",
    [
        AttendanceError,
        CatalogueError,
        DirectoryError,
        ExperimentError,
        MembershipError,
        RegistrationError,
        SourceError,
        SurveyError,
        TerritoryError,
        InvalidInput,
    ],
)
def test_it_carries_a_french_message(error):
    refused = error("La session est complète.")
    assert isinstance(refused, DomainError)
    assert refused.message == str(refused) == "La session est complète."


def test_the_errors_made_of_problems_say_them_all():
    assert issubclass(ReportError, DomainError)
    assert issubclass(MeasurementImportError, DomainError)
    assert issubclass(EditConflict, DomainError)
    assert ReportError(["Ligne 2 : heure illisible", "Ligne 3 : vide"]).message == (
        "Ligne 2 : heure illisible\nLigne 3 : vide"
    )


@pytest.mark.django_db
def test_the_api_answers_any_domain_error_with_a_422_in_french(owner, monkeypatch):
    from essaim.experiments import services

    def refuse(**kwargs):
        raise MembershipError("Une expérimentation garde toujours un propriétaire.")

    monkeypatch.setattr(services, "create_experiment", refuse)
    response = Api(owner).post("", {"title": "Autostop"})
    assert response.status_code == 422
    assert response.json() == {"detail": "Une expérimentation garde toujours un propriétaire."}


@pytest.mark.django_db
def test_the_field_of_a_domain_error_comes_back_with_it(owner, monkeypatch):
    from essaim.experiments import services

    def refuse(**kwargs):
        raise DirectoryError("Ce SIREN est déjà dans l'annuaire.", field="siren")

    monkeypatch.setattr(services, "create_experiment", refuse)
    response = Api(owner).post("", {"title": "Autostop"})
    assert response.status_code == 422
    assert response.json()["erreurs"] == [
        {"champ": "siren", "message": "Ce SIREN est déjà dans l'annuaire."}
    ]
