import re

from django.urls import reverse


def test_it_sends_a_french_reset_link_that_lets_the_user_choose_a_new_password(
    client, owner, mailoutbox
):
    response = client.post(reverse("accounts:password_reset"), {"email": owner.email})
    assert response.status_code == 302
    assert len(mailoutbox) == 1
    message = mailoutbox[0]
    assert message.subject == "Essaim : choisir un nouveau mot de passe"
    assert message.to == [owner.email]
    link = re.search(r"http://testserver(/compte/mot-de-passe/nouveau/\S+)", message.body).group(1)

    form_page = client.get(link, follow=True)
    assert "Choisir un nouveau mot de passe" in form_page.content.decode()
    response = client.post(
        form_page.redirect_chain[-1][0],
        {"new_password1": "Colline-de-Saillans-2014", "new_password2": "Colline-de-Saillans-2014"},
    )
    assert response.status_code == 302
    owner.refresh_from_db()
    assert owner.check_password("Colline-de-Saillans-2014")


def test_it_says_the_same_thing_for_an_unknown_address_and_sends_nothing(client, db, mailoutbox):
    response = client.post(
        reverse("accounts:password_reset"), {"email": "inconnu@example.org"}, follow=True
    )
    assert "Vérifiez votre messagerie" in response.content.decode()
    assert mailoutbox == []


def test_a_used_link_is_refused_in_french(client, owner):
    response = client.get(reverse("accounts:password_reset_confirm", args=["MQ", "mauvais-jeton"]))
    assert "Ce lien n'est plus valable" in response.content.decode()
