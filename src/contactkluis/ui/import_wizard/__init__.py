"""The import wizard: the one-time migration of the old spreadsheets."""
