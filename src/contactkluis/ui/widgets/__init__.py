"""Small widgets shared by the pages: icons, status pills, password entry."""
