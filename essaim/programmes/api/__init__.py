"""``/api/v1/programmes/``: the programmes, the territories of their selection, their
deliverables, their listening visits, their expenses and, for the programme's team alone, the
interview notes; read with the permissions of the pages, written through their forms and
services (the same checks, French messages, history, and versions against concurrent changes:
409). One module per part of a programme; this router puts them together."""

from ninja import Router

from essaim.programmes.api import expenses, interviews, programmes, territories, visits

router = Router(tags=["programmes"])
router.add_router("", programmes.router)
router.add_router("", territories.router)
router.add_router("", visits.router)
router.add_router("", interviews.router)
router.add_router("", expenses.router)
