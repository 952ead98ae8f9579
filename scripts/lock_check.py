"""Checks that this virtual environment holds exactly the lock: ``pip freeze`` (the project's own
editable install left out) equals the pins of the lock file that apply to this platform.

    python scripts/lock_check.py requirements/dev.txt                 # report, exit 1 on a difference
    python scripts/lock_check.py --remove-extra requirements/dev.txt  # first uninstall what the lock lacks

Run by scripts/install.sh after installing the lock, and by scripts/fresh_check.sh.
"""

from __future__ import annotations

import argparse
import re
import subprocess
import sys
from pathlib import Path

from packaging.markers import Marker
from packaging.utils import canonicalize_name

PIN = re.compile(r"^([A-Za-z0-9][A-Za-z0-9._-]*)==([^\s;\\]+)\s*(?:;\s*([^\\]+?))?\s*\\?$")


def locked(lock: Path) -> dict[str, str]:
    """The lock's pins whose environment marker holds here, by canonical name."""
    pins: dict[str, str] = {}
    for line in lock.read_text(encoding="utf-8").splitlines():
        match = PIN.match(line.strip())
        if match is None:
            continue
        name, version, marker = match.groups()
        if marker is None or Marker(marker).evaluate():
            pins[canonicalize_name(name)] = version
    return pins


def frozen() -> dict[str, str]:
    """What ``pip freeze --all`` reports, editable installs left out, by canonical name."""
    out = subprocess.run(
        [sys.executable, "-m", "pip", "freeze", "--all", "--exclude-editable", "--disable-pip-version-check"],
        check=True,
        capture_output=True,
        text=True,
    ).stdout
    installed: dict[str, str] = {}
    for line in out.splitlines():
        if "==" in line:
            name, version = line.split("==", 1)
            installed[canonicalize_name(name)] = version.strip()
        elif line.strip() and not line.startswith("#"):
            installed[canonicalize_name(re.split(r"[ @]", line, maxsplit=1)[0])] = line  # a direct URL
    return installed


def differences(pins: dict[str, str], installed: dict[str, str]) -> list[str]:
    problems = []
    for name in sorted(pins.keys() | installed.keys()):
        want, have = pins.get(name), installed.get(name)
        if want != have:
            problems.append(f"{name}: lock {want or '-'}, installed {have or '-'}")
    return problems


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("lock", type=Path)
    parser.add_argument("--remove-extra", action="store_true", help="uninstall packages the lock does not list")
    args = parser.parse_args(argv)
    pins = locked(args.lock)
    if args.remove_extra:
        extra = sorted(set(frozen()) - set(pins))
        if extra:
            print(f"Removing packages that are not in {args.lock}: {' '.join(extra)}")
            subprocess.run([sys.executable, "-m", "pip", "uninstall", "-q", "-y", *extra], check=True)
    problems = differences(pins, frozen())
    if problems:
        print(f"This environment is not {args.lock}:", *problems, sep="\n  ", file=sys.stderr)
        return 1
    print(f"pip freeze equals {args.lock} ({len(pins)} packages)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
