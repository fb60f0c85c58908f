"""The dashboard's server-side helpers."""
