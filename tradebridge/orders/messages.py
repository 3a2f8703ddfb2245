"""Translated messages for the orders' error codes (the domain itself speaks English)."""

from django.utils.translation import gettext_lazy as _

from tradebridge.core.messages import register

register(
    {
        "illegal_transition": _("The order is not in a state that allows this now."),
        "actor_not_allowed": _("Your side of this order cannot do this."),
        "order_not_found": _("No such order."),
        "order_total_too_small": _("This order comes to less than CNY 0.01; order more."),
        "reason_required": _("Give a reason."),
        "response_required": _("Write your response."),
        "carrier_required": _("Give the carrier."),
        "tracking_number_required": _("Give the tracking number."),
        "refund_required": _("Give the amount to refund."),
        "deposit_percent_invalid": _("The deposit is between 0 and 100 percent."),
        "payment_part_invalid": _("The payment part is deposit, balance or full."),
        "payment_not_due": _("This payment is not due on the order now."),
        "payment_amount_mismatch": _("The amount paid is not the amount due."),
        "payment_reference_reused": _("This payment reference was used for another payment."),
        "insufficient_stock": _("There is not enough stock to confirm this order."),
        "cart_empty": _("Your cart is empty."),
        "cart_full": _("A cart holds at most 200 lines."),
        "cart_line_not_found": _("No such cart line."),
        "variant_not_found": _("No such product variant."),
        "product_unavailable": _("This product is no longer on sale."),
        "price_changed": _("The price has changed since you added it; accept the new prices to place the order."),
        "fx_rate_missing": _("There is no exchange rate to CNY for this currency, so the order cannot be priced."),
        "fx_rate_stale": _("The exchange rate to CNY is out of date; try again later."),
        "mode_invalid:freight_mode": _("Choose sea freight, air freight or express."),
        "lines_required": _("A quote needs at least one line."),
        "unit_price_invalid": _("A unit price cannot be negative."),
        "currency_mixed": _("All lines of a quote are in one currency."),
        "buyer_invalid": _("The buyer must be a buyer company."),
        "supplier_invalid": _("The supplier must be a supplier company."),
        "dispute_window_closed": _("The time to open a dispute on this order has passed."),
        "resolution_invalid": _("Choose release, refund or partial refund."),
        "refund_invalid": _("Enter the refund in yuan, to the fen."),
        "refund_out_of_range": _("A partial refund is more than 0 and less than what escrow holds."),
        "evidence_too_many": _("Attach at most 5 files."),
        "evidence_too_large": _("Each file must be 5 MB or smaller."),
        "evidence_empty": _("One of the files is empty."),
        "evidence_type": _("Attach JPEG, PNG or WebP images, or PDF files."),
    }
)
