"""Readers for the catalog files suppliers already have. Pure: bytes in, records out, no database."""
