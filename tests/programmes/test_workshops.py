"""The inter-territory workshops and the seminars: the participants of the territories taking
part invited (and those named since, on asking again), the invitation e-mailed with its
calendar file, the attendance recorded in one go and counted by territory, the outputs written
without undoing someone else's; a seminar dated, or organised as a training session."""

import datetime
from decimal import Decimal

import pytest
from django.core import mail
from django.urls import reverse
from icalendar import Calendar

from essaim.programmes.models import (
    Category,
    Claimant,
    ContactKind,
    ContactRole,
    EventKind,
    ExpenseClaim,
    Seminar,
    TerritoryContact,
    TerritoryStatus,
    Workshop,
)
from essaim.programmes.services.workshops import (
    attendance_by_territory,
    create_seminar,
    create_workshop,
    invitations_of,
    record_attendance,
)
from essaim.roles.models import Role
from essaim.trainings.models import Format, TrainingSession
from tests.conftest import client_for
from tests.programmes.conftest import add_contacts, add_territory
from tests.registrations.factories import RegistrationFactory

pytestmark = pytest.mark.django_db

DAY = datetime.date(2015, 6, 18)


def workshop_data(theme=None, **changes) -> dict:
    data = {
        "title": "Mieux organiser l'ingénierie",
        "theme": theme.pk if theme else "",
        "date": "2015-06-18",
        "start_time": "09:30",
        "end_time": "16:30",
        "place": "Salle du conseil, Die",
        "description": "Partager les organisations de l'ingénierie territoriale.",
    }
    return {**data, **changes}


def confirmed_territory(programme, name: str, participants: int = 3):
    territory = add_territory(
        programme, name, TerritoryStatus.CONFIRMED, commitment_on=datetime.date(2015, 1, 10)
    )
    add_contacts(territory, participants)
    return territory


@pytest.fixture
def workshop(programme, confirmed, themes, editor) -> Workshop:
    workshop = Workshop(
        programme=programme,
        title="Mieux organiser l'ingénierie",
        theme=themes["Ingénierie territoriale"],
        date=DAY,
        start_time=datetime.time(9, 30),
        end_time=datetime.time(16, 30),
        place="Salle du conseil, Die",
    )
    create_workshop(workshop=workshop, by=editor)
    return workshop


def invited_names(workshop) -> list[tuple[str, str]]:
    return sorted(invitations_of(workshop).values_list("contact__territory__name", "contact__name"))


def attendance_post(workshop, answers: dict[str, str]) -> dict:
    """The attendance form: ``answers`` by participant name, the others left as they are."""
    data = {}
    for invitation in invitations_of(workshop):
        current = {True: "present", False: "absent", None: ""}[invitation.attended]
        data[f"invitation-{invitation.pk}-attended"] = answers.get(invitation.contact.name, current)
    return data


# Invitations ------------------------------------------------------------------------------------


def test_it_invites_the_participants_of_the_confirmed_territories_only(
    programme, confirmed, themes, editor
):
    withdrawn = add_territory(programme, "Val de Sèvre", TerritoryStatus.WITHDRAWN)
    add_contacts(withdrawn)
    candidate = add_territory(programme, "Haut-Bocage", TerritoryStatus.PARTICIPANTS)
    add_contacts(candidate)
    url = reverse("programmes:add_workshop", args=[programme.pk])
    response = client_for(editor).post(url, workshop_data(themes["Ingénierie territoriale"]))
    workshop = Workshop.objects.get()
    assert response.url == workshop.get_absolute_url()
    assert workshop.theme == themes["Ingénierie territoriale"]
    assert invited_names(workshop) == [
        ("Pays des Trois Vallées", "Participant 1"),
        ("Pays des Trois Vallées", "Participant 2"),
        ("Pays des Trois Vallées", "Participant 3"),
    ]  # neither the referent, nor the withdrawn territory, nor the candidate
    assert programme.history().first().summary == (
        "Atelier « Mieux organiser l'ingénierie » prévu le 18 juin 2015 : 3 participants invités"
    )


