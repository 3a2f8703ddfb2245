"""Template filters for the webhook pages."""

from django import template

register = template.Library()


@register.filter
def event_label(labels, event):
    return labels.get(event, event)
