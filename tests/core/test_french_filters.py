import datetime
from decimal import Decimal
from types import SimpleNamespace
from zoneinfo import ZoneInfo

import pytest
from django.template import Context, Template

NBSP = "\xa0"


def render(source: str, **context) -> str:
    return Template("{% load french %}" + source).render(Context(context))


@pytest.mark.parametrize(
    ("population", "expected"),
    [
        (1460, "1\xa0460\xa0habitants"),
        (173136, "173\xa0136\xa0habitants"),
        (2, "2\xa0habitants"),
        (1, "1\xa0habitant"),
        (0, "0\xa0habitant"),
        (None, "0\xa0habitant"),
    ],
)
def test_habitants_writes_french_numbers_and_plurals(population, expected):
    rendered = Template("{% load french %}{{ n|habitants }}").render(Context({"n": population}))
    assert rendered == expected


def test_role_label_and_plural_fr():
    template = Template(
        "{% load french roles %}{{ role|role_label }}|{{ none|role_label }}|"
        "commune{{ 0|plural_fr }} commune{{ 1|plural_fr }} commune{{ 2|plural_fr }}"
    )
    rendered = template.render(Context({"role": "owner", "none": None}))
    assert rendered == "propriétaire||commune commune communes"


def test_durations_in_hours_are_written_as_the_announcements_write_them():
    source = "{{ hours|duration_fr }}"
    assert render(source, hours=Decimal("1.5")) == f"1{NBSP}h{NBSP}30"
    assert render(source, hours=Decimal("8")) == f"8{NBSP}heures"
    assert render(source, hours=Decimal("1")) == f"1{NBSP}heure"
    assert render(source, hours=Decimal("0.75")) == f"45{NBSP}min"
    assert render(source, hours=0) == ""
    assert render(source, hours=None) == ""


def test_durations_in_minutes_hours_and_slots():
    slot = SimpleNamespace(start_time=datetime.time(10, 30), end_time=datetime.time(12))
    assert render("{{ m|minutes_fr }}", m=75) == f"1{NBSP}h{NBSP}15"
    assert render("{{ m|minutes_fr }}", m=None) == f"0{NBSP}h"
    assert render("{{ slot|slot_times }}", slot=slot) == "10h30-12h"
    assert render("{{ slot|slot_hours }}", slot=slot) == '<span class="nowrap">10h30-12h</span>'


def test_amounts_numbers_and_percentages():
    assert render("{{ a|euros }}", a=Decimal("12500.5")) == f"12{NBSP}500,50{NBSP}€"
    assert render("{{ a|euros }}", a=None) == ""
    assert render("{{ a|euros_in_words }}", a=Decimal("120.50")) == (
        "cent vingt euros et cinquante centimes"
    )
    assert render("{{ n|number }}", n=Decimal("1234.5")) == f"1{NBSP}234,5"
    assert render('{{ n|number:"trajets" }}', n=12) == f"12{NBSP}trajets"
    assert render("{{ n|number }}", n=None) == ""
    assert render("{{ p|percent }}", p=45) == f"45{NBSP}%"


def test_places_left():
    assert render("{{ n|places_fr }}", n=12) == f"12{NBSP}places restantes"
    assert render("{{ n|places_fr }}", n=1) == f"1{NBSP}place restante"
    assert render("{{ n|places_fr }}", n=0) == "Complet"
    assert render("{{ n|places_fr }}", n=None) == ""


def test_dates_and_ranges():
    first, ninth = datetime.date(2023, 11, 1), datetime.date(2023, 11, 9)
    assert render("{{ d|long_date }}", d=first) == "1er novembre 2023"
    assert render("{{ d|long_date }}", d=None) == ""
    assert render("{{ d|day_fr }}", d=ninth) == "Jeudi 9 novembre 2023"
    assert render("{{ d|day_fr:False }}", d=first) == "1er novembre 2023"
    assert render("{{ d|day_fr }}", d=None) == ""
    assert render("{{ d|day_short }}", d=first) == "1er nov."
    assert render("{% date_range a b %}", a=first, b=ninth) == "Du 1er au 9 novembre 2023"
    assert render("{% date_range a b capital=False %}", a=first, b=ninth) == (
        "du 1er au 9 novembre 2023"
    )
    assert render("{{ d|day_month }}", d=first) == "1er novembre"
    assert render("{{ d|day_month }}", d=None) == ""


def test_moments_are_written_in_local_time(settings):
    settings.TIME_ZONE = "Europe/Paris"
    moment = datetime.datetime(2021, 1, 26, 11, 0, tzinfo=datetime.UTC)
    assert render("{{ d|date_time }}", d=moment) == "mardi 26 janvier 2021 à 12h"
    assert render("{{ d|date_time }}", d=None) == ""


@pytest.mark.parametrize(
    ("moment", "expected"),
    [
        (datetime.datetime(2021, 1, 27, 12), "27 janvier 2021 à 12h"),
        (datetime.datetime(2021, 1, 27, 9, 30), "27 janvier 2021 à 9h30"),
        (datetime.datetime(2021, 1, 27, 23, 59), "27 janvier 2021"),
        (datetime.datetime(2021, 1, 27, 0, 0), "27 janvier 2021"),
        (None, ""),
    ],
)
def test_deadlines(settings, moment, expected):
    if moment is not None:
        moment = moment.replace(tzinfo=ZoneInfo(settings.TIME_ZONE))
    assert render("{{ d|deadline_fr }}", d=moment) == expected


def test_meetings_read_their_weekday_and_hour_in_local_time(settings):
    settings.TIME_ZONE = "Europe/Paris"
    moment = datetime.datetime(2024, 2, 29, 13, 30, tzinfo=datetime.UTC)
    assert render("{{ d|weekday_date }}, {{ d|hour }}", d=moment) == "jeudi 29 février 2024, 14h30"
    assert render("{{ d|weekday_date }}", d=datetime.date(2024, 3, 1)) == "vendredi 1er mars 2024"
    assert render("{{ t|hour }}", t=datetime.time(9)) == "9h"
    assert render("{{ d|weekday_date }}{{ d|hour }}", d=None) == ""
