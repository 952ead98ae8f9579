"""Where the data live: the database URL and the user's folders."""

from __future__ import annotations

import os
from pathlib import Path

from platformdirs import user_data_path, user_log_path

APP_NAME = "KINA Klachten"
APP_AUTHOR = "KINA"
ENV_DATABASE_URL = "KINA_DATABASE_URL"
ENV_DATA_DIR = "KINA_DATA_DIR"  # for tests and portable installs


def data_dir() -> Path:
    override = os.environ.get(ENV_DATA_DIR)
    path = Path(override) if override else user_data_path(APP_NAME, APP_AUTHOR)
    path.mkdir(parents=True, exist_ok=True)
    return path


def log_dir() -> Path:
    override = os.environ.get(ENV_DATA_DIR)
    path = Path(override) / "logs" if override else user_log_path(APP_NAME, APP_AUTHOR)
    path.mkdir(parents=True, exist_ok=True)
    return path


def default_sqlite_path() -> Path:
    return data_dir() / "kina-klachten.db"


def as_url(value: str | None) -> str | None:
    """``--database kina.db`` (a path, as people type on Windows too) means that SQLite file."""
    if not value or "://" in value or not value.lower().endswith((".db", ".sqlite", ".sqlite3")):
        return value
    return f"sqlite:///{Path(value).expanduser().resolve()}"


def database_url(explicit: str | None = None, saved: str | None = None) -> str:
    """The database to open: --database, then KINA_DATABASE_URL, then the URL saved in the
    settings dialog, then the embedded SQLite file in the user's data folder. A path to a .db
    file stands for that SQLite file."""
    for candidate in (explicit, os.environ.get(ENV_DATABASE_URL), saved):
        if candidate:
            return as_url(candidate) or candidate
    return f"sqlite+pysqlite:///{default_sqlite_path()}"
