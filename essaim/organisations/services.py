"""Creating and changing the directory. Each function owns its transaction and raises
:class:`DirectoryError`, with a French message, when the change is refused."""

from django.core.exceptions import NON_FIELD_ERRORS, ValidationError
from django.db import IntegrityError, transaction

from essaim.accounts.models import User
from essaim.lib.errors import DomainError
from essaim.organisations.models import Organisation, Person
from essaim.roles.models import Role


class DirectoryError(DomainError):
    """A change the directory refuses; the message is French, ``field`` the one it is about."""


def create_organisation(*, organisation: Organisation, created_by: User) -> Organisation:
    """Record a new organisation; ``created_by`` becomes its owner."""
    organisation.created_by = created_by
    try:
        with transaction.atomic():
            organisation.save()
            organisation.grant(created_by, Role.OWNER, by=created_by)
    except IntegrityError:
        organisation.pk = None
        raise _duplicate_error(organisation) from None
    return organisation


def update_organisation(*, organisation: Organisation, fields: list[str]) -> Organisation:
    """Save the changed ``fields`` of an organisation."""
    try:
        with transaction.atomic():
            organisation.save(update_fields=[*fields, "updated_at"])
    except IntegrityError:
        raise _duplicate_error(organisation) from None
    return organisation


def create_person(*, person: Person, created_by: User) -> Person:
    """Record a new contact; ``created_by`` becomes the owner of the record."""
    person.created_by = created_by
    with transaction.atomic():
        person.save()
        person.grant(created_by, Role.OWNER, by=created_by)
    return person


def _duplicate_error(organisation: Organisation) -> DirectoryError:
    """The French message for an organisation the database refused: another request recorded
    the same name or SIREN between the form's check and the save."""
    try:
        organisation.validate_constraints()
    except ValidationError as error:
        for field, errors in error.error_dict.items():
            duplicate = errors[0]
            if field == NON_FIELD_ERRORS:
                field = "name" if duplicate.code == "duplicate_name" else None
            return DirectoryError(duplicate.messages[0], field=field)
    return DirectoryError(
        "Une organisation identique vient d'être enregistrée : vérifiez l'annuaire."
    )
