"""Registering: the new-registration dialog, e-mail files, the mailbox, the web form, known complainants."""
