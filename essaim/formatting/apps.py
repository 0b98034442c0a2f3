from django.apps import AppConfig


class FormattingConfig(AppConfig):
    """The template side of ``essaim.lib.french``: the ``french`` filters every page loads."""

    name = "essaim.formatting"
    verbose_name = "Écriture à la française"