def test_the_theme_is_one_of_the_programme(programme, confirmed, themes, editor):
    from essaim.programmes.models import Programme, Theme

    other = Programme.objects.create(
        title="Autre", slug="autre", start_date=DAY, end_date=DAY + datetime.timedelta(days=9)
    )
    foreign = Theme.objects.create(programme=other, name="Tourisme")
    url = reverse("programmes:add_workshop", args=[programme.pk])
    response = client_for(editor).post(url, workshop_data(foreign))
    assert response.status_code == 200
    assert "Sélectionnez un choix valide" in response.text
    assert not Workshop.objects.exists()


@pytest.mark.parametrize(
    ("changes", "message"),
    [
        ({"end_time": ""}, "Indiquez le début et la fin, ou ni l&#x27;un ni l&#x27;autre."),
        ({"end_time": "09:00"}, "La fin de l&#x27;atelier doit suivre son début."),
    ],
)
def test_hours_out_of_order_are_refused(programme, confirmed, editor, changes, message):
    url = reverse("programmes:add_workshop", args=[programme.pk])
    response = client_for(editor).post(url, workshop_data(**changes))
    assert message in response.text
    assert not Workshop.objects.exists()


def test_inviting_again_adds_only_the_newcomers(programme, confirmed, workshop, editor):
    first = invitations_of(workshop).get(contact__name="Participant 1")
    record_attendance(workshop=workshop, attendance={first.pk: (None, True)}, by=editor)
    TerritoryContact.objects.create(
        territory=confirmed,
        kind=ContactKind.PARTICIPANT,
        name="Lucie Marchand",
        role=ContactRole.CIVIL_SOCIETY,
    )
    confirmed_territory(programme, "Pays du Diois", participants=2)
    client = client_for(editor)
    page = client.get(workshop.get_absolute_url()).text
    assert "3 participants des territoires pas encore invités" in page
    url = reverse("programmes:invite_participants", args=[programme.pk, workshop.pk])
    response = client.post(url, follow=True)
    assert "Invités à l&#x27;atelier : Lucie Marchand, Participant 1 et Participant 2." in (
        response.text
    )
    assert invitations_of(workshop).count() == 6
    first.refresh_from_db()
    assert first.attended is True  # left as it was
    again = client.post(url, follow=True)
    assert "Tous les participants des territoires sont déjà invités." in again.text
    assert invitations_of(workshop).count() == 6
    assert "pas encore invité" not in again.text


def test_the_invitation_is_emailed_with_its_calendar_file(
    programme, confirmed, workshop, editor, django_capture_on_commit_callbacks
):
    TerritoryContact.objects.filter(name="Participant 1").update(email="p1@example.org")
    TerritoryContact.objects.filter(name="Participant 2").update(email="p2@example.org")
    url = reverse("programmes:send_workshop_invitation", args=[programme.pk, workshop.pk])
    with django_capture_on_commit_callbacks(execute=True):
        response = client_for(editor).post(url, follow=True)
    assert (
        "L&#x27;invitation est envoyée à Participant 1 et Participant 2, avec son fichier "
        "calendrier. Sans adresse e-mail : Participant 3."
    ) in response.text
    assert sorted(message.to[0] for message in mail.outbox) == [
        "p1@example.org",
        "p2@example.org",
    ]
    message = next(message for message in mail.outbox if message.to == ["p1@example.org"])
    assert len(message.to) == 1  # no one reads the others' addresses
    assert message.subject == "Essaim : invitation à l'atelier « Mieux organiser l'ingénierie »"
    assert "Bonjour Participant 1," in message.body
    assert "Date : jeudi 18 juin 2015, de 9h30 à 16h30" in message.body
    assert "Thème : Ingénierie territoriale" in message.body
    ((filename, content, mimetype),) = message.attachments
    assert mimetype == "text/calendar"
    assert filename == "atelier-mieux-organiser-lingenierie-2015-06-18.ics"
    (event,) = Calendar.from_ical(content).walk("VEVENT")
    assert str(event["SUMMARY"]) == "Mieux organiser l'ingénierie — atelier inter-territoires"
    assert str(event["LOCATION"]) == "Salle du conseil, Die"
    sent = dict(invitations_of(workshop).values_list("contact__name", "invited_at"))
    assert sent["Participant 1"] and sent["Participant 2"] and sent["Participant 3"] is None
    assert programme.history().first().summary == (
        "Invitation à l'atelier « Mieux organiser l'ingénierie » envoyée à Participant 1 et "
        "Participant 2"
    )


