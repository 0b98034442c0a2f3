import factory

from essaim.themes.models import Theme

# The choices experiments offered before themes became a vocabulary: (slug, label), in order.
FORMER_THEMES = [
    ("mobilite", "mobilité"),
    ("services", "services à la population"),
    ("energie", "énergie et climat"),
    ("alimentation", "agriculture et alimentation"),
    ("eau", "eau et biodiversité"),
    ("democratie", "démocratie et participation"),
    ("economie", "économie locale et ESS"),
    ("habitat", "habitat et cadre de vie"),
    ("numerique", "numérique et fabrication"),
    ("jeunesse", "jeunesse et éducation"),
    ("culture", "culture et patrimoine"),
    ("sante", "santé et solidarités"),
    ("autre", "autre"),
]


class ThemeFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Theme

    slug = factory.Sequence(lambda n: f"theme-{n}")
    label = factory.Sequence(lambda n: f"thème {n}")
    position = factory.Sequence(lambda n: 100 + n)


def theme(slug: str) -> Theme:
    """A theme of the seeded vocabulary."""
    return Theme.objects.get(slug=slug)


def restore_vocabulary() -> None:
    """Seed the vocabulary again after a transactional test emptied the database."""
    if not Theme.objects.exists():
        Theme.objects.bulk_create(
            Theme(slug=slug, label=label, position=position)
            for position, (slug, label) in enumerate(FORMER_THEMES, start=1)
        )
