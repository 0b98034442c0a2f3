"""What the library adds to the pages of experiments: on an experiment's overview, for those who
edit it, the link to its experience sheet, or to write one from it. Added when the apps are
ready (``LibraryConfig.ready``)."""

from django.db.models import Prefetch, QuerySet

from essaim.experiments.overview_parts import OverviewPart, add_overview_part


def with_experience_sheets(queryset: QuerySet) -> QuerySet:
    from essaim.library.models import ExperienceSheet

    sheets = ExperienceSheet.objects.order_by("-pk").only(
        "pk", "title", "publication_status", "experiment_id"
    )
    return queryset.prefetch_related(
        Prefetch("experience_sheets", queryset=sheets, to_attr="library_sheets")
    )


def experience_sheet_of(experiment) -> dict:
    """The latest sheet written from ``experiment``, if any."""
    sheets = getattr(experiment, "library_sheets", None)
    if sheets is None:
        sheets = list(experiment.experience_sheets.order_by("-pk")[:1])
    return {"experience_sheet_of_experiment": sheets[0] if sheets else None}


def add_to_experiment_pages() -> None:
    add_overview_part(
        OverviewPart(
            key="library_sheet",
            overview_prefetch=with_experience_sheets,
            overview_context=experience_sheet_of,
            header_template="library/sheet_link.html",
        )
    )
