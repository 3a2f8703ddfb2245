"""Disputes: the buyer opens one with a reason and evidence, the supplier responds, the operator
resolves it with a release, a full refund or a partial refund, each posted to the ledger in the
same transaction as the move."""

from __future__ import annotations

import uuid
from collections.abc import Iterator
from contextlib import contextmanager
from decimal import Decimal, InvalidOperation

from django.conf import settings
from django.core.files import File
from django.db import transaction
from django.utils import timezone

from tradebridge.companies.models import Membership
from tradebridge.core.errors import DomainError
from tradebridge.orders import escrow, inventory
from tradebridge.orders.domain import Action, Actor, dispute_window_open, move
from tradebridge.orders.evidence import SUFFIXES, evidence_errors, sniff
from tradebridge.orders.models import Dispute, Evidence, Order
from tradebridge.orders.transitions import Party, apply, order_for, party_of
from tradebridge.pricing.money import Money

RESOLUTIONS = {
    "release": Action.RESOLVE_RELEASE,
    "refund": Action.RESOLVE_REFUND,
    "partial_refund": Action.RESOLVE_PARTIAL_REFUND,
}


def _check_files(files) -> list[tuple[object, bytes]]:
    files = list(files or [])
    heads = []
    for upload in files:
        upload.seek(0)
        heads.append((upload, upload.read(16)))
        upload.seek(0)
    errors = evidence_errors([(getattr(f, "name", "file"), f.size, head) for f, head in heads])
    if errors:
        raise DomainError.many(errors)
    return heads


def _store(dispute: Dispute, party: Party, checked, stored: list) -> None:
    """Save each file and its row; `stored` collects the saved files' names as they are written."""
    for upload, head in checked:
        name = (getattr(upload, "name", "") or "evidence")[-200:]
        content_type = sniff(head)
        evidence = Evidence(
            dispute=dispute,
            party=party.actor.value,
            original_name=name,
            content_type=content_type,
            size=upload.size,
            uploaded_by=party.user,
        )
        # Stored under a name of our own: the sender's may not fit the column or the filesystem
        # (a 120-character extension), and it is kept, for downloads, as original_name.
        stored_name = uuid.uuid4().hex + SUFFIXES[content_type]
        evidence.file.save(stored_name, _named(upload, stored_name), save=False)
        stored.append(evidence.file.name)
        evidence.save()


@contextmanager
def _files_kept_only_if_committed() -> Iterator[list]:
    """The names of files stored inside the block's transaction; if the block fails (a refusal
    after a file was written, a file that cannot be written, a commit that does not happen), the
    files already written are deleted with the rows the rollback removes."""
    stored: list[str] = []
    try:
        with transaction.atomic():
            yield stored
    except BaseException:
        storage = Evidence._meta.get_field("file").storage
        for name in stored:
            storage.delete(name)
        raise


def _named(upload, name: str) -> File:
    return upload if isinstance(upload, File) else File(upload, name=name)


def open_dispute(*, membership: Membership, order_id: int, reason: str, files=()) -> Dispute:
    """The buyer disputes a paid order not yet delivered, or a delivered one within ORDER_DISPUTE_DAYS."""
    checked = _check_files(files)
    with _files_kept_only_if_committed() as stored:
        order = order_for(membership, order_id, lock=True)
        party = party_of(membership, order)
        reason = (reason or "").strip()[:4000]
        now = timezone.now()
        window_open = dispute_window_open(order.delivered_at, now, settings.ORDER_DISPUTE_DAYS)
        if party.actor is Actor.BUYER and not window_open:
            raise DomainError(
                "dispute_window_closed",
                f"Disputes can be opened up to {settings.ORDER_DISPUTE_DAYS} days after delivery.",
                "order_id",
            )
        apply(order, Action.OPEN_DISPUTE, party, reason=reason, now=now)
        dispute = Dispute.objects.create(order=order, reason=reason, opened_by=party.user, opened_at=now)
        _store(dispute, party, checked, stored)
    return dispute


def respond_to_dispute(*, membership: Membership, order_id: int, response: str, files=()) -> Dispute:
    checked = _check_files(files)
    with _files_kept_only_if_committed() as stored:
        order = order_for(membership, order_id, lock=True)
        party = party_of(membership, order)
        response = (response or "").strip()[:4000]
        apply(order, Action.RESPOND_DISPUTE, party, reason=response, fields={"response": response})
        dispute = order.dispute
        dispute.response, dispute.responded_at = response, timezone.now()
        dispute.save(update_fields=["response", "responded_at"])
        _store(dispute, party, checked, stored)
    return dispute


def _refund_amount(value, order: Order) -> Money:
    try:
        amount = Decimal(str(value))
    except (InvalidOperation, ValueError):
        amount = None
    if amount is None or not amount.is_finite() or amount != amount.quantize(Decimal("0.01")):
        raise DomainError("refund_invalid", "Enter the refund in yuan, to the fen.", "refund_cny")
    if not Decimal(0) < amount < order.paid_cny:
        raise DomainError(
            "refund_out_of_range",
            f"A partial refund is more than 0 and less than the CNY {order.paid_cny} held.",
            "refund_cny",
        )
    return Money(amount, escrow.CNY)


@transaction.atomic
def resolve_dispute(
    *, membership: Membership, order_id: int, resolution: str, note: str, refund_cny: Decimal | str | None = None
) -> Dispute:
    """The operator's decision, and the money that follows it."""
    order = order_for(membership, order_id, lock=True)
    party = party_of(membership, order)
    action = RESOLUTIONS.get(resolution)
    if action is None:
        raise DomainError("resolution_invalid", "Choose release, refund or partial refund.", "resolution")
    note = (note or "").strip()[:4000]
    given = {"reason": note, "refund": refund_cny}
    move(order.state, action, party.actor, given, sent_as={"reason": "note", "refund": "refund_cny"})  # 403/409 first
    refund = _refund_amount(refund_cny, order) if action is Action.RESOLVE_PARTIAL_REFUND else None
    fields = {"refund": refund} if action is Action.RESOLVE_PARTIAL_REFUND else {}
    data = {"resolution": resolution, "refund_cny": str(refund.amount) if refund else None}
    apply(order, action, party, reason=note, fields=fields, data=data)
    if action is Action.RESOLVE_RELEASE:
        escrow.release(order)
    elif action is Action.RESOLVE_REFUND:
        escrow.refund(order)
        if order.shipped_at is None:
            inventory.release(order)  # the goods never left: they are for sale again
    else:
        escrow.partial_refund(order, refund)
    dispute = order.dispute
    dispute.resolution, dispute.refund_cny = resolution, refund.amount if refund else None
    dispute.resolution_note, dispute.resolved_by, dispute.resolved_at = note, party.user, timezone.now()
    dispute.save(update_fields=["resolution", "refund_cny", "resolution_note", "resolved_by", "resolved_at"])
    return dispute
