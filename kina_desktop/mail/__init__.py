"""E-mail and Outlook file formats and the IMAP, SMTP and keyring adapters: below the services, no database."""
