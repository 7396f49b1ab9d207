"""The privacy screens: overview dashboard, rights requests, retention review."""