def test_without_any_address_nothing_is_sent(
    programme, workshop, editor, django_capture_on_commit_callbacks
):
    url = reverse("programmes:send_workshop_invitation", args=[programme.pk, workshop.pk])
    with django_capture_on_commit_callbacks(execute=True):
        response = client_for(editor).post(url, follow=True)
    assert "aucun participant invité n&#x27;a d&#x27;adresse e-mail" in response.text
    assert mail.outbox == []


def test_the_workshop_is_a_calendar_file(programme, workshop, reader):
    url = reverse("programmes:workshop_ics", args=[programme.pk, workshop.pk])
    response = client_for(reader).get(url)
    assert response["Content-Type"].startswith("text/calendar")
    (event,) = Calendar.from_ical(response.content).walk("VEVENT")
    assert event.decoded("DTSTART").astimezone(datetime.UTC) == datetime.datetime(
        2015, 6, 18, 7, 30, tzinfo=datetime.UTC
    )
    assert "Thème : Ingénierie territoriale" in str(event["DESCRIPTION"])


# Attendance -------------------------------------------------------------------------------------


def test_attendance_is_recorded_in_one_post_and_counted_by_territory(
    programme, workshop, editor, contributor
):
    confirmed_territory(programme, "Pays du Diois", participants=2)
    client_for(editor).post(
        reverse("programmes:invite_participants", args=[programme.pk, workshop.pk])
    )
    url = reverse("programmes:record_attendance", args=[programme.pk, workshop.pk])
    data = attendance_post(workshop, {})
    diois = invitations_of(workshop).filter(contact__territory__name="Pays du Diois")
    trois_vallees = invitations_of(workshop).filter(
        contact__territory__name="Pays des Trois Vallées"
    )
    # The participants of two territories bear the same names: set them by pk.
    for invitation in trois_vallees:
        data[f"invitation-{invitation.pk}-attended"] = "present"
    data[f"invitation-{trois_vallees.get(contact__name='Participant 3').pk}-attended"] = "absent"
    data[f"invitation-{diois.get(contact__name='Participant 1').pk}-attended"] = "present"
    response = client_for(contributor).post(url, data)
    assert response.status_code == 302
    invitations = list(invitations_of(workshop))
    counts = {
        group.territory.name: (group.present, group.absent, group.unknown)
        for group in attendance_by_territory(invitations)
    }
    assert counts == {"Pays des Trois Vallées": (2, 1, 0), "Pays du Diois": (1, 0, 1)}
    assert programme.history().first().summary == (
        "Présences à l'atelier « Mieux organiser l'ingénierie » notées : 3 présents, 1 absent "
        "sur 5 invités"
    )
    page = client_for(contributor).get(workshop.get_absolute_url()).text
    assert 'Pays du Diois <span class="help">— 1 présent, 0 absent, 1 non renseigné' in page
    tab = client_for(contributor).get(reverse("programmes:workshops", args=[programme.pk])).text
    assert '<td class="num">5</td>\n        <td class="num">3</td>' in tab
    # Back to « non renseigné ».
    data[f"invitation-{diois.get(contact__name='Participant 1').pk}-attended"] = ""
    client_for(contributor).post(url, data)
    assert diois.get(contact__name="Participant 1").attended is None


def test_an_unknown_answer_is_refused_and_nothing_changes(programme, workshop, contributor):
    url = reverse("programmes:record_attendance", args=[programme.pk, workshop.pk])
    data = attendance_post(workshop, {"Participant 1": "present", "Participant 2": "peut-etre"})
    response = client_for(contributor).post(url, data)
    assert response.status_code == 200
    assert "Choisissez présent, absent ou non renseigné pour chacun." in response.text
    assert not invitations_of(workshop).filter(attended__isnull=False).exists()


