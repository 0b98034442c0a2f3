"""The mail backend of the demo: each e-mail printed in the terminal as a person reads it.

Django's console backend prints the message as it travels (quoted-printable bodies, « =C3=A9 »
for « é », long links cut by soft line breaks); this one prints the headers decoded, the text
parts as text and the name of each attachment.
"""

from email.message import EmailMessage as MimeMessage

from django.core.mail.backends.console import EmailBackend as DjangoConsoleBackend

HEADERS = ("From", "To", "Cc", "Reply-To", "Subject", "Date")


def readable_text(message: MimeMessage) -> str:
    """The headers, the decoded text parts and the attachments of ``message``."""
    lines = [f"{name}: {message[name]}" for name in HEADERS if message[name] is not None]
    for part in message.walk():
        if part.is_multipart():
            continue
        filename = part.get_filename()
        if filename is None and part.get_content_maintype() == "text":
            lines += ["", part.get_content().rstrip("\n")]
        else:
            size = len(part.get_payload(decode=True) or b"")
            kind = part.get_content_type()
            lines += ["", f"[Pièce jointe : {filename or 'sans nom'} ({kind}, {size} octets)]"]
    return "\n".join(lines)


class EmailBackend(DjangoConsoleBackend):
    def write_message(self, message) -> None:
        self.stream.write(readable_text(message.message()) + "\n")
        self.stream.write("-" * 79 + "\n")
