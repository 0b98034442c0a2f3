"""Readiness diagnoses: made, corrected, compared over time. Each is written in the history of
its experiment."""

from django.db import transaction

from essaim.experiments.models import Experiment
from essaim.lib import french
from essaim.scaling.forms.readiness import ReadinessForm, justification_field, score_field
from essaim.scaling.models import ReadinessAnswer, ReadinessDiagnosis
from essaim.scaling.readiness import QUESTIONS, overall_score, score_dimensions


def values_of(diagnosis: ReadinessDiagnosis | None, *, with_header: bool = True) -> dict:
    """The form's values for ``diagnosis`` (its answers, prefetched or loaded): its date and
    note, and each question's answer and justification; nothing for ``None``."""
    if diagnosis is None:
        return {}
    values: dict = (
        {"assessed_on": diagnosis.assessed_on, "note": diagnosis.note} if with_header else {}
    )
    answers = {answer.question: answer for answer in diagnosis.answers.all()}
    for key in QUESTIONS:
        answer = answers.get(key)
        values[score_field(key)] = answer.score if answer else None
        values[justification_field(key)] = answer.justification if answer else ""
    return values


def _summary(diagnosis: ReadinessDiagnosis) -> str:
    score = overall_score(score_dimensions(diagnosis.answer_scores()))
    told = "sans réponse" if score is None else f"maturité {score} %"
    return f"Diagnostic de maturité du {diagnosis.assessed_on:%d/%m/%Y} ({told})"


def create_diagnosis(*, experiment: Experiment, form: ReadinessForm, actor) -> ReadinessDiagnosis:
    """A new diagnosis from a valid ``form``, every answer kept (the unanswered ones too)."""
    with transaction.atomic():
        diagnosis = ReadinessDiagnosis.objects.create(
            experiment=experiment,
            assessed_on=form.cleaned_data["assessed_on"],
            note=form.cleaned_data["note"],
            created_by=actor,
        )
        ReadinessAnswer.objects.bulk_create(
            ReadinessAnswer(diagnosis=diagnosis, question=key, score=score, justification=text)
            for key, (score, text) in form.answers().items()
        )
        experiment.log_action(actor, "readiness", _summary(diagnosis))
    return diagnosis


def update_diagnosis(*, diagnosis: ReadinessDiagnosis, form: ReadinessForm, actor) -> None:
    """Write what this person changed in a valid ``form``; raise ``EditConflict`` if someone
    else changed the same answers meanwhile (nothing is then written)."""
    with transaction.atomic():
        locked = (
            ReadinessDiagnosis.objects.select_for_update()
            .filter(pk=diagnosis.pk)
            .prefetch_related("answers")
            .get()
        )
        form.check_against(values_of(locked))
        edited = form.edited_names()
        header = [name for name in ("assessed_on", "note") if name in edited]
        for name in header:
            setattr(locked, name, form.cleaned_data[name])
        if header:
            locked.save(update_fields=header)
        answers = form.answers()
        for key, (score, text) in answers.items():
            fields = {}
            if score_field(key) in edited:
                fields["score"] = score
            if justification_field(key) in edited:
                fields["justification"] = text
            if fields:
                ReadinessAnswer.objects.update_or_create(
                    diagnosis=locked, question=key, defaults=fields
                )
        if edited:
            locked = ReadinessDiagnosis.objects.prefetch_related("answers").get(pk=locked.pk)
            changed = len(edited)
            told = french.counted(changed, "champ modifié", "champs modifiés")
            diagnosis.experiment.log_action(
                actor, "readiness", f"{_summary(locked)} corrigé : {told}"
            )
