from django.tasks import TaskResultStatus

from essaim.mail.tasks import attachment, send_email


def test_the_immediate_backend_sends_at_once(db, mailoutbox):
    result = send_email.enqueue(subject="Essai", body="Bonjour", to=["a@example.org"])
    assert result.status == TaskResultStatus.SUCCESSFUL
    assert mailoutbox[0].subject == "Essai"


def test_attachments_travel_through_the_task_arguments(db, mailoutbox):
    calendar = b"BEGIN:VCALENDAR\r\nEND:VCALENDAR\r\n"
    send_email.enqueue(
        subject="Votre inscription",
        body="Bonjour",
        to=["a@example.org"],
        attachments=[attachment("session.ics", calendar, "text/calendar")],
    )
    (name, content, mimetype) = mailoutbox[0].attachments[0]
    assert (name, mimetype) == ("session.ics", "text/calendar")
    assert (content.encode() if isinstance(content, str) else content) == calendar
