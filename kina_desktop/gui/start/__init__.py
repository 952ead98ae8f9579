"""Starting: signing in, choosing the database, the first-run assistant."""
