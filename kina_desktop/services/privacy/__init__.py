"""Privacy (GDPR): retention and pseudonymisation, legal holds, access requests, backups of the embedded file."""
