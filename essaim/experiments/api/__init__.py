"""``/api/v1/experiments/``: experiments and their framing, hypotheses, steps, stage changes and
stop/go decisions, with the permissions of the pages. One module per part of an experiment; this
router puts them together."""

from ninja import Router

from essaim.experiments.api import decisions, framing, steps

router = Router(tags=["expérimentations"])
router.add_router("", framing.router)
router.add_router("", decisions.router)
router.add_router("", steps.router)
