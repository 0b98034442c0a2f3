"""Tests run in parallel (pytest-xdist) do not share the files they write."""

import subprocess
import sys
from pathlib import Path


def data_dir_of_worker(base: Path, worker: str) -> Path:
    code = "import tests.settings as s; print(s.DATA_DIR)"
    env = {"ESSAIM_DATA_DIR": str(base), "PYTEST_XDIST_WORKER": worker, "PATH": "/usr/bin:/bin"}
    result = subprocess.run(
        [sys.executable, "-c", code],
        env=env,
        cwd=Path(__file__).resolve().parents[1],
        capture_output=True,
        text=True,
        check=True,
    )
    return Path(result.stdout.strip())


def test_each_worker_writes_in_its_own_data_directory(tmp_path):
    first, second = data_dir_of_worker(tmp_path, "gw0"), data_dir_of_worker(tmp_path, "gw1")
    assert first == tmp_path / "gw0"
    assert second == tmp_path / "gw1"
    assert first.is_dir() and second.is_dir()
