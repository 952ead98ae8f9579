"""Issue 9: the one-folder program of build_installer.spec starts on a machine without Python
or the project's virtual environment: its commands, the self-check on a throwaway database
and the window (offscreen) run from the built folder alone."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

from kina_desktop import __version__
from tests.packaging.bundle import ROOT, build_bundle

pytestmark = [
    pytest.mark.packaging,
    pytest.mark.skipif(sys.platform != "linux", reason="builds and checks the Linux bundle (see README for Windows)"),
]
RUN_TIMEOUT_S = 180


@pytest.fixture(scope="module")
def bundle() -> Path:
    folder, seconds = build_bundle()
    print(f"bundle {folder} ({f'built in {seconds:.0f} s' if seconds else 'cached'})")
    return folder


def clean_environment(home: Path) -> dict[str, str]:
    """What a fresh PC gives the program: no virtual environment, no Python path, a new user
    folder (data, settings), no database chosen."""
    keep = {"LANG": "C.UTF-8", "LC_ALL": "C.UTF-8", "PATH": "/usr/bin:/bin"}
    home.mkdir(parents=True, exist_ok=True)
    return {
        **keep,
        "HOME": str(home),
        "XDG_CONFIG_HOME": str(home / ".config"),
        "XDG_DATA_HOME": str(home / ".local" / "share"),
        "XDG_RUNTIME_DIR": str(home),
        "QT_QPA_PLATFORM": "offscreen",
    }


def run(program: Path, *args: str, env: dict[str, str], cwd: Path) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [str(program), *args], env=env, cwd=cwd, capture_output=True, text=True, timeout=RUN_TIMEOUT_S
    )


def test_the_bundle_holds_every_data_file_the_program_reads(bundle: Path) -> None:
    inside = bundle / "_internal"
    for part in (
        "kina_desktop/db/migrations/env.py",
        "kina_desktop/db/migrations/versions/0001_initial_register.py",
        "resources/letters/nl",
        "resources/fonts/DejaVuSans.ttf",
        "resources/icons/kina-klachten.svg",
        "resources/examples/klacht.json",
        "babel/locale-data/nl_BE.dat",
        "holidays/locale/nl/LC_MESSAGES",
        "pypdfium2_raw/libpdfium.so",
        "PySide6/Qt/translations/qtbase_nl.qm",
        "PySide6/Qt/plugins/platforms/libqoffscreen.so",
    ):
        assert (inside / part).exists(), part
    # ReportLab's C accelerator (rl-accel), which ReportLab imports by a name the analysis cannot see
    assert list(inside.glob("_rl_accel*.so")), "_rl_accel"
    for catalog in (ROOT / "kina_desktop" / "locale").glob("*/LC_MESSAGES/*.mo"):
        assert (inside / catalog.relative_to(ROOT)).exists(), catalog


def test_the_built_program_runs_its_commands_and_the_self_check_without_python(bundle: Path, tmp_path: Path) -> None:
    env = clean_environment(tmp_path / "home")
    version = run(bundle / "kina-desktop", "--version", env=env, cwd=tmp_path)
    assert (version.returncode, version.stdout.strip()) == (0, f"kina-desktop {__version__}"), version.stderr
    check = run(bundle / "kina-desktop", "selftest", "--keep", str(tmp_path), env=env, cwd=tmp_path)
    assert check.returncode == 0, check.stdout + check.stderr
    assert check.stdout.strip().endswith("Zelftest geslaagd."), check.stdout
    assert "MISLUKT" not in check.stdout
    assert (tmp_path / "ontvangstbevestiging.pdf").read_bytes().startswith(b"%PDF")


def test_the_built_window_opens_the_first_run_assistant_then_the_sign_in(bundle: Path, tmp_path: Path) -> None:
    env = {**clean_environment(tmp_path / "home"), "KINA_SMOKE_EXIT": "1"}
    first = run(bundle / "kina-klachten", env=env, cwd=tmp_path)
    assert first.returncode == 0, first.stdout + first.stderr
    assert "smoke-exit: KINA Klachten — eerste gebruik" in first.stdout

    database = tmp_path / "demo.db"
    made = run(
        bundle / "kina-desktop", "--database", str(database), "demo", "--complaints", "50", env=env, cwd=tmp_path
    )
    assert made.returncode == 0, made.stdout + made.stderr
    again = run(bundle / "kina-klachten", "--database", str(database), env=env, cwd=tmp_path)
    assert again.returncode == 0, again.stdout + again.stderr
    assert "smoke-exit: Aanmelden" in again.stdout
