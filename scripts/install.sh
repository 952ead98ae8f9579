#!/usr/bin/env bash
# Installs what KINA Klachten needs on Debian 12 (as root): Qt's system libraries, fonts,
# PostgreSQL (for the shared mode and the tests), Xvfb and tools to look at the program, and a
# Python virtual environment in .venv with the program and its test tools.
# Safe to run again: it only installs what is missing.
set -euo pipefail
cd "$(dirname "$0")/.."

APT_PACKAGES=(
  # Qt offscreen and on a real X display (xcb)
  libegl1 libgl1 libglib2.0-0 libfontconfig1 libfreetype6 libx11-6 libxkbcommon0 libdbus-1-3
  libx11-xcb1 libxkbcommon-x11-0 libxcb1 libxcb-cursor0 libxcb-icccm4 libxcb-image0
  libxcb-keysyms1 libxcb-randr0 libxcb-render0 libxcb-render-util0 libxcb-shape0 libxcb-shm0
  libxcb-sync1 libxcb-util1 libxcb-xfixes0 libxcb-xkb1 libxcb-glx0
  # fonts for the interface and the letters
  fonts-dejavu-core fonts-liberation2
  # a virtual screen, screenshots, PDF pages as pictures
  xvfb xauth imagemagick poppler-utils
  # PyInstaller reads the libraries' dependencies with objdump (the bundle test)
  binutils
  # PostgreSQL: the shared database, and the throwaway server of the tests
  postgresql
  # Dovecot: the real IMAP server the mailbox tests start on loopback
  dovecot-imapd
  # Python
  python3 python3-venv python3-pip
)

missing=()
for pkg in "${APT_PACKAGES[@]}"; do
  if ! dpkg-query -W -f='${Status}' "$pkg" 2>/dev/null | grep -q "install ok installed"; then
    missing+=("$pkg")
  fi
done
if [ "${#missing[@]}" -gt 0 ]; then
  if [ "$(id -u)" != 0 ]; then
    echo "Missing system packages (run as root to install them): ${missing[*]}" >&2
    exit 1
  fi
  echo "Installing system packages: ${missing[*]}"
  export DEBIAN_FRONTEND=noninteractive
  apt-get update -qq
  apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
fi

PYTHON=${PYTHON:-python3}
if [ ! -x .venv/bin/python ]; then
  "$PYTHON" -m venv .venv
fi
# Exactly the versions of the lock (requirements/dev.txt: the program's requirements/runtime.txt
# plus the test and build tools), each file checked against its hash; nothing else is resolved.
# The project itself goes in editable, without dependencies and with the locked setuptools (no
# build environment fetched from the index). Packages that are not in the lock are removed, so
# that `pip freeze` equals the lock. scripts/lock.sh refreshes the lock.
stamp=.venv/.kina-installed
if [ ! -f "$stamp" ] || [ requirements/dev.txt -nt "$stamp" ] || [ pyproject.toml -nt "$stamp" ]; then
  .venv/bin/python -m pip install -q --disable-pip-version-check --require-hashes --no-deps \
    -r requirements/dev.txt
  .venv/bin/python -m pip install -q --disable-pip-version-check --no-deps --no-build-isolation -e .
  .venv/bin/python scripts/lock_check.py --remove-extra requirements/dev.txt
  touch "$stamp"
fi