# Outputs ----------------------------------------------------------------------------------------


def test_the_outputs_are_saved_and_a_conflicting_change_is_refused(
    programme, workshop, contributor, editor
):
    url = reverse("programmes:edit_workshop_outputs", args=[programme.pk, workshop.pk])
    page = client_for(contributor).get(workshop.get_absolute_url())
    version = page.context["outputs_form"]["version"].value()
    response = client_for(editor).post(
        url, {"outputs": "Une ingénierie mutualisée à l'échelle du pays.", "version": version}
    )
    assert response.status_code == 302
    workshop.refresh_from_db()
    assert workshop.outputs == "Une ingénierie mutualisée à l'échelle du pays."
    assert programme.history().first().summary == (
        "Notes de l'atelier « Mieux organiser l'ingénierie » modifiées"
    )
    # The contributor sends the notes they loaded before the editor's.
    response = client_for(contributor).post(
        url, {"outputs": "Trois structures, un seul guichet.", "version": version}
    )
    assert response.status_code == 200
    assert "modifié par quelqu&#x27;un d&#x27;autre" in response.text
    assert "Trois structures, un seul guichet." in response.text  # what they typed is kept
    workshop.refresh_from_db()
    assert workshop.outputs == "Une ingénierie mutualisée à l'échelle du pays."


def test_the_workshop_page_lists_the_invitations_and_the_files(programme, workshop, reader):
    page = client_for(reader).get(workshop.get_absolute_url())
    text = page.text
    assert "Pays des Trois Vallées" in text
    assert "Participant 1" in text and "Élu" in text and "Société civile" in text
    assert "Pièces jointes" in text
    assert "Enregistrer les présences" not in text  # a reader reads
    assert page.context["attachment_form"] is None


def test_a_contributor_attaches_the_files_of_the_workshop(programme, workshop, contributor):
    from essaim.attachments.models import AttachmentKind
    from tests.attachments.conftest import pdf_file

    client = client_for(contributor)
    page = client.get(workshop.get_absolute_url())
    url = page.context["attachment_upload_url"]
    data = {"kind": AttachmentKind.MINUTES, "title": "Compte rendu", "file": pdf_file()}
    response = client.post(url, {**data, "next": workshop.get_absolute_url()})
    assert response.url == workshop.get_absolute_url()
    assert "Compte rendu" in client.get(workshop.get_absolute_url()).text


def test_a_workshop_with_expenses_is_not_deleted(programme, workshop, confirmed, editor):
    ExpenseClaim.objects.create(
        programme=programme,
        claimant_kind=Claimant.REPRESENTATIVE,
        claimant_name="Participant 1",
        event_kind=EventKind.WORKSHOP,
        workshop=workshop,
        category=Category.MEAL,
        spent_on=DAY,
        amount=Decimal("18.50"),
    )
    url = reverse("programmes:delete_workshop", args=[programme.pk, workshop.pk])
    response = client_for(editor).post(url, follow=True)
    assert "Des frais sont déclarés pour cet atelier" in response.text
    assert Workshop.objects.filter(pk=workshop.pk).exists()
    ExpenseClaim.objects.all().delete()
    client_for(editor).post(url)
    assert not Workshop.objects.exists()
    assert programme.history().first().summary == (
        "Atelier « Mieux organiser l'ingénierie » supprimé"
    )


# Seminars ---------------------------------------------------------------------------------------


def seminar_data(**changes) -> dict:
    data = {
        "title": "Séminaire de restitution",
        "date": "2015-11-26",
        "place": "Maison de la Région, Lyon",
        "description": "Les enseignements de l'écoute et des ateliers.",
    }
    return {**data, **changes}


