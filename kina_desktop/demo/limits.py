"""How many demo registrations ``kina-desktop demo`` makes at most (a module of its own, so that
the command line can show it without loading the demo generator)."""

MAX_COMPLAINTS = 2_000_000
