from django.apps import AppConfig


class LibraryConfig(AppConfig):
    name = "essaim.library"
    verbose_name = "Bibliothèque des expériences"
