"""The desktop interface: the only layer that imports PySide6.

Thin on purpose: a page fills a draft from its widgets, calls a service and shows the problems
the service returns. Nothing here talks to the database; everything arrives through
constructors from the composition root (``kina_desktop.app``).

No Python code here emits a signal itself: in PySide6 6.12.0 every ``emit()`` from Python
returns ``True`` without taking a reference to it, so on Python 3.11 (Debian 12) a few thousand
emits deallocate ``True`` and abort the interpreter. The widgets tell each other about changes
through Qt's own (C++-emitted) signals and plain callbacks instead;
tests/gui/test_no_python_emit.py keeps watch.
"""
