"""The installed ``kina-desktop`` program, run as a real process."""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from kina_desktop import __version__
from tests.cli.conftest import ERROR_PREFIX, EXAMPLE


def _program() -> str:
    beside = Path(sys.executable).with_name("kina-desktop")
    found = str(beside) if beside.exists() else shutil.which("kina-desktop")
    if not found:
        pytest.skip("kina-desktop is not installed in this environment (pip install -e .)")
    return found


def _run(*args: str, env_dir: Path, stdin: bytes | None = None) -> subprocess.CompletedProcess[str]:
    env = {**os.environ, "KINA_DATA_DIR": str(env_dir)}
    env.pop("KINA_DATABASE_URL", None)
    return subprocess.run(
        [_program(), *args],
        input=stdin.decode() if stdin else None,
        capture_output=True,
        text=True,
        env=env,
        timeout=120,
        encoding="utf-8",
    )


def test_the_program_prints_its_version(tmp_path) -> None:
    done = _run("--version", env_dir=tmp_path)
    assert done.returncode == 0
    assert done.stdout.strip() == f"kina-desktop {__version__}"


def test_the_program_registers_and_shows_a_complaint(database, tmp_path) -> None:
    registered = _run("--database", database.url, "register", str(EXAMPLE), env_dir=tmp_path)
    assert registered.returncode == 0, registered.stderr
    number = registered.stdout.strip()
    shown = _run("--database", database.url, "show", number, "--json", env_dir=tmp_path)
    assert shown.returncode == 0, shown.stderr
    assert json.loads(shown.stdout)["description"]["complainant_name"] == "Marleen Wouters"


def test_the_program_fails_with_one_line_and_no_traceback(database, tmp_path) -> None:
    done = _run("--database", database.url, "show", "2026-0404", env_dir=tmp_path)
    assert done.returncode == 2
    assert done.stderr.startswith(ERROR_PREFIX) and len(done.stderr.splitlines()) == 1
    assert "Traceback" not in done.stderr


def test_commands_never_load_qt(database, tmp_path) -> None:
    """Commands run on servers without a display or Qt libraries: PySide6 stays unloaded."""
    script = (
        "import sys; from kina_desktop.__main__ import main; "
        f"code = main(['--database', {database.url!r}, 'register', {str(EXAMPLE)!r}]); "
        "print('qt' if any(m.startswith('PySide6') for m in sys.modules) else 'geen qt', code)"
    )
    env = {**os.environ, "KINA_DATA_DIR": str(tmp_path)}
    done = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True, env=env, timeout=120)
    assert done.stdout.strip().endswith("geen qt 0"), (done.stdout, done.stderr)
