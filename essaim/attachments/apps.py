from django.apps import AppConfig


class AttachmentsConfig(AppConfig):
    name = "essaim.attachments"
    verbose_name = "Pièces jointes"
