"""Translated messages for the reviews' error codes."""

from django.utils.translation import gettext_lazy as _

from tradebridge.core.messages import register

register(
    {
        "score_invalid": _("Give 1 to 5 stars."),
        "review_buyer_only": _("Only the buyer of an order can review it."),
        "review_not_completed": _("An order can be reviewed once it is completed."),
        "review_exists": _("This order has been reviewed already."),
    }
)
