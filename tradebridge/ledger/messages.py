"""Translated messages for the ledger's error codes (the domain itself speaks English)."""

from django.utils.translation import gettext_lazy as _

from tradebridge.core.messages import register

register(
    {
        "ledger_too_few_postings": _("A ledger transaction needs at least two postings."),
        "ledger_unbalanced": _("The postings do not balance in every currency."),
        "ledger_account_owner": _("This kind of account belongs to a different owner."),
        "ledger_currency": _("Escrow holds Chinese yuan (CNY) only."),
        "ledger_amount_not_positive": _("The amount must be more than zero."),
        "ledger_amount_precision": _("The amount has more decimal places than the currency allows."),
        "ledger_commission_rate": _("The commission rate must be from 0 up to 1."),
        "ledger_refund_exceeds_held": _("The refund is more than escrow holds for this order."),
        "ledger_kind_invalid": _("This is not a kind of ledger transaction."),
        "ledger_reference_required": _("A ledger transaction needs a reference."),
        "ledger_reference_reused": _("This reference was already used for a different transaction."),
        "ledger_reason_required": _("Say why the transaction is reversed."),
        "ledger_transaction_not_found": _("No such ledger transaction."),
        "ledger_reverse_reversal": _("A reversal cannot itself be reversed."),
        "ledger_already_reversed": _("This transaction has already been reversed."),
        "ledger_escrow_overdrawn": _("Escrow does not hold enough for this order."),
        "statement_not_found": _("No such statement."),
        "statement_dates": _("The start date must not be after the end date."),
        "statement_currency": _("Choose a currency from the list."),
    }
)
