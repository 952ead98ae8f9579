"""Long work off the GUI thread (a batch of letters, printing many pages).

The work is a plain function that gets a ``TaskControl``: it reports its progress through it and
asks it whether the person cancelled. ``ThreadRunner`` runs the function on Qt's thread pool;
nothing crosses back by a signal emitted from Python (see gui/__init__.py): the worker puts its
outcome in a queue and leaves its latest progress on the control, and a QTimer on the GUI thread
collects both. Tests hand in a ``SynchronousRunner`` instead, which runs the work at once.
"""

from __future__ import annotations

import queue
import threading
from collections.abc import Callable
from dataclasses import dataclass
from typing import Generic, Protocol, TypeVar

from PySide6.QtCore import QThreadPool, QTimer

T = TypeVar("T")
POLL_INTERVAL_MS = 50


class TaskControl:
    """What the GUI and the worker share: the latest progress and the cancel flag (thread-safe)."""

    def __init__(self) -> None:
        self._lock = threading.Lock()
        self._progress: tuple[int, int] | None = None
        self._cancelled = threading.Event()
        self._listener: Callable[[int, int], None] | None = None

    def report(self, done: int, total: int) -> None:
        """Called by the work: ``done`` of ``total`` steps are finished."""
        listener = self._listener
        if listener is not None:  # a synchronous run: pass it on at once
            listener(done, total)
            return
        with self._lock:
            self._progress = (done, total)

    def take_progress(self) -> tuple[int, int] | None:
        """The progress reported since the last call, if any (the GUI thread polls it)."""
        with self._lock:
            progress, self._progress = self._progress, None
        return progress

    def cancel(self) -> None:
        """The person pressed Annuleren (a slot: connected to QProgressDialog.canceled)."""
        self._cancelled.set()

    def cancelled(self) -> bool:
        return self._cancelled.is_set()

    def listen(self, listener: Callable[[int, int], None] | None) -> None:
        self._listener = listener


@dataclass(frozen=True)
class Outcome(Generic[T]):
    """What the work returned, or the exception it raised."""

    value: T | None = None
    error: Exception | None = None


@dataclass(frozen=True)
class Task(Generic[T]):
    """One piece of long work: the function, the control it shares with the GUI, and what the GUI
    thread is told of its progress and, at the end, of its outcome."""

    work: Callable[[TaskControl], T]
    control: TaskControl
    on_progress: Callable[[int, int], None]
    on_finished: Callable[[Outcome[T]], None]


def _attempt(task: Task[T]) -> Outcome[T]:
    try:
        return Outcome(value=task.work(task.control))
    except Exception as error:  # handed to the GUI thread, which decides what to show
        return Outcome(error=error)


class TaskRunner(Protocol):
    def run(self, task: Task[T]) -> None:
        """Start the task's work; its ``on_progress`` and ``on_finished`` are called on the GUI thread."""
        ...


class ThreadRunner:
    """Runs the work on a QThreadPool; a QTimer on the GUI thread collects progress and outcome.
    Create it on the GUI thread."""

    def __init__(self, pool: QThreadPool | None = None, interval_ms: int = POLL_INTERVAL_MS) -> None:
        self._pool = pool or QThreadPool.globalInstance()
        self._interval_ms = interval_ms
        self._timers: set[QTimer] = set()

    def run(self, task: Task[T]) -> None:
        box: queue.SimpleQueue[Outcome[T]] = queue.SimpleQueue()
        timer = QTimer()
        timer.setInterval(self._interval_ms)

        def job() -> None:
            box.put(_attempt(task))

        def poll() -> None:
            progress = task.control.take_progress()
            if progress is not None:
                task.on_progress(*progress)
            try:
                outcome = box.get_nowait()
            except queue.Empty:
                return
            timer.stop()
            self._timers.discard(timer)
            timer.deleteLater()
            task.on_finished(outcome)

        timer.timeout.connect(poll)
        self._timers.add(timer)
        timer.start()
        self._pool.start(job)

    def busy(self) -> bool:
        """Whether some work has not reported its outcome yet."""
        return bool(self._timers)


class SynchronousRunner:
    """For tests: runs the work at once on the calling thread and passes each progress report
    on as it comes; ``after_progress`` runs after each one (a test can press Annuleren there)."""

    def __init__(self, after_progress: Callable[[int, int], None] | None = None) -> None:
        self._after_progress = after_progress

    def run(self, task: Task[T]) -> None:
        def relay(done: int, total: int) -> None:
            task.on_progress(done, total)
            if self._after_progress is not None:
                self._after_progress(done, total)

        task.control.listen(relay)
        try:
            outcome = _attempt(task)
        finally:
            task.control.listen(None)
        task.on_finished(outcome)
