"""``./dev`` finds a Python 3.12 or newer where a newcomer installed it."""

import os
import subprocess
import sys
from pathlib import Path

import pytest

REPOSITORY = Path(__file__).resolve().parents[2]
REAL_PYTHON = os.path.realpath(sys.executable)


@pytest.fixture
def fake_pyenv(tmp_path) -> Path:
    """A pyenv tree elsewhere than in ~/.pyenv, holding one Python 3.12 or newer."""
    root = tmp_path / "outils" / "pyenv"
    bin_dir = root / "versions" / "3.12.9" / "bin"
    bin_dir.mkdir(parents=True)
    (bin_dir / "python3").symlink_to(REAL_PYTHON)
    return root


def run_python_path(tmp_path: Path, **env: str) -> subprocess.CompletedProcess:
    home = tmp_path / "home"
    home.mkdir(exist_ok=True)
    # No Python on the PATH: only bash and the basic tools, so that pyenv's is the one found.
    path = tmp_path / "path"
    path.mkdir(exist_ok=True)
    for tool in ("bash", "dirname", "env"):
        link = path / tool
        if not link.exists():
            link.symlink_to(
                subprocess.check_output(["bash", "-c", f"command -v {tool}"], text=True).strip()
            )
    return subprocess.run(
        [str(path / "bash"), str(REPOSITORY / "dev"), "python-path"],
        env={"HOME": str(home), "PATH": f"{env.pop('EXTRA_PATH', '')}:{path}", **env},
        capture_output=True,
        text=True,
        timeout=60,
    )


def test_it_finds_the_python_of_pyenv_through_pyenv_root(tmp_path, fake_pyenv):
    result = run_python_path(tmp_path, PYENV_ROOT=str(fake_pyenv))

    assert result.returncode == 0, result.stderr
    assert result.stdout.strip() == str(fake_pyenv / "versions" / "3.12.9" / "bin" / "python3")


def test_it_asks_pyenv_where_its_root_is(tmp_path, fake_pyenv):
    tools = tmp_path / "pyenv-bin"
    tools.mkdir()
    pyenv = tools / "pyenv"
    pyenv.write_text(f'#!/bin/sh\n[ "$1" = root ] && echo "{fake_pyenv}"\n')
    pyenv.chmod(0o755)

    result = run_python_path(tmp_path, EXTRA_PATH=str(tools))

    assert result.returncode == 0, result.stderr
    assert result.stdout.strip() == str(fake_pyenv / "versions" / "3.12.9" / "bin" / "python3")
