from essaim.demo.loader import load_demo_data
from essaim.demo.owner import DEMO_ADMIN_EMAIL
from essaim.organisations.models import Organisation, Person
from essaim.territories.models import Territory


def test_the_demo_data_are_loaded_once_whatever_the_number_of_runs(demo):
    counts = (Organisation.objects.count(), Person.objects.count(), Territory.objects.count())
    load_demo_data(report=lambda line: None)
    assert counts == (
        Organisation.objects.count(),
        Person.objects.count(),
        Territory.objects.count(),
    )
    assert counts[0] >= 16


def test_the_seed_organisations_stand_on_their_real_territories(demo):
    saillans = Organisation.objects.get(name="Commune de Saillans")
    assert list(saillans.territory.communes.values_list("insee_code", flat=True)) == ["26289"]
    arche = Organisation.objects.get(short_name="ARCHE Agglo")
    assert arche.territory.epci.siren == "200073096"
    assert arche.territory.communes.count() == arche.territory.epci.communes.count() > 30
    fablab = Organisation.objects.get(name="8 Fablab")
    assert fablab.territory.communes.filter(name="Crest").exists()


def test_no_real_contact_detail_is_kept(demo):
    people = Person.objects.all()
    assert people.count() >= 14
    assert all(person.email.endswith("@example.org") for person in people)
    assert not people.exclude(phone="").exists()
    mylene = people.get(last_name="Thou")
    assert mylene.email == "mylene.thou@example.org"
    assert mylene.role_of(mylene.created_by).value == "owner"
    assert mylene.created_by.email == DEMO_ADMIN_EMAIL
