"""``essaim demo`` collects and compresses the static files again only when their sources
changed."""

import os
import time

import pytest

from essaim.demo.management.commands.demo import collect_static_files


@pytest.fixture
def static_dirs(settings, tmp_path):
    """A data directory of its own, and one more static source that the test can change."""
    sources = tmp_path / "sources"
    (sources / "essaim-test").mkdir(parents=True)
    (sources / "essaim-test" / "page.css").write_text("body { color: black; }")
    settings.DATA_DIR = tmp_path / "data"
    settings.DATA_DIR.mkdir()
    settings.STATIC_ROOT = tmp_path / "data" / "static"
    settings.STATICFILES_DIRS = [sources]
    # Plain copies: what is tested is when files are collected, not how they are compressed.
    settings.STORAGES = {
        **settings.STORAGES,
        "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"},
    }
    return sources, settings.STATIC_ROOT


def test_it_collects_the_first_time_then_only_when_a_source_changed(static_dirs):
    sources, static_root = static_dirs
    collected = static_root / "essaim" / "essaim.css"

    assert collect_static_files() is True
    assert collected.is_file()
    assert (static_root / "essaim-test" / "page.css").read_text() == "body { color: black; }"

    collected.unlink()  # proof that the second start leaves the collected files alone
    assert collect_static_files() is False
    assert not collected.exists()

    edited = sources / "essaim-test" / "page.css"
    edited.write_text("body { color: navy; }")
    later = time.time() + 60  # an edit made after the copy, as a person's would be
    os.utime(edited, (later, later))
    assert collect_static_files() is True
    assert (static_root / "essaim-test" / "page.css").read_text() == "body { color: navy; }"
    assert collected.is_file()


def test_it_collects_again_when_the_collected_files_are_gone(static_dirs):
    _, static_root = static_dirs
    assert collect_static_files() is True

    for path in sorted(static_root.rglob("*"), reverse=True):
        path.unlink() if path.is_file() else path.rmdir()
    static_root.rmdir()

    assert collect_static_files() is True
    assert (static_root / "essaim" / "essaim.css").is_file()
