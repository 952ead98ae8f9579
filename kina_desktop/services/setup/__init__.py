"""Setting up and checking a database: migrations, start-up, the self-check, the server check (docs/security.md)."""
