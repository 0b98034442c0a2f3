"""Tests that need ../shared/data skip, and say why, where the folder is absent; never in CI."""

import re

import pytest

import tests.conftest
from tests.conftest import shared_data_file


@pytest.fixture
def shared_data(tmp_path, monkeypatch):
    monkeypatch.setattr(tests.conftest, "SHARED_DATA", tmp_path)
    monkeypatch.delenv("CI", raising=False)
    return tmp_path


def test_it_gives_the_file_when_it_is_there(shared_data):
    (shared_data / "paquet.tgz").write_bytes(b"archive")

    assert shared_data_file("paquet.tgz") == shared_data / "paquet.tgz"


def test_it_skips_with_the_reason_when_the_folder_is_absent(shared_data):
    with pytest.raises(pytest.skip.Exception) as skipped:
        shared_data_file("paquet.tgz")

    assert str(skipped.value).startswith("../shared/data absent : paquet.tgz est introuvable dans ")
    assert str(shared_data) in str(skipped.value)


def test_it_fails_in_continuous_integration_which_has_the_folder(shared_data, monkeypatch):
    monkeypatch.setenv("CI", "true")

    with pytest.raises(
        pytest.fail.Exception, match=re.escape("../shared/data absent : paquet.tgz")
    ):
        shared_data_file("paquet.tgz")
