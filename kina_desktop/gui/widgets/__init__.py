"""Small reusable widgets, also used as promoted widgets in the Designer forms."""
