"""The experiences most like each sheet and each experiment, computed in the background
(``tasks.refresh_similar_sheets``) and read by their pages."""

from django.db import models


class SimilarSheet(models.Model):
    sheet = models.ForeignKey(
        "library.ExperienceSheet", on_delete=models.CASCADE, related_name="similar_links"
    )
    neighbour = models.ForeignKey(
        "library.ExperienceSheet", on_delete=models.CASCADE, related_name="+"
    )
    rank = models.PositiveSmallIntegerField("rang")
    score = models.FloatField("proximité")
    shared_themes = models.CharField("thèmes partagés", max_length=300, blank=True)

    class Meta:
        ordering = ["sheet", "rank"]
        constraints = [
            models.UniqueConstraint(fields=["sheet", "neighbour"], name="similar_sheet_once"),
        ]

    def __str__(self) -> str:
        return f"{self.sheet_id} → {self.neighbour_id} ({self.score:.2f})"


class SimilarToExperiment(models.Model):
    experiment = models.ForeignKey(
        "experiments.Experiment", on_delete=models.CASCADE, related_name="similar_sheet_links"
    )
    sheet = models.ForeignKey("library.ExperienceSheet", on_delete=models.CASCADE, related_name="+")
    rank = models.PositiveSmallIntegerField("rang")
    score = models.FloatField("proximité")
    shared_themes = models.CharField("thèmes partagés", max_length=300, blank=True)

    class Meta:
        ordering = ["experiment", "rank"]
        constraints = [
            models.UniqueConstraint(
                fields=["experiment", "sheet"], name="similar_to_experiment_once"
            ),
        ]

    def __str__(self) -> str:
        return f"{self.experiment_id} → {self.sheet_id} ({self.score:.2f})"
