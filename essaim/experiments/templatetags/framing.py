"""Template filters of the framing (cadrage)."""

from django import template

from essaim.experiments.models import NeedOrigin

register = template.Library()


@register.filter
def need_origin_labels(values: list[str] | None) -> str:
    """« transition écologique, crise » from the stored values of ``Experiment.need_origins``."""
    return ", ".join(
        NeedOrigin(value).label for value in values or [] if value in NeedOrigin.values
    )
