from django.forms.renderers import DjangoTemplates


class EssaimFormRenderer(DjangoTemplates):
    """Renders every form with our accessible markup: visible labels, « (facultatif) » on
    optional fields, help and errors tied to their input by ``aria-describedby``."""

    form_template_name = "core/forms/form.html"
    field_template_name = "core/forms/field.html"
