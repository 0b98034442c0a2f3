"""The links to the dossier, for the pages of an experiment."""

from django.template.loader import render_to_string
from django.urls import reverse


def test_it_links_to_both_formats(experiment):
    html = render_to_string("dossiers/_downloads.html", {"experiment": experiment})

    assert f'href="{reverse("dossiers:pdf", args=[experiment.pk])}"' in html
    assert f'href="{reverse("dossiers:docx", args=[experiment.pk])}"' in html
    assert "Dossier PDF" in html
