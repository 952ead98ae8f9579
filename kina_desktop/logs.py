"""Programming errors go with their traceback to a log file in the user's data folder; a
person only sees one clear sentence that points to it."""

from __future__ import annotations

import logging
import logging.handlers
from pathlib import Path

from kina_desktop.config import log_dir

LOG_FILE_NAME = "kina-desktop.log"


def configure_logging(level: int = logging.INFO) -> Path:
    """Log to a rotating file (1 MB x 3) in the data folder; returns its path. Safe to call more
    than once: the program (app.py) and the commands (cli/failures.py) both log through it."""
    path = log_dir() / LOG_FILE_NAME
    root = logging.getLogger()
    for old in [h for h in root.handlers if getattr(h, "_kina", False)]:
        if Path(getattr(old, "baseFilename", "")) == path:
            return path
        root.removeHandler(old)  # the data folder changed (KINA_DATA_DIR): log where it now is
        old.close()
    handler = logging.handlers.RotatingFileHandler(path, maxBytes=1_000_000, backupCount=3, encoding="utf-8")
    handler.setFormatter(logging.Formatter("%(asctime)s %(levelname)s %(name)s: %(message)s"))
    handler._kina = True  # type: ignore[attr-defined]
    root.addHandler(handler)
    root.setLevel(level)
    return path
