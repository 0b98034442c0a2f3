"""The personal link is decided and sent by the worker, so that asking for one takes the same
time whether Essaim knows the address or not."""

from django.tasks import task

from essaim.privacy import services


@task()
def send_access_link(*, email: str) -> bool:
    """E-mail a personal link to ``email`` if Essaim holds something about it; returns whether
    one was sent."""
    return services.send_access_link(email=email)
