"""KINA Klachten: the complaint register of KINA p.v."""

__version__ = "0.1.0"
