"""The demo register: realistic Dutch complaints walked through the routes (CLI and first-run assistant)."""
