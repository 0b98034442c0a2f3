"""The password reset e-mail is decided and sent by the worker: the request that asks for it
does the same work whether an account has the address or not."""

from django.contrib.auth.forms import PasswordResetForm
from django.tasks import task

SUBJECT_TEMPLATE = "accounts/password_reset_subject.txt"
EMAIL_TEMPLATE = "accounts/password_reset_email.txt"


@task()
def send_password_reset(*, email: str, domain: str, use_https: bool) -> bool:
    """E-mail a link to choose a new password to each active account of ``email`` (none when
    no account has it); returns whether the address was valid."""
    form = PasswordResetForm({"email": email})
    if not form.is_valid():
        return False
    form.save(
        domain_override=domain,
        use_https=use_https,
        subject_template_name=SUBJECT_TEMPLATE,
        email_template_name=EMAIL_TEMPLATE,
    )
    return True
