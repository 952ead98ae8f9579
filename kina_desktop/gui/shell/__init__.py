"""The main window and what belongs to the whole program: menus by role, the case list, language, the guide."""
