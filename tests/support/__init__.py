"""Shared test helpers: vaults (vaults.py), people, SQLCipher pages."""
