"""Cap Rural's sessions from the source documents (2020 and 2021 webconferences, the autumn 2023
cycle), one upcoming example session, and illustrative registrants, attendance, satisfaction
answers and memberships, all organised by the demo administrator.

Everything is written straight into the models: no workflow runs, so no e-mail is sent while
the demo loads. Sessions whose retention period is over have their registrants anonymised, as
``essaim scheduled`` would do: the demo shows the statistics that remain."""

from django.utils import timezone

from essaim.demo.data.trainings.announcements import CYCLES
from essaim.demo.data.trainings.catalogue import save_cycle, save_session
from essaim.demo.data.trainings.example import upcoming_example
from essaim.demo.data.trainings.memberships import save_memberships
from essaim.demo.data.trainings.participation import save_participation
from essaim.demo.owner import demo_owner
from essaim.organisations.models import Organisation
from essaim.registrations.anonymisation import anonymise_session, sessions_due
from essaim.registrations.models import Registration


def load() -> str:
    owner = demo_owner()
    cap_rural = Organisation.objects.get(name="Cap Rural")
    now = timezone.now()
    today = timezone.localdate(now)
    sessions = []
    for cycle_spec in CYCLES:
        cycle = save_cycle(cycle_spec, owner=owner, organiser=cap_rural)
        sessions += [
            save_session(spec, cycle=cycle, owner=owner, organiser=cap_rural)
            for spec in cycle_spec.sessions
        ]
    sessions.append(
        save_session(upcoming_example(today), cycle=None, owner=owner, organiser=cap_rural)
    )
    memberships = save_memberships(owner=owner, cap_rural=cap_rural, today=today)
    for session in sessions:
        save_participation(session, now=now)
    demo = {session.pk for session in sessions}
    for pk in sessions_due(today):
        if pk in demo:
            anonymise_session(pk, now=now)
    registrations = Registration.objects.filter(session__in=sessions).count()
    return (
        f"{len(CYCLES)} cycles, {len(sessions)} sessions (dont une session d'exemple à venir), "
        f"{registrations} inscriptions et {memberships} adhésions illustratives"
    )
