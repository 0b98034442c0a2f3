"""The multi-territory programme of the demo: the national experiment « S'organiser pour
innover : quand les territoires conduisent le changement » (seed 004), its organisers, stages and
deliverables as the seed gives them, and nine fictitious territories with their listening
visits, interviews, report sheets, workshops and expenses (see ``content.PROGRAMME.sources``).
"""


def load() -> str:
    from essaim.demo.data.programmes.build import build_programme
    from essaim.demo.data.programmes.content import PROGRAMME
    from essaim.demo.owner import demo_owner

    build_programme(PROGRAMME, owner=demo_owner())
    interviews = sum(len(territory.interviews) for territory in PROGRAMME.territories)
    taking_part = sum(1 for territory in PROGRAMME.territories if territory.status == "confirme")
    return (
        f"1 programme multi-territoires, {taking_part} territoires fictifs participants, "
        f"{interviews} entretiens illustratifs"
    )
