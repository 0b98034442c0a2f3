import pytest
from django.core.exceptions import ImproperlyConfigured

from essaim.env import env_bool, env_choice, env_int, env_list


def test_booleans_accept_french_and_english_words(monkeypatch):
    monkeypatch.setenv("X_BOOL", "oui")
    assert env_bool("X_BOOL", False) is True
    monkeypatch.setenv("X_BOOL", "0")
    assert env_bool("X_BOOL", True) is False


def test_bad_values_are_refused_with_the_variable_named(monkeypatch):
    monkeypatch.setenv("X_BOOL", "peut-être")
    with pytest.raises(ImproperlyConfigured, match="X_BOOL='peut-être' n'est pas un booléen"):
        env_bool("X_BOOL", False)
    monkeypatch.setenv("X_INT", "vingt")
    with pytest.raises(ImproperlyConfigured, match="X_INT='vingt' n'est pas un nombre entier"):
        env_int("X_INT", 1)
    monkeypatch.setenv("X_INT", "0")
    with pytest.raises(ImproperlyConfigured, match="supérieur ou égal à 1"):
        env_int("X_INT", 1, minimum=1)
    monkeypatch.setenv("X_CHOICE", "pigeon")
    with pytest.raises(ImproperlyConfigured, match="valeurs possibles : console, smtp"):
        env_choice("X_CHOICE", "smtp", {"smtp": "a", "console": "b"})


def test_lists_are_comma_separated(monkeypatch):
    monkeypatch.setenv("X_LIST", " essaim.example.org, www.essaim.example.org ,")
    assert env_list("X_LIST", []) == ["essaim.example.org", "www.essaim.example.org"]
    monkeypatch.delenv("X_LIST")
    assert env_list("X_LIST", ["défaut"]) == ["défaut"]
