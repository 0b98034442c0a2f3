"""``./dev test --fast``: every test but the slow and browser ones, on every core."""

import shutil
import subprocess
from pathlib import Path

REPOSITORY = Path(__file__).resolve().parents[2]
# Stands for the Python of .venv: writes down how it was called, does nothing else.
RECORDING_PYTHON = """#!/usr/bin/env bash
printf '%s\\n' "$*" >> "$(dirname "$0")/../calls.log"
"""


def calls_of_dev(tmp_path: Path, *args: str) -> list[str]:
    shutil.copy(REPOSITORY / "dev", tmp_path / "dev")
    python = tmp_path / ".venv" / "bin" / "python"
    python.parent.mkdir(parents=True)
    python.write_text(RECORDING_PYTHON)
    python.chmod(0o755)
    subprocess.run(["bash", str(tmp_path / "dev"), *args], check=True, timeout=60)
    return (tmp_path / ".venv" / "calls.log").read_text().splitlines()


def test_the_fast_run_leaves_out_slow_and_browser_tests_and_uses_every_core(tmp_path):
    calls = calls_of_dev(tmp_path, "test", "--fast", "tests/trainings", "-x")
    assert calls[-1] == ("-m pytest -m not slow and not browser -n auto tests/trainings -x")


def test_the_full_run_stays_the_whole_suite_on_one_process(tmp_path):
    calls = calls_of_dev(tmp_path, "test", "-q")
    assert calls[-1] == "-m pytest -q"
