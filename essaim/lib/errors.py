"""The one base class of the errors a rule of the domain raises: a French ``message`` for the
person who asked, and the ``field`` it is about when there is one.

Every app's error (``ExperimentError``, ``RegistrationError``…) subclasses :class:`DomainError`;
a page shows ``message``, the API answers it as a 422 (``essaim/api_errors.py``)."""


class DomainError(Exception):
    """A change refused by a rule; ``message`` is French, ``field`` names the field concerned."""

    def __init__(self, message: str, *, field: str | None = None) -> None:
        super().__init__(message)
        self.message = message
        self.field = field
