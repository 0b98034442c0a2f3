"""The interview notes are found by the programme's team alone (the interviews tab searches
``Interview.objects.visible_to(user)``), by whom they are about — under their shown name, the
pseudonym once pseudonymised — then by their notes and quotes. A note is indexed again when it
is saved and when one of its quotes is saved or deleted; a name taken out of the texts
(``services.interviews.pseudonymise``) reindexes the programme's notes."""

from django.db.models.signals import post_delete, post_save

from essaim.core.search import index_object, register
from essaim.programmes.models import Interview, Quote

register(Interview, title=["heading"], body=["notes", "quote_texts"])


def _reindex_interview_of(sender, instance: Quote, **kwargs) -> None:
    interview = Interview.objects.filter(pk=instance.interview_id).first()
    if interview is not None:  # gone with its quotes: its entry went with it
        index_object(interview)


post_save.connect(_reindex_interview_of, sender=Quote, dispatch_uid="search-programmes-quote")
post_delete.connect(_reindex_interview_of, sender=Quote, dispatch_uid="search-programmes-quote-del")
