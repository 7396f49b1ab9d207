"""Where the main window looks for the privacy pages."""

from contactkluis.ui.privacy.dashboard import PrivacyPage
from contactkluis.ui.privacy.requests import RequestsPage
from contactkluis.ui.privacy.retention import RetentionPage

__all__ = ["PrivacyPage", "RequestsPage", "RetentionPage"]
