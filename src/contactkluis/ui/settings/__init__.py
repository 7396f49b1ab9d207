"""Sections of the settings page that are big enough for a module of their own."""
