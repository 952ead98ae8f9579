"""Build the PyInstaller bundle of build_installer.spec once per source state.

The bundle lands in a cache folder named after a hash of everything that goes into it (the
package's files, resources/, the spec, pyproject.toml, the runtime lock, Python's and PyInstaller's versions): a
second test run on unchanged sources reuses it, a change builds it anew. Only the newest
bundle is kept. KINA_BUNDLE_CACHE chooses the folder (default ~/.cache/kina-klachten-bundle).
"""

from __future__ import annotations

import hashlib
import os
import shutil
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
SPEC = ROOT / "build_installer.spec"
NAME = "kina-klachten"
SOURCES = ("kina_desktop", "resources")
SKIPPED_PARTS = {"__pycache__"}
SKIPPED_SUFFIXES = {".pyc", ".pyo", ".po", ".pot"}
BUILD_TIMEOUT_S = 900


def cache_root() -> Path:
    override = os.environ.get("KINA_BUNDLE_CACHE")
    return Path(override) if override else Path.home() / ".cache" / "kina-klachten-bundle"


def source_hash() -> str:
    import PyInstaller

    digest = hashlib.sha256()
    digest.update(f"{sys.version}|{PyInstaller.__version__}".encode())
    files = [SPEC, ROOT / "pyproject.toml", ROOT / "requirements" / "runtime.txt"]
    for folder in SOURCES:
        files += sorted(
            path
            for path in (ROOT / folder).rglob("*")
            if path.is_file() and not SKIPPED_PARTS & set(path.parts) and path.suffix not in SKIPPED_SUFFIXES
        )
    for path in files:
        digest.update(str(path.relative_to(ROOT)).encode())
        digest.update(path.read_bytes())
    return digest.hexdigest()[:16]


def build_bundle() -> tuple[Path, float]:
    """The folder with kina-klachten and kina-desktop, and the seconds the build took (0 when
    the cached bundle was used)."""
    root = cache_root()
    key = source_hash()
    done = root / key / "dist" / NAME
    if (done / "kina-desktop").exists():
        return done, 0.0
    work = root / f"{key}.building-{os.getpid()}"
    shutil.rmtree(work, ignore_errors=True)
    work.mkdir(parents=True)
    started = time.perf_counter()
    result = subprocess.run(
        [
            sys.executable,
            "-m",
            "PyInstaller",
            "--noconfirm",
            "--log-level",
            "WARN",
            "--distpath",
            str(work / "dist"),
            "--workpath",
            str(work / "build"),
            str(SPEC),
        ],
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=BUILD_TIMEOUT_S,
    )
    seconds = time.perf_counter() - started
    if result.returncode != 0:
        raise RuntimeError(
            f"PyInstaller failed ({result.returncode}):\n{result.stdout[-4000:]}\n{result.stderr[-8000:]}"
        )
    shutil.rmtree(work / "build", ignore_errors=True)
    for old in root.iterdir():  # only the newest bundle stays
        if old != work:
            shutil.rmtree(old, ignore_errors=True)
    work.rename(root / key)
    return done, seconds
