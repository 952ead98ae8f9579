"""Pieces every window uses: tables, progress, field errors, formatting, the service protocols."""
