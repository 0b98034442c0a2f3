"""``essaim worker``: runs background tasks stored in the database (django-tasks-db)."""

from django_tasks_db.management.commands.db_worker import Command as DatabaseWorkerCommand


class Command(DatabaseWorkerCommand):
    help = "Exécute les tâches de fond (envois d'e-mails, documents, imports) au fil de l'eau."
