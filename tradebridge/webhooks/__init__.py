"""Outbound webhooks: supplier endpoints, signed order events and their delivery log."""
