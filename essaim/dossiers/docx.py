"""The dossier as a Word document (DOCX): the same chapters as the PDF, in Word's own headings
and table styles so that it can be edited, with the charts and the timeline as PNG pictures."""

import io

from django.utils import timezone
from django.utils.text import capfirst
from docx.enum.text import WD_ALIGN_PARAGRAPH, WD_BREAK
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.shared import Cm, Pt

from essaim.dossiers.builder import Dossier
from essaim.lib.french import counted, euros, long_date, number
from essaim.lib.word import MUTED, PRIMARY, WordWriter, clean, full_stop, short_date


def render_dossier_docx(dossier: Dossier) -> bytes:
    writer = _Writer(dossier)
    writer.write()
    buffer = io.BytesIO()
    writer.document.save(buffer)
    return buffer.getvalue()


class _Writer(WordWriter):
    def __init__(self, dossier: Dossier) -> None:
        self.dossier = dossier
        self.experiment = dossier.experiment
        super().__init__()

    # Structure ----------------------------------------------------------------------------------

    def write(self) -> None:
        self._set_up()
        self._cover()
        self._summary()
        self._framing()
        self._method()
        if self.dossier.has_theory_of_change:
            self._theory_of_change()
        self._governance()
        self._learning()
        self._evaluation()
        self._verdicts()
        self._risks()
        self._decisions()
        self._history()

    def _set_up(self) -> None:
        document = self.document
        properties = document.core_properties
        properties.title = f"Dossier — {self.experiment.title}"
        properties.author = "Essaim"
        properties.last_modified_by = "Essaim"
        properties.subject = "Dossier d'expérimentation"
        properties.language = "fr-FR"
        properties.keywords = "expérimentation ; dossier ; Essaim"
        section = document.sections[0]
        section.page_width, section.page_height = Cm(21), Cm(29.7)
        section.left_margin = section.right_margin = Cm(2)
        section.top_margin, section.bottom_margin = Cm(2.2), Cm(2)
        section.different_first_page_header_footer = True
        normal = document.styles["Normal"]
        normal.font.name = "Calibri"
        normal.font.size = Pt(10.5)
        # French spelling and hyphenation for every run.
        defaults = document.styles.element.find(qn("w:docDefaults"))
        run_defaults = defaults.find(qn("w:rPrDefault")).find(qn("w:rPr"))
        language = run_defaults.find(qn("w:lang"))
        if language is None:
            language = OxmlElement("w:lang")
            run_defaults.append(language)
        language.set(qn("w:val"), "fr-FR")
        for name in ("Title", "Heading 1", "Heading 2", "Heading 3"):
            document.styles[name].font.color.rgb = PRIMARY
        header = section.header.paragraphs[0]
        header.text = clean(self.experiment.title)
        header.runs[0].font.size = Pt(8.5)
        header.runs[0].font.color.rgb = MUTED
        footer = section.footer.paragraphs[0]
        footer.alignment = WD_ALIGN_PARAGRAPH.RIGHT
        self._run(footer, f"Essaim · dossier établi le {long_date(self.dossier.generated_on)} · ")
        self._run(footer, "page ")
        self._field(footer, "PAGE")
        self._run(footer, " sur ")
        self._field(footer, "NUMPAGES")
        for run in footer.runs:
            run.font.size = Pt(8.5)
            run.font.color.rgb = MUTED

    # Chapters -------------------------------------------------------------------------------

    def _cover(self) -> None:
        document, experiment, dossier = self.document, self.experiment, self.dossier
        brand = document.add_paragraph()
        run = self._run(brand, "ESSAIM · DOSSIER D'EXPÉRIMENTATION", bold=True)
        run.font.color.rgb = PRIMARY
        run.font.size = Pt(10)
        brand.paragraph_format.space_before = Pt(60)
        title = document.add_heading(clean(experiment.title), level=0)
        title.paragraph_format.space_after = Pt(12)
        stage = document.add_paragraph()
        self._run(stage, f"Étape : {experiment.get_stage_display()}", bold=True)
        if experiment.summary:
            self._text(experiment.summary)
        rows = [
            ["Structure porteuse", str(experiment.carrier or "Non renseignée")],
            ["Périmètre", ", ".join(t.name for t in dossier.territories) or "Non renseigné"],
            ["Calendrier", self._calendar()],
            ["Thème", capfirst(experiment.theme.label)],
            ["Budget", euros(dossier.total_budget) if dossier.fundings else "Non renseigné"],
        ]
        self._table(["L'expérimentation en bref", ""], rows, widths=[5, 12])
        if experiment.illustrative:
            notice = document.add_paragraph()
            self._run(notice, "Exemple illustratif. ", bold=True)
            self._run(
                notice,
                "Les faits publics de ce cas sont réels ; les chiffres, réunions, entrées de "
                "journal et décisions sont inventés pour la démonstration.",
            )
        date_paragraph = document.add_paragraph()
        self._run(date_paragraph, f"Dossier établi le {long_date(dossier.generated_on)}")
        date_paragraph.paragraph_format.space_before = Pt(24)
        contents = document.add_paragraph()
        contents.add_run().add_break(WD_BREAK.PAGE)
        self._heading("Sommaire", level=1)
        self._bullets([title for _, title in dossier.sections], numbered=True)

    def _calendar(self) -> str:
        experiment = self.experiment
        if experiment.start_date and experiment.end_date:
            return (
                f"du {long_date(experiment.start_date)} au {long_date(experiment.end_date)} "
                f"({experiment.duration_months} mois)"
            )
        if experiment.start_date:
            return f"à partir du {long_date(experiment.start_date)}"
        return "non fixé"

    def _summary(self) -> None:
        dossier = self.dossier
        self._chapter("Synthèse")
        figures = [
            f"{self.experiment.duration_months or '—'} mois prévus",
            (
                f"{euros(dossier.total_budget)} de budget, "
                f"dont {euros(dossier.secured_budget)} acquis"
                if dossier.fundings
                else "Budget non renseigné"
            ),
            f"{counted(len(dossier.hypotheses), 'hypothèse')}, "
            f"{dossier.verdict_count} avec un verdict",
            counted(len(dossier.indicators), "indicateur")
            + (
                f", à {dossier.average_progress} % de leurs cibles en moyenne"
                if dossier.average_progress is not None
                else ""
            ),
            f"{counted(dossier.meeting_count, 'réunion')} des instances",
            f"{dossier.framing_completeness} % du cadrage renseigné",
        ]
        self._bullets(figures)
        self._heading("Dernière décision")
        decision = dossier.latest_decision
        if decision:
            paragraph = self.document.add_paragraph()
            self._run(paragraph, capfirst(decision.get_kind_display()), bold=True)
            where = f", en {decision.meeting.body.name}" if decision.meeting else ""
            when = long_date(decision.decided_on)
            self._run(paragraph, f", le {when}{where} : {decision.rationale}")
        else:
            self._muted("Aucune décision d'arrêt ou de poursuite n'a encore été prise.")
        self._heading("Hypothèses testées")
        if dossier.hypotheses:
            self._bullets(
                [
                    f"{section.hypothesis.statement} — "
                    + (section.latest.get_verdict_display() if section.latest else "sans verdict")
                    for section in dossier.hypotheses
                ],
                numbered=True,
            )
        else:
            self._muted("Aucune hypothèse n'est formulée.")

    def _framing(self) -> None:
        experiment, dossier = self.experiment, self.dossier
        self._chapter("Cadrage")
        self._heading("Besoin ou problème")
        self._text(experiment.need)
        if dossier.need_origins:
            self._pair("Origine du besoin", dossier.need_origins)
        if experiment.need_origin_detail:
            self._text(experiment.need_origin_detail)
        self._heading("Finalités")
        self._text(experiment.purposes, empty="Non renseignées.")
        self._heading("Type d'expérimentation")
        self._pair("Par sa finalité", experiment.get_purpose_type_display())
        self._pair("Objet expérimenté", experiment.get_object_type_display())
        self._pair("Nature", experiment.get_nature_display(), empty="Non renseignée.")
        self._heading("Hypothèses testables")
        if dossier.hypotheses:
            self._bullets([s.hypothesis.statement for s in dossier.hypotheses], numbered=True)
        else:
            self._muted("Aucune hypothèse n'est formulée.")
        self._heading("Public visé")
        self._text(experiment.target_public)
        self._heading("Périmètre territorial")
        if dossier.territories:
            self._table(
                ["Territoire", "Type", "Communes", "Habitants"],
                [
                    [
                        territory.name,
                        capfirst(territory.get_kind_display()),
                        territory.commune_count,
                        number(territory.population),
                    ]
                    for territory in dossier.territories
                ],
                numeric=frozenset({2, 3}),
                widths=[7, 4, 3, 3],
            )
        else:
            self._muted("Non renseigné.")
        self._heading("Calendrier")
        self._text(self._calendar())
        self._heading("Budget par financeur")
        if dossier.fundings:
            self._table(
                ["Financeur", "Nature", "Acquis", "Montant"],
                [
                    [
                        funding.funder_label + (f"\n{funding.note}" if funding.note else ""),
                        capfirst(funding.get_kind_display()),
                        "oui" if funding.secured else "non",
                        euros(funding.amount),
                    ]
                    for funding in dossier.fundings
                ],
                numeric=frozenset({3}),
                total=["Total", "", "", euros(dossier.total_budget)],
                widths=[7, 4.5, 2, 3.5],
            )
        else:
            self._muted("Non renseigné.")
        self._heading("Partenaires")
        if dossier.partners:
            self._table(
                ["Partenaire", "Rôle", "Apport"],
                [
                    [p.organisation.name, capfirst(p.get_role_display()), p.contribution]
                    for p in dossier.partners
                ],
                widths=[5.5, 3.5, 8],
            )
        else:
            self._muted("Non renseigné.")
        self._heading("Conditions de réussite et méthode d'évaluation")
        self._pair(
            "Conditions de réussite", experiment.success_conditions, empty="Non renseignées."
        )
        self._pair(
            "Méthode d'évaluation, décidée avant le démarrage",
            experiment.evaluation_method,
            empty="Non renseignée.",
        )
        self._heading("Critères d'arrêt ou de poursuite")
        if dossier.criteria:
            self._table(
                ["Critère", "Seuil", "Examen"],
                [
                    [
                        criterion.description,
                        criterion.threshold,
                        long_date(criterion.review_date) or "—",
                    ]
                    for criterion in dossier.criteria
                ],
                widths=[6.5, 6.5, 4],
            )
        else:
            self._muted("Non renseignés.")
        self._heading("Risques et droit à l'erreur")
        self._pair("Ce qui peut échouer", experiment.possible_failures)
        self._pair("Ce qui est réversible", experiment.reversibility)
        self._pair("Ce qu'un échec apprendrait", experiment.failure_lessons)
        self._heading("Acteurs publics et base juridique")
        self._pair(
            "Liens avec les acteurs publics et les institutions",
            experiment.public_actors,
            empty="Non renseignés.",
        )
        legal = capfirst(experiment.get_legal_basis_display())
        if dossier.has_derogation:
            legal += f" — {experiment.legal_reference}"
        self._pair("Base juridique", legal)

    def _method(self) -> None:
        dossier = self.dossier
        self._chapter("Méthode et calendrier")
        if not dossier.steps:
            self._muted("Aucune étape n'est planifiée.")
            return
        self._picture(dossier.timeline_svg)
        self._table(
            ["Intitulé", "Type", "Dates", "Statut", "Livrables"],
            [
                [
                    step.title,
                    capfirst(step.get_kind_display()),
                    short_date(step.start_date)
                    + (
                        f" → {short_date(step.end_date)}"
                        if step.end_date and not step.is_milestone
                        else ""
                    ),
                    capfirst(step.get_status_display()),
                    step.deliverables,
                ]
                for step in dossier.steps
            ],
            caption="Étapes, phases et jalons",
            widths=[5, 2, 3.6, 2.2, 4.2],
        )

    def _theory_of_change(self) -> None:
        self._chapter("Théorie du changement")
        for number_, column in enumerate(self.dossier.theory_of_change, start=1):
            if not column["outcomes"]:
                continue
            self._heading(f"{number_}. {capfirst(column['label'])}")
            for outcome in column["outcomes"]:
                self._heading(outcome.title, level=3)
                if outcome.description:
                    self._text(outcome.description)
                for link in outcome.links_out.all():
                    paragraph = self.document.add_paragraph(style="List Bullet")
                    self._run(paragraph, "mène à ")
                    self._run(paragraph, link.target.title, bold=True)
                    self._run(paragraph, f" ({link.target.get_level_display()})")
                    said = ")"
                    if link.rationale:
                        self._run(paragraph, f"{full_stop(said)}Pourquoi : ", italic=True)
                        said = link.rationale.strip()
                        self._run(paragraph, said)
                    if link.assumptions:
                        self._run(paragraph, f"{full_stop(said)}À condition que : ", italic=True)
                        self._run(paragraph, link.assumptions)
                indicators = [indicator.name for indicator in outcome.indicators.all()]
                if indicators:
                    self._pair("Indicateurs", ", ".join(indicators))

    def _governance(self) -> None:
        dossier = self.dossier
        self._chapter("Gouvernance")
        if not dossier.bodies:
            self._muted("Aucune instance de gouvernance n'est constituée.")
        for section in dossier.bodies:
            body = section.body
            self._heading(f"{body.name} ({body.get_kind_display()})")
            if body.mandate:
                self._text(body.mandate)
            if section.members:
                self._table(
                    ["Membre", "Rôle dans l'instance", "Période"],
                    [
                        [
                            str(member),
                            member.role_in_body or "—",
                            "\n".join(
                                part
                                for part in (
                                    f"depuis le {short_date(member.start_date)}"
                                    if member.start_date
                                    else "",
                                    f"jusqu'au {short_date(member.end_date)}"
                                    if member.end_date
                                    else "",
                                )
                                if part
                            )
                            or "—",
                        ]
                        for member in section.members
                    ],
                    caption="Membres",
                    widths=[8, 5, 4],
                )
            else:
                self._muted("Aucun membre enregistré.")
            if section.meetings:
                self._table(
                    ["Date", "Lieu", "Ordre du jour", "Présences"],
                    [
                        [
                            short_date(timezone.localdate(row.meeting.starts_at)),
                            row.meeting.place or "—",
                            row.meeting.agenda,
                            f"{counted(row.present, 'présent')}, "
                            f"{counted(row.excused, 'excusé')}, {counted(row.absent, 'absent')}"
                            if row.present or row.excused or row.absent
                            else "—",
                        ]
                        for row in section.meetings
                    ],
                    caption="Réunions",
                    widths=[2.4, 3.6, 7.5, 3.5],
                )
        self._heading("Registre des décisions")
        if not dossier.logged_decisions:
            self._muted("Aucune décision n'est inscrite au registre.")
        for entry in dossier.logged_decisions:
            self._heading(entry.subject, level=3)
            body = entry.body or (entry.meeting.body if entry.meeting else None)
            self._muted(long_date(entry.decided_on) + (f" · {body.name}" if body else ""))
            if entry.options_considered:
                self._pair("Options envisagées", entry.options_considered)
            self._pair("Décision", entry.decision)
            if entry.rationale:
                self._pair("Justification", entry.rationale)

    def _learning(self) -> None:
        dossier = self.dossier
        self._chapter("Enseignements")
        if dossier.highlights and not dossier.highlights_marked:
            self._muted(
                "Aucune entrée du journal d'apprentissage n'est marquée comme enseignement "
                "marquant : voici les plus récentes."
            )
        if not dossier.highlights:
            self._muted("Le journal d'apprentissage est vide.")
        for entry in dossier.highlights:
            self._heading(entry.title)
            meta = [long_date(entry.written_on), capfirst(entry.get_kind_display())]
            if entry.hypothesis:
                meta.append(f"hypothèse : {entry.hypothesis.statement}")
            if entry.step:
                meta.append(f"étape : {entry.step.title}")
            if entry.indicator:
                meta.append(f"indicateur : {entry.indicator.name}")
            self._muted(" · ".join(meta))
            self._pair("Ce qui s'est passé", entry.what_happened)
            if entry.what_learned:
                self._pair("Ce que nous avons appris", entry.what_learned)
            if entry.what_changes:
                self._pair("Ce que cela change", entry.what_changes)

    def _evaluation(self) -> None:
        dossier = self.dossier
        self._chapter("Évaluation et indicateurs")
        if dossier.questions:
            self._heading("Questions évaluatives")
            self._bullets(
                [
                    question.question
                    + (f" ({question.get_criterion_display()})" if question.criterion else "")
                    for question in dossier.questions
                ],
                numbered=True,
            )
        if not dossier.indicators:
            self._muted("Aucun indicateur n'est défini.")
        for section in dossier.indicators:
            indicator = section.indicator
            self._heading(indicator.name)
            paragraph = self.document.add_paragraph()
            progress = section.progress.text
            if section.progress.percent is not None:
                progress += f" — {section.progress.percent} % du chemin vers la cible"
            self._run(paragraph, progress, bold=True).font.color.rgb = PRIMARY
            nature = capfirst(indicator.get_kind_display())
            if indicator.unit:
                nature += f", en {indicator.unit}"
            if indicator.is_quantitative:
                nature += f" ; amélioration {indicator.get_direction_display()}"
                if indicator.cumulative:
                    nature += " ; cumulatif"
            self._pair("Nature", nature)
            if indicator.question:
                self._pair("Question", indicator.question.question)
            if indicator.is_quantitative:
                self._pair("Départ", self._baseline(indicator), empty="—")
                self._pair("Cible", self._target(section), empty="—")
            else:
                levels = " ; ".join(f"{n}. {label}" for n, label in enumerate(indicator.scale, 1))
                self._pair("Échelle", levels, empty="non définie")
            if indicator.means_of_verification:
                self._pair("Vérification", indicator.means_of_verification)
            collection = capfirst(indicator.get_frequency_display())
            if indicator.owner:
                collection += f", par {indicator.owner}"
            if indicator.collection_method:
                collection += f" — {indicator.collection_method}"
            self._pair("Collecte", collection)
            if not section.measurements:
                self._muted("Pas encore de mesure.")
                continue
            self._picture(section.chart_svg, width=Cm(15))
            caption = (
                f"Les {len(section.shown_measurements)} dernières mesures sur "
                f"{len(section.measurements)}"
                if section.hidden_count
                else "Mesures"
            )
            self._table(
                ["Date", "Valeur" if indicator.is_quantitative else "Niveau", "Commentaire"],
                [
                    [
                        short_date(m.measured_on),
                        number(m.value, unit=indicator.unit)
                        if m.value is not None
                        else (m.level_label() or "—"),
                        m.comment,
                    ]
                    for m in section.shown_measurements
                ],
                caption=caption,
                numeric=frozenset({1}),
                widths=[2.6, 4, 10.4],
            )

    def _baseline(self, indicator) -> str:
        if indicator.baseline_value is None:
            return ""
        text = number(indicator.baseline_value, unit=indicator.unit)
        if indicator.baseline_date:
            text += f" au {short_date(indicator.baseline_date)}"
        if indicator.baseline_source:
            text += f" (source : {indicator.baseline_source})"
        return text

    def _target(self, section) -> str:
        indicator = section.indicator
        text = ""
        if indicator.target_value is not None:
            text = number(indicator.target_value, unit=indicator.unit)
            if indicator.target_date:
                text += f" au {short_date(indicator.target_date)}"
        if section.targets:
            steps = ", ".join(
                f"{number(target.value)} au {short_date(target.due_on)}"
                for target in section.targets
            )
            text += f"{' ; ' if text else ''}cibles intermédiaires : {steps}"
        return text

    def _verdicts(self) -> None:
        dossier = self.dossier
        self._chapter("Verdicts sur les hypothèses")
        if not dossier.hypotheses:
            self._muted("Aucune hypothèse n'est formulée.")
        for index, section in enumerate(dossier.hypotheses, start=1):
            self._heading(f"Hypothèse {index}")
            paragraph = self.document.add_paragraph()
            self._run(paragraph, section.hypothesis.statement, bold=True)
            if not section.verdicts:
                self._muted("Pas encore de verdict.")
            for position, verdict in enumerate(section.verdicts):
                label = capfirst(verdict.get_verdict_display())
                earlier = " (verdict antérieur)" if position else ""
                self._pair(label, f"le {long_date(verdict.decided_on)}{earlier}")
                self._text(verdict.rationale)
                measurements = list(verdict.measurements.all())
                if measurements:
                    self._pair(
                        "Mesures à l'appui",
                        " ; ".join(
                            f"{m.indicator.name} au {short_date(m.measured_on)} ("
                            + (
                                number(m.value, unit=m.indicator.unit)
                                if m.value is not None
                                else m.level_label()
                            )
                            + ")"
                            for m in measurements
                        ),
                    )
                entries = list(verdict.journal_entries.all())
                if entries:
                    self._pair(
                        "Entrées du journal à l'appui",
                        " ; ".join(f"« {e.title} » ({short_date(e.written_on)})" for e in entries),
                    )

    def _risks(self) -> None:
        self._chapter("Registre des risques")
        if not self.dossier.risks:
            self._muted("Aucun risque n'est inscrit au registre.")
            return
        self._table(
            [
                "Risque et mesures prévues",
                "Probabilité",
                "Impact",
                "Responsable",
                "Droit à l'erreur",
                "Statut",
            ],
            [
                [
                    risk.description + (f"\n{risk.mitigation}" if risk.mitigation else ""),
                    risk.get_likelihood_display(),
                    risk.get_impact_display(),
                    risk.owner or "—",
                    "accepté" if risk.accepted_as_right_to_error else "non",
                    risk.get_status_display(),
                ]
                for risk in self.dossier.risks
            ],
            widths=[6.4, 2.1, 1.8, 2.7, 2.2, 1.8],
        )

    def _decisions(self) -> None:
        self._chapter("Décisions d'arrêt ou de poursuite")
        if not self.dossier.decisions:
            self._muted("Aucune décision d'arrêt ou de poursuite n'a encore été prise.")
        for section in self.dossier.decisions:
            decision = section.decision
            self._heading(
                f"{capfirst(decision.get_kind_display())} — {long_date(decision.decided_on)}"
            )
            meta = ["À une étape de décision" if decision.at_gate else "Décision finale"]
            if decision.meeting:
                held_on = short_date(timezone.localdate(decision.meeting.starts_at))
                meta.append(f"{decision.meeting.body.name} du {held_on}")
            meta.append(
                f"étape « {decision.get_stage_before_display()} » → "
                f"« {decision.get_stage_after_display()} »"
            )
            self._muted(" · ".join(meta))
            self._text(decision.rationale)
            if section.assessments:
                self._table(
                    ["Critère", "Seuil", "Appréciation", "Commentaire"],
                    [
                        [
                            a.criterion.description,
                            a.criterion.threshold,
                            capfirst(a.get_assessment_display()),
                            a.comment,
                        ]
                        for a in section.assessments
                    ],
                    caption="Critères examinés",
                    widths=[4.5, 4.5, 3.5, 4.5],
                )

    def _history(self) -> None:
        self._chapter("Historique des étapes")
        if not self.dossier.stage_history:
            self._muted("Aucun changement d'étape n'est enregistré.")
            return
        self._table(
            ["Date", "Changement", "Par"],
            [
                [
                    short_date(timezone.localdate(entry.created_at)),
                    entry.summary,
                    str(entry.actor) if entry.actor else "—",
                ]
                for entry in self.dossier.stage_history
            ],
            widths=[2.6, 10, 4.4],
        )
