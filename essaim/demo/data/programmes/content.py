"""The demo programme, gathered: the national experiment « S'organiser pour innover : quand les
territoires conduisent le changement » with its territories, workshops, seminars and expenses.

Plain, declarative data (see :mod:`essaim.demo.data.programmes.spec`); ``PROGRAMME.sources``
says what is public and what is invented.
"""

from datetime import date
from decimal import Decimal

from essaim.demo.data.programmes.expenses import EXPENSES
from essaim.demo.data.programmes.programme import (
    CONTACTS,
    DELIVERABLES,
    EXPENSE_RULES,
    GROUP,
    ORGANISERS,
    SEMINARS,
    STAGES,
    THEMES,
    TITLE,
    WORKSHOPS,
)
from essaim.demo.data.programmes.spec import ProgrammeSpec
from essaim.demo.data.programmes.territories import TERRITORIES

PROGRAMME = ProgrammeSpec(
    title=TITLE,
    slug="s-organiser-pour-innover",
    summary=(
        "L'expérimentation nationale : une étude et une mise en réseau de 9 territoires "
        "(bassins de vie d'échelle intercommunale ou intercommunautaire) durant 12 mois."
    ),
    aims=(
        "Analyser le couplage entre des stratégies de développement innovantes en matière de "
        "transition énergétique ou de tourisme durable et le fonctionnement de grands "
        "territoires."
    ),
    questions="\n".join(
        (
            "Comment des stratégies de développement innovantes en matière de transition "
            "énergétique ou de tourisme durable s'articulent-elles avec le fonctionnement de "
            "grands territoires ?",
            "Les stratégies de développement mises en œuvre dans ces territoires impliquent-"
            "elles des modalités particulières de gouvernance, de coopération et "
            "d'organisation ?",
            "Quelles clefs de réussite pourraient être transférées auprès des nombreux autres "
            "territoires concernés par ces champs d'actions ?",
        )
    ),
    added_value="\n".join(
        (
            "Bénéficier d'une analyse du fonctionnement de leur territoire et d'une restitution "
            "collective par des experts en développement local, en développement durable et "
            "des chercheurs.",
            "Identifier les leviers et pistes d'améliorations méthodologiques (gouvernance, "
            "coopération, organisation de l'ingénierie…).",
            "Bénéficier d'une mise en réseau avec des acteurs d'autres territoires partageant "
            "ces problématiques d'organisation et stratégies de développement.",
        )
    ),
    start=date(2014, 11, 1),
    end=date(2016, 2, 29),
    budget=Decimal("180000.00"),
    participants_expected=3,
    organisers=ORGANISERS,
    contacts=CONTACTS,
    group=GROUP,
    stages=STAGES,
    deliverables=DELIVERABLES,
    themes=THEMES,
    territories=TERRITORIES,
    workshops=WORKSHOPS,
    seminars=SEMINARS,
    expense_rules=EXPENSE_RULES,
    expenses=EXPENSES,
    sources=(
        "Public, d'après la fiche mémo de l'expérimentation nationale : le titre, les "
        "objectifs et les questions, la valeur ajoutée pour les territoires, les cinq "
        "organisateurs, les deux contacts, les cinq étapes et leurs dates, les productions "
        "attendues, les attentes vis-à-vis des territoires et les règles de prise en charge "
        "des frais.\n"
        "Illustratif : le budget, les membres du groupe d'accompagnement autres que les deux "
        "contacts, les dix territoires et toutes les personnes qui y sont citées, les "
        "entretiens, les citations, les fiches reportage, les ateliers, les séminaires, les "
        "frais et leurs montants. Les périmètres des territoires sont ceux de communautés de "
        "communes réelles, utilisés seulement pour la carte ; aucune d'elles n'a pris part à "
        "cette démonstration."
    ),
)
