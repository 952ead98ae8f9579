"""Administration: users, settings pages, calendars, lists, privacy (retention, access requests)."""