def test_a_seminar_with_registrations_creates_a_linked_unpublished_session(programme, editor):
    url = reverse("programmes:add_seminar", args=[programme.pk])
    response = client_for(editor).post(url, seminar_data(with_registrations="on"))
    assert response.status_code == 302
    seminar = Seminar.objects.select_related("session").get()
    session = seminar.session
    assert session is not None
    assert (session.title, session.start_date, session.end_date) == (
        "Séminaire de restitution",
        datetime.date(2015, 11, 26),
        datetime.date(2015, 11, 26),
    )
    assert session.venue == "Maison de la Région, Lyon"
    assert session.format == Format.IN_PERSON
    assert not session.published
    assert session.slug == "seminaire-de-restitution-2015-11-26"
    assert session.role_of(editor) == Role.OWNER
    assert programme.history().first().summary == (
        "Séminaire « Séminaire de restitution » prévu le 26 novembre 2015 avec inscriptions "
        "(session non publiée)"
    )
    RegistrationFactory(session=session)
    RegistrationFactory(session=session)
    tab = client_for(editor).get(reverse("programmes:workshops", args=[programme.pk])).text
    assert reverse("trainings:manage", args=[session.pk]) in tab
    assert "2 inscrits confirmés" in tab
    assert "non publiée" in tab


def test_a_seminar_with_registrations_needs_a_place(programme, editor):
    url = reverse("programmes:add_seminar", args=[programme.pk])
    response = client_for(editor).post(url, seminar_data(with_registrations="on", place=""))
    assert "Indiquez le lieu d&#x27;un séminaire organisé avec inscriptions." in response.text
    assert not Seminar.objects.exists() and not TrainingSession.objects.exists()


def test_a_seminar_without_registrations_is_a_dated_event_until_organised(programme, editor):
    client = client_for(editor)
    client.post(reverse("programmes:add_seminar", args=[programme.pk]), seminar_data())
    seminar = Seminar.objects.get()
    assert seminar.session is None
    assert not TrainingSession.objects.exists()
    tab = client.get(reverse("programmes:workshops", args=[programme.pk])).text
    assert "Événement daté, sans inscriptions" in tab
    url = reverse("programmes:organise_seminar_session", args=[programme.pk, seminar.pk])
    client.post(url)
    seminar.refresh_from_db()
    assert seminar.session.title == "Séminaire de restitution"
    again = client.post(url, follow=True)
    assert "Ce séminaire a déjà sa session" in again.text
    assert TrainingSession.objects.count() == 1


def test_a_seminar_is_changed_through_the_programme_parts(programme, editor):
    seminar = Seminar.objects.create(programme=programme, title="Séminaire final", date=DAY)
    url = reverse("programmes:edit_seminar", args=[programme.pk, seminar.pk])
    response = client_for(editor).post(url, seminar_data(title="Séminaire final à Valence"))
    assert response.status_code == 302
    seminar.refresh_from_db()
    assert seminar.title == "Séminaire final à Valence"
    assert "Séminaire « Séminaire final à Valence » modifié" in (
        programme.history().first().summary
    )


def test_deleting_a_seminar_leaves_its_session(programme, editor):
    client_for(editor).post(
        reverse("programmes:add_seminar", args=[programme.pk]),
        seminar_data(with_registrations="on"),
    )
    seminar = Seminar.objects.get()
    url = reverse("programmes:delete_seminar", args=[programme.pk, seminar.pk])
    confirm = client_for(editor).get(url).text
    assert "reste au catalogue des sessions" in confirm
    client_for(editor).post(url)
    assert not Seminar.objects.exists()
    assert TrainingSession.objects.count() == 1


# Permissions ------------------------------------------------------------------------------------


def test_an_outsider_sees_nothing(programme, workshop, outsider):
    client = client_for(outsider)
    for url in (
        reverse("programmes:workshops", args=[programme.pk]),
        workshop.get_absolute_url(),
        reverse("programmes:workshop_ics", args=[programme.pk, workshop.pk]),
    ):
        assert client.get(url).status_code == 404
    url = reverse("programmes:record_attendance", args=[programme.pk, workshop.pk])
    assert client.post(url, attendance_post(workshop, {})).status_code == 404


def test_anonymous_visitors_are_asked_to_log_in(programme, workshop):
    response = client_for(None).get(workshop.get_absolute_url())
    assert response.status_code == 302
    assert response.url.startswith(reverse("accounts:login"))


