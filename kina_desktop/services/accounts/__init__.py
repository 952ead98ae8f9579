"""Accounts and signing in: the people of Art. 5-8 and the administrator."""
