"""Intake: registering from e-mail files, the mailbox and the web form (Art. 5)."""
