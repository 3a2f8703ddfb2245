"""Translated messages for the payment error codes (the domain itself speaks English)."""

from django.utils.translation import gettext_lazy as _

from tradebridge.core.messages import register

register(
    {
        "method_invalid": _("Choose a payment method from the list."),
        "method_unavailable": _("This payment method is not available at the moment."),
        "provider_unknown": _("There is no payment provider by that name."),
        "provider_not_configured": _("This payment provider has no signing key."),
        "order_not_found": _("There is no such order."),
        "intent_not_found": _("There is no such payment."),
        "nothing_due": _("This order has nothing to pay at the moment."),
        "intent_closed": _("This payment is already settled or replaced."),
        "intent_unknown": _("No payment matches this event."),
        "amount_mismatch": _("The amount the gateway reported differs from the payment."),
        "currency_mismatch": _("The currency the gateway reported differs from the payment."),
        "signature_missing": _("The webhook carries no signature, timestamp or event id."),
        "signature_invalid": _("The webhook signature does not match."),
        "timestamp_invalid": _("The webhook timestamp is not a Unix time."),
        "timestamp_out_of_window": _("The webhook was signed too long ago; it is refused as a replay."),
        "event_id_mismatch": _("The event id in the body differs from the header."),
        "event_id_invalid": _("The event id is too long."),
        "body_invalid": _("The webhook body is not an event we can read."),
    }
)
