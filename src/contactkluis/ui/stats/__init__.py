"""The statistics page: anonymised, protected counts with a chart and an export."""
