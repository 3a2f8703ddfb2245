"""Template filters for the statement page."""

from django import template

register = template.Library()


@register.filter
def lookup(mapping, key):
    """`names|lookup:code` — the display name for a stored code."""
    return mapping.get(key, key)