@pytest.mark.parametrize(
    ("persona", "attendance", "outputs", "edit"),
    [
        ("reader", 403, 403, 403),
        ("contributor", 302, 302, 403),
        ("editor", 302, 302, 200),
    ],
)
def test_each_role_does_what_it_may(
    request, programme, workshop, persona, attendance, outputs, edit
):
    client = client_for(request.getfixturevalue(persona))
    args = [programme.pk, workshop.pk]
    data = attendance_post(workshop, {"Participant 1": "present"})
    assert client.post(reverse("programmes:record_attendance", args=args), data).status_code == (
        attendance
    )
    outputs_url = reverse("programmes:edit_workshop_outputs", args=args)
    assert client.post(outputs_url, {"outputs": f"Notes de {persona}"}).status_code == outputs
    assert client.get(reverse("programmes:edit_workshop", args=args)).status_code == edit
    for name in ("invite_participants", "send_workshop_invitation"):
        status = client.post(reverse(name.join(("programmes:", "")), args=args)).status_code
        assert status == (403 if edit == 403 else 302)
    add = client.get(reverse("programmes:add_seminar", args=[programme.pk])).status_code
    assert add == edit


def test_changes_only_on_post(programme, workshop, editor):
    args = [programme.pk, workshop.pk]
    client = client_for(editor)
    for name in ("record_attendance", "edit_workshop_outputs", "send_workshop_invitation"):
        assert client.get(reverse(f"programmes:{name}", args=args)).status_code == 405


# Query counts -----------------------------------------------------------------------------------


def many_territories(programme, count: int) -> None:
    for number in range(count):
        confirmed_territory(programme, f"Territoire {number}")


@pytest.mark.parametrize("url_name", ["workshops", "workshop"])
def test_the_pages_make_the_same_queries_for_one_or_six_territories(
    programme, workshop, editor, url_name, django_assert_max_num_queries
):
    Seminar.objects.create(programme=programme, title="Séminaire final", date=DAY)
    client_for(editor).post(
        reverse("programmes:add_seminar", args=[programme.pk]),
        seminar_data(with_registrations="on"),
    )
    if url_name == "workshops":
        url = reverse("programmes:workshops", args=[programme.pk])
    else:
        url = workshop.get_absolute_url()
    client = client_for(editor)
    client.get(url)
    with django_assert_max_num_queries(100) as one:
        assert client.get(url).status_code == 200
    baseline = len(one)  # read now: the next request empties the log it reads from
    many_territories(programme, 5)
    invite = reverse("programmes:invite_participants", args=[programme.pk, workshop.pk])
    client.post(invite)
    second = Workshop(programme=programme, title="Faire participer", date=DAY)
    create_workshop(workshop=second, by=editor)
    final = Seminar(programme=programme, title="Séminaire final", date=DAY, place="Valence")
    create_seminar(seminar=final, with_registrations=True, by=editor)
    assert invitations_of(workshop).count() == 18
    with django_assert_max_num_queries(baseline):
        assert client.get(url).status_code == 200


def test_two_people_noting_attendance_do_not_undo_each_other(workshop, editor, contributor):
    first, second = list(invitations_of(workshop))[:2]
    url = reverse("programmes:record_attendance", args=[workshop.programme_id, workshop.pk])

    def choose(invitation, value: str, *, loaded: str = "") -> dict:
        return {
            f"invitation-{invitation.pk}-attended": value,
            f"invitation-{invitation.pk}-loaded": loaded,
        }

    # Both loaded the page when nothing was noted; each notes one person.
    client_for(editor).post(url, {**choose(first, "present"), **choose(second, "")})
    client_for(contributor).post(url, {**choose(first, ""), **choose(second, "present")})
    first.refresh_from_db()
    second.refresh_from_db()
    assert (first.attended, second.attended) == (True, True)
    # The same person, noted otherwise by both: the second is told, and nothing is lost.
    response = client_for(contributor).post(
        url, {**choose(first, "absent"), **choose(second, "present")}
    )
    assert response.status_code == 409
    assert "autrement que vous" in response.text
    first.refresh_from_db()
    assert first.attended is True
