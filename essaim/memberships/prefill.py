"""Who a membership form is for, when its link names them by a token that an app above holds
(``?inscription=<token>``: the personal link of a registration, see ``registrations/hooks.py``).

Such an app registers a finder for its query parameter; the finder returns the applicant and the
organiser of the session they registered to, or ``None`` for a token it does not know."""

from collections.abc import Callable

from essaim.memberships.documents import Applicant

Finder = Callable[[str], tuple[Applicant, int | None] | None]
FINDERS: dict[str, Finder] = {}


def applicant_finder(parameter: str) -> Callable[[Finder], Finder]:
    """Register ``finder(token)`` for the query parameter ``parameter``."""

    def register(finder: Finder) -> Finder:
        FINDERS[parameter] = finder
        return finder

    return register


def find_applicant(query: dict) -> tuple[Applicant, int | None] | None:
    """The applicant named by a token of ``query``: a blank one for an unknown token, ``None``
    when ``query`` has no token."""
    for parameter, finder in FINDERS.items():
        token = query.get(parameter, "").strip()
        if token:
            return finder(token) or (Applicant(), None)
    return None
