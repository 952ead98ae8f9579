"""The organisation's own data: letterhead details, member OCMWs and services, calendars."""
