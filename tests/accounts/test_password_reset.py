import re

from django.urls import reverse

from essaim.accounts.tasks import send_password_reset
from tests.core.test_tasks import dummy_tasks  # noqa: F401 (a fixture)


def test_it_sends_a_french_reset_link_that_lets_the_user_choose_a_new_password(
    client, owner, mailoutbox, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(reverse("accounts:password_reset"), {"email": owner.email})
    assert response.status_code == 302
    assert len(mailoutbox) == 1
    message = mailoutbox[0]
    assert message.subject == "Essaim : choisir un nouveau mot de passe"
    assert message.to == [owner.email]
    link = re.search(r"http://testserver(/compte/mot-de-passe/nouveau/\S+)", message.body).group(1)

    form_page = client.get(link, follow=True)
    # The token is exchanged for the session: the form's address does not carry it.
    assert form_page.redirect_chain[-1][0].endswith("/set-password/")
    assert "Choisir un nouveau mot de passe" in form_page.content.decode()
    response = client.post(
        form_page.redirect_chain[-1][0],
        {"new_password1": "Colline-de-Saillans-2014", "new_password2": "Colline-de-Saillans-2014"},
    )
    assert response.status_code == 302
    owner.refresh_from_db()
    assert owner.check_password("Colline-de-Saillans-2014")


def test_it_says_the_same_thing_for_an_unknown_address_and_sends_nothing(
    client, db, mailoutbox, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(
            reverse("accounts:password_reset"), {"email": "inconnu@example.org"}, follow=True
        )
    assert "Vérifiez votre messagerie" in response.content.decode()
    assert mailoutbox == []


def test_a_used_link_is_refused_in_french(client, owner):
    response = client.get(reverse("accounts:password_reset_confirm", args=["MQ", "mauvais-jeton"]))
    assert "Ce lien n'est plus valable" in response.content.decode()


def test_known_and_unknown_addresses_get_the_same_answer_after_the_same_work(
    client,
    owner,
    mailoutbox,
    dummy_tasks,  # noqa: F811 (the fixture imported)
    django_capture_on_commit_callbacks,
):
    """The request only enqueues a task, whatever the address: the worker looks it up."""
    responses = []
    for email in (owner.email, "inconnu@example.org"):
        with django_capture_on_commit_callbacks(execute=True) as callbacks:
            responses.append(client.post(reverse("accounts:password_reset"), {"email": email}))
        assert len(callbacks) == 1

    known, unknown = responses
    assert (known.status_code, known["Location"]) == (unknown.status_code, unknown["Location"])
    assert mailoutbox == []  # nothing is sent within the request
    assert [(result.task, result.kwargs) for result in dummy_tasks.results] == [
        (send_password_reset, {"email": owner.email, "domain": "testserver", "use_https": False}),
        (
            send_password_reset,
            {"email": "inconnu@example.org", "domain": "testserver", "use_https": False},
        ),
    ]

    for result in dummy_tasks.results:
        result.task.call(**result.kwargs)

    assert [message.to for message in mailoutbox] == [[owner.email]]
