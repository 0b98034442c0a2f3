from django.apps import AppConfig


class MailConfig(AppConfig):
    name = "essaim.mail"
    verbose_name = "Courrier sortant"
