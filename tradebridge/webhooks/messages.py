"""Translated messages for the webhooks' error codes (the domain itself speaks English)."""

from django.utils.translation import gettext_lazy as _

from tradebridge.core.messages import register

register(
    {
        "webhook_url_too_long": _("Keep the URL under 500 characters."),
        "webhook_url_invalid": _("Enter a full URL such as https://example.com/hooks."),
        "webhook_url_scheme": _("Webhook URLs must start with https:// or http://."),
        "webhook_url_credentials": _("Do not put a user name or password in the URL."),
        "webhook_url_private": _("Webhooks cannot go to private or local network addresses."),
        "webhook_event_unknown": _("Choose events from the list."),
        "webhook_events_required": _("Choose at least one event."),
        "webhook_description_too_long": _("Keep the description under 200 characters."),
        "webhook_endpoint_limit": _("A company can have up to 10 webhook endpoints."),
        "webhook_endpoint_not_found": _("No such webhook endpoint."),
        "webhook_delivery_not_found": _("No such webhook delivery."),
    }
)
