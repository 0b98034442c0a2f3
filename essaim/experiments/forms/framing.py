"""Forms of the framing (cadrage): one per step of the guided form, and the forms of the small
things the framing lists (hypotheses, fundings, partners, stop/go criteria)."""

from django import forms
from django.db.models import Q
from django.utils.safestring import mark_safe

from essaim.core.bounds import BoundedModelForm
from essaim.core.concurrency import VersionedFormMixin
from essaim.experiments.models import (
    Experiment,
    Funding,
    Hypothesis,
    LegalBasis,
    Nature,
    NeedOrigin,
    ObjectType,
    Partner,
    PurposeType,
    StopGoCriterion,
)
from essaim.lib import french
from essaim.organisations.models import Organisation
from essaim.territories.models import Territory
from essaim.themes.fields import ThemeChoiceField

DATE_WIDGET = forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d")


def _textarea(rows: int = 4) -> forms.Textarea:
    return forms.Textarea(attrs={"rows": rows})


class FramingStepForm(VersionedFormMixin, BoundedModelForm):
    """One step of the guided framing form: it changes the experiment it is given."""

    def __init__(self, *args, user, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        self.user = user


class NeedForm(FramingStepForm):
    theme = ThemeChoiceField()
    need_origins = forms.MultipleChoiceField(
        label="D'où vient ce besoin ?",
        choices=NeedOrigin.choices,
        required=False,
        widget=forms.CheckboxSelectMultiple,
        help_text="Les enjeux de transition poussent à inventer et tester de nouvelles "
        "solutions ; une crise ou un besoin resté sans réponse aussi. Cochez tout ce qui "
        "s'applique.",
    )

    class Meta:
        model = Experiment
        fields = [
            "title",
            "theme",
            "summary",
            "carrier",
            "need",
            "need_origins",
            "need_origin_detail",
            "purposes",
        ]
        labels = {
            "title": "Titre",
            "theme": "Thème",
            "summary": "En une phrase",
            "carrier": "Structure porteuse",
            "need": "Quel besoin ou quel problème ?",
            "need_origin_detail": "Précisions sur l'origine du besoin",
            "purposes": "Quelles finalités ?",
        }
        help_texts = {
            "carrier": "L'organisation qui porte l'expérimentation, choisie dans l'annuaire.",
            "need": "Ce qui ne va pas aujourd'hui, pour qui, et comment vous le savez.",
            "need_origin_detail": "Par exemple : une étude, une demande d'habitants, "
            "la fermeture d'un service.",
            "purposes": "Pourquoi expérimenter : ce que vous voulez changer au bout du compte.",
        }
        widgets = {
            "summary": _textarea(2),
            "need": _textarea(5),
            "need_origin_detail": _textarea(3),
            "purposes": _textarea(4),
        }

    def __init__(self, *args, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        self.fields["carrier"].queryset = Organisation.objects.order_by("name")
        self.fields["carrier"].empty_label = "Aucune pour l'instant"
        self.fields["theme"].offer(self.instance.theme_id)


class TypeForm(FramingStepForm):
    purpose_type = forms.ChoiceField(
        label="Que cherchez-vous d'abord ?",
        choices=PurposeType.choices,
        required=False,
        widget=forms.RadioSelect,
        help_text="Le type d'expérimentation selon sa finalité.",
    )
    object_type = forms.ChoiceField(
        label="Qu'expérimentez-vous ?",
        choices=ObjectType.choices,
        required=False,
        widget=forms.RadioSelect,
        help_text="Le type d'expérimentation selon son objet.",
    )
    nature = forms.ChoiceField(
        label="Expérience ou expérimentation ?",
        choices=Nature.choices,
        required=False,
        widget=forms.RadioSelect,
        # Help texts are escaped when shown; this one is our own markup.
        help_text=mark_safe(
            "Une <strong>expérience</strong>, c'est quelque chose que l'on essaie. Une "
            "<strong>expérimentation</strong> relève d'une démarche bien spécifique : cadrée au "
            "démarrage, limitée dans le temps, pilotée et évaluée, avec un droit à l'erreur ; "
            "elle débouche sur une décision (arrêter, ajuster, poursuivre, pérenniser, changer "
            "d'échelle). Une expérience peut devenir une expérimentation quand on la cadre."
        ),
    )

    class Meta:
        model = Experiment
        fields = ["purpose_type", "object_type", "nature"]


class TerritoryChoiceField(forms.ModelMultipleChoiceField):
    def label_from_instance(self, territory: Territory) -> str:
        count = territory.commune_count
        return (
            f"{territory.name} — {territory.get_kind_display()}, "
            f"{count} {french.plural(count, 'commune')}, {french.inhabitants(territory.population)}"
        )


class PerimeterForm(FramingStepForm):
    territories = TerritoryChoiceField(
        label="Sur quels territoires ?",
        queryset=Territory.objects.none(),
        required=False,
        widget=forms.CheckboxSelectMultiple(attrs={"class": "choice-list--scroll"}),
        help_text="Les territoires que vous voyez dans Essaim. Un périmètre manque ? Créez-le "
        "d'abord dans la rubrique Territoires, à partir d'une commune, d'un EPCI ou commune "
        "par commune.",
    )

    class Meta:
        model = Experiment
        fields = ["target_public", "territories"]
        labels = {"target_public": "Pour quel public ?"}
        help_texts = {
            "target_public": "Qui doit en bénéficier, et combien de personnes environ.",
        }
        widgets = {"target_public": _textarea(3)}

    def __init__(self, *args, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        visible = Territory.objects.visible_to(self.user).values("pk")
        # A territory already chosen stays chosen even for someone who may not see it.
        chosen = Territory.objects.filter(experiments=self.instance).values("pk")
        self.fields["territories"].queryset = (
            Territory.objects.filter(Q(pk__in=visible) | Q(pk__in=chosen))
            .with_stats()
            .order_by("name", "pk")
        )


class CalendarForm(FramingStepForm):
    class Meta:
        model = Experiment
        fields = ["start_date", "end_date"]
        labels = {"start_date": "Date de début", "end_date": "Date de fin"}
        help_texts = {
            "end_date": "Une expérimentation est limitée dans le temps : fixez son terme dès "
            "le cadrage.",
        }
        widgets = {"start_date": DATE_WIDGET, "end_date": DATE_WIDGET}

    def clean(self) -> dict:
        data = super().clean()
        start, end = data.get("start_date"), data.get("end_date")
        if start and end and end < start:
            self.add_error("end_date", "La date de fin doit suivre la date de début.")
        return data


class EvaluationForm(FramingStepForm):
    class Meta:
        model = Experiment
        fields = ["success_conditions", "evaluation_method"]
        labels = {
            "success_conditions": "À quelles conditions direz-vous qu'elle a réussi ?",
            "evaluation_method": "Comment l'évaluerez-vous ?",
        }
        help_texts = {
            "success_conditions": "Ce qui doit être vrai à la fin pour poursuivre, "
            "pérenniser ou changer d'échelle.",
            "evaluation_method": "Décidée avant le démarrage : qui évalue, avec quelles "
            "données, à quels moments. Les indicateurs se détaillent ensuite dans l'onglet "
            "Évaluation.",
        }
        widgets = {"success_conditions": _textarea(4), "evaluation_method": _textarea(4)}


class RisksForm(FramingStepForm):
    class Meta:
        model = Experiment
        fields = ["possible_failures", "reversibility", "failure_lessons"]
        labels = {
            "possible_failures": "Qu'est-ce qui peut échouer ?",
            "reversibility": "Qu'est-ce qui est réversible ?",
            "failure_lessons": "Qu'apprendrait un échec ?",
        }
        help_texts = {
            "possible_failures": "Expérimenter, c'est accepter une prise de risque : nommez-la.",
            "reversibility": "Ce que l'on pourra défaire sans dommage si l'on s'arrête.",
            "failure_lessons": "Le droit à l'erreur : un échec documenté est un résultat.",
        }
        widgets = {
            "possible_failures": _textarea(4),
            "reversibility": _textarea(3),
            "failure_lessons": _textarea(3),
        }


class ActorsForm(FramingStepForm):
    class Meta:
        model = Experiment
        fields = ["public_actors", "legal_basis", "legal_reference"]
        labels = {
            "public_actors": "Quels liens avec les acteurs publics et les institutions ?",
            "legal_basis": "L'expérimentation écarte-t-elle une règle ?",
            "legal_reference": "Référence du texte ou de la délibération",
        }
        help_texts = {
            "public_actors": "Collectivités, services de l'État, agences, élus associés : "
            "leur intérêt, les difficultés, les points de vigilance.",
            "legal_basis": "Une loi ou un règlement peut comporter des dispositions à "
            "caractère expérimental (Constitution, art. 37-1) ; une collectivité peut, "
            "lorsque la loi l'y autorise, déroger à titre expérimental aux dispositions qui "
            "régissent l'exercice de ses compétences (Constitution, art. 72 al. 4).",
            "legal_reference": "Obligatoire si une règle est écartée : la référence du texte "
            "expérimental, ou la référence de la délibération de la collectivité (date et "
            "numéro).",
        }
        widgets = {"public_actors": _textarea(4), "legal_basis": forms.RadioSelect}

    def clean(self) -> dict:
        data = super().clean()
        basis = data.get("legal_basis")
        if basis and basis != LegalBasis.NONE and not data.get("legal_reference", "").strip():
            if basis == LegalBasis.LOCAL_DEROGATION:
                message = (
                    "Indiquez la référence de la délibération de la collectivité qui décide "
                    "de la dérogation (Constitution, art. 72 al. 4)."
                )
            else:
                message = (
                    "Indiquez la référence de la loi ou du règlement expérimental qui "
                    "autorise à écarter la règle (Constitution, art. 37-1)."
                )
            self.add_error("legal_reference", message)
        return data


# The small things the framing lists ---------------------------------------------------------


class HypothesisForm(VersionedFormMixin, BoundedModelForm):
    class Meta:
        model = Hypothesis
        fields = ["statement", "rationale"]
        help_texts = {
            "statement": "Formulée pour pouvoir être vérifiée : « Si…, alors… ». Par exemple : "
            "« Si les arrêts sont signalés, alors au moins 150 trajets seront partagés "
            "chaque mois ».",
            "rationale": "Une observation, une étude, une expérience ailleurs.",
        }
        widgets = {"statement": _textarea(3), "rationale": _textarea(3)}


class FundingForm(VersionedFormMixin, BoundedModelForm):
    amount = forms.DecimalField(
        label="Montant (€)", min_value=0, max_digits=12, decimal_places=2, localize=True
    )

    class Meta:
        model = Funding
        fields = ["funder", "funder_name", "kind", "amount", "secured", "note"]
        labels = {
            "funder": "Financeur dans l'annuaire",
            "funder_name": "Ou son nom, s'il n'est pas dans l'annuaire",
            "kind": "Nature du financement",
            "secured": "Financement acquis",
        }
        help_texts = {"secured": "Décochez tant que la décision du financeur n'est pas prise."}

    def __init__(self, *args, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        self.fields["funder"].queryset = Organisation.objects.order_by("name")
        self.fields["funder"].empty_label = "Pas dans l'annuaire"

    def clean(self) -> dict:
        data = super().clean()
        if not data.get("funder") and not data.get("funder_name", "").strip():
            self.add_error(
                "funder_name", "Choisissez le financeur dans l'annuaire ou écrivez son nom."
            )
        return data


class PartnerForm(VersionedFormMixin, BoundedModelForm):
    class Meta:
        model = Partner
        fields = ["organisation", "role", "contribution"]
        labels = {"contribution": "Son apport"}
        help_texts = {
            "organisation": "Une organisation manque ? Ajoutez-la d'abord à l'annuaire des "
            "organisations.",
            "contribution": "Moyens humains, financiers, techniques, savoir-faire, réseau…",
        }
        widgets = {"contribution": _textarea(3)}

    def __init__(self, *args, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        self.fields["organisation"].queryset = Organisation.objects.order_by("name")

    def clean(self) -> dict:
        data = super().clean()
        organisation, role = data.get("organisation"), data.get("role")
        if organisation and role:
            taken = Partner.objects.filter(
                experiment=self.instance.experiment, organisation=organisation, role=role
            ).exclude(pk=self.instance.pk)
            if taken.exists():
                self.add_error("role", "Cette organisation a déjà ce rôle dans l'expérimentation.")
        return data


class StopGoCriterionForm(VersionedFormMixin, BoundedModelForm):
    class Meta:
        model = StopGoCriterion
        fields = ["description", "threshold", "review_date"]
        labels = {"description": "Critère", "review_date": "Date d'examen"}
        help_texts = {
            "description": "Ce que l'on regardera pour décider d'arrêter, d'ajuster ou de "
            "poursuivre.",
            "review_date": "Quand le comité de pilotage l'examinera.",
        }
        widgets = {"review_date": DATE_WIDGET}
