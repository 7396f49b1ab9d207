"""Contactkluis: an encrypted, AVG-aware contact manager for cultural institutions."""

__version__ = "0.1.0"
