"""Where the main window looks for the import page."""

from contactkluis.ui.import_wizard.wizard import ImportPage

__all__ = ["ImportPage"]
