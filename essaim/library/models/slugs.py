"""The address of a sheet or a notebook (``/experiences/12-covoiturage-solidaire/``) follows its
title: the slug is written again at each save, the key in front keeps old links working."""

from django.db import models
from django.utils.text import slugify

SLUG_LENGTH = 80


class TitleSlugged(models.Model):
    slug = models.SlugField("adresse", max_length=SLUG_LENGTH, blank=True)

    class Meta:
        abstract = True

    def save(self, *args, **kwargs) -> None:
        self.slug = slugify(self.title)[:SLUG_LENGTH]
        if kwargs.get("update_fields") is not None and "title" in kwargs["update_fields"]:
            kwargs["update_fields"] = {*kwargs["update_fields"], "slug"}
        super().save(*args, **kwargs)
