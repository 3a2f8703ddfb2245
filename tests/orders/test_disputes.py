"""Disputes: opened by the buyer with evidence within the window, answered by the supplier,
resolved by the operator with the matching ledger flow."""

from datetime import timedelta
from decimal import Decimal

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.utils import timezone

from tests.orders import factories as orders
from tradebridge.core.errors import Conflict, DomainError, Forbidden
from tradebridge.ledger.models import LedgerTransaction
from tradebridge.ledger.selectors import escrow_balance
from tradebridge.orders import disputes, services
from tradebridge.orders.evidence import MAX_BYTES
from tradebridge.orders.models import Dispute, Evidence, Order

pytestmark = pytest.mark.django_db

PNG = b"\x89PNG\r\n\x1a\n" + b"\x00" * 64
PDF = b"%PDF-1.7\n" + b"0" * 64


@pytest.fixture
def delivered(placed, buyer, supplier):
    services.confirm_order(membership=supplier, order_id=placed.pk)
    orders.pay_in_full(placed)
    services.ship_order(membership=supplier, order_id=placed.pk, carrier="DHL", tracking_number="JD1")
    return services.mark_delivered(membership=supplier, order_id=placed.pk)


@pytest.fixture
def disputed(delivered, buyer):
    disputes.open_dispute(
        membership=buyer,
        order_id=delivered.pk,
        reason="Half the scarves are moth-eaten",
        files=[SimpleUploadedFile("photo.png", PNG, "image/png")],
    )
    return Order.objects.get(pk=delivered.pk)


def test_opening_a_dispute_stores_reason_and_checked_evidence(disputed):
    dispute = disputed.dispute
    assert disputed.state == "disputed" and dispute.reason == "Half the scarves are moth-eaten"
    evidence = dispute.evidence.get()
    assert (evidence.party, evidence.content_type, evidence.original_name) == ("buyer", "image/png", "photo.png")
    assert evidence.file.read() == PNG


@pytest.mark.parametrize("name", ["a." + "x" * 120, "照片" * 90 + ".png", "收据 🧾.png"])
def test_evidence_is_stored_under_our_name_and_keeps_the_senders(delivered, buyer, name):
    disputes.open_dispute(
        membership=buyer, order_id=delivered.pk, reason="Torn", files=[SimpleUploadedFile(name, PNG, "image/png")]
    )
    evidence = Evidence.objects.get()
    assert evidence.original_name == name[-200:]
    assert evidence.file.name.startswith("disputes/") and evidence.file.name.endswith(".png")
    assert ".." not in evidence.file.name and len(evidence.file.name) <= 100
    assert evidence.file.read() == PNG


@pytest.mark.parametrize(
    ("upload", "code"),
    [
        (SimpleUploadedFile("x.png", b"MZ\x90\x00 not an image", "image/png"), "evidence_type"),
        (SimpleUploadedFile("big.pdf", b"%PDF-" + b"0" * MAX_BYTES, "application/pdf"), "evidence_too_large"),
        (SimpleUploadedFile("empty.pdf", b"", "application/pdf"), "evidence_empty"),
    ],
)
def test_bad_evidence_is_refused_and_nothing_is_written(delivered, buyer, upload, code):
    with pytest.raises(DomainError) as caught:
        disputes.open_dispute(membership=buyer, order_id=delivered.pk, reason="Damaged", files=[upload])
    assert caught.value.code == code and caught.value.field == "evidence"
    assert Order.objects.get(pk=delivered.pk).state == "delivered"
    assert not Dispute.objects.exists() and not Evidence.objects.exists()


def test_the_window_closes_after_the_dispute_days(delivered, buyer, settings):
    Order.objects.filter(pk=delivered.pk).update(
        delivered_at=timezone.now() - timedelta(days=settings.ORDER_DISPUTE_DAYS + 1)
    )
    with pytest.raises(DomainError) as caught:
        disputes.open_dispute(membership=buyer, order_id=delivered.pk, reason="Late complaint")
    assert caught.value.code == "dispute_window_closed"


def test_only_the_buyer_opens_and_only_the_operator_resolves(delivered, supplier, buyer):
    with pytest.raises(Forbidden):
        disputes.open_dispute(membership=supplier, order_id=delivered.pk, reason="x")
    disputes.open_dispute(membership=buyer, order_id=delivered.pk, reason="Wrong colour")
    with pytest.raises(Forbidden):
        disputes.resolve_dispute(membership=buyer, order_id=delivered.pk, resolution="refund", note="mine")


def test_supplier_responds_with_evidence(disputed, supplier):
    dispute = disputes.respond_to_dispute(
        membership=supplier,
        order_id=disputed.pk,
        response="Packed in perfect condition",
        files=[SimpleUploadedFile("packing.pdf", PDF, "application/pdf")],
    )
    assert dispute.response == "Packed in perfect condition" and dispute.responded_at
    assert sorted(dispute.evidence.values_list("party", flat=True)) == ["buyer", "supplier"]
    assert disputed.events.last().action == "respond_dispute"


def test_full_refund(disputed):
    operator = orders.operator()
    disputes.resolve_dispute(membership=operator, order_id=disputed.pk, resolution="refund", note="Photos convincing")
    order = Order.objects.get(pk=disputed.pk)
    assert order.state == "refunded" and escrow_balance(order.pk) == orders.cny("0")
    assert LedgerTransaction.objects.filter(order_id=order.pk, kind="refund").exists()
    assert order.events.last().actor_kind == "operator"


def test_partial_refund_releases_the_rest(disputed):
    operator = orders.operator()
    with pytest.raises(DomainError) as caught:
        disputes.resolve_dispute(
            membership=operator, order_id=disputed.pk, resolution="partial_refund", note="Half", refund_cny="764.40"
        )
    assert caught.value.code == "refund_out_of_range"
    dispute = disputes.resolve_dispute(
        membership=operator, order_id=disputed.pk, resolution="partial_refund", note="Half", refund_cny="382.20"
    )
    assert dispute.refund_cny == Decimal("382.20") and dispute.resolution == "partial_refund"
    assert Order.objects.get(pk=disputed.pk).state == "partially_refunded"
    assert escrow_balance(disputed.pk) == orders.cny("0")
    assert LedgerTransaction.objects.filter(order_id=disputed.pk, kind="partial_refund").count() == 1


def test_release(disputed):
    disputes.resolve_dispute(membership=orders.operator(), order_id=disputed.pk, resolution="release", note="No fault")
    assert Order.objects.get(pk=disputed.pk).state == "completed"
    assert LedgerTransaction.objects.filter(order_id=disputed.pk, kind="release").exists()


def test_a_resolved_dispute_cannot_be_resolved_again(disputed):
    operator = orders.operator()
    disputes.resolve_dispute(membership=operator, order_id=disputed.pk, resolution="release", note="No fault")
    with pytest.raises(Conflict):
        disputes.resolve_dispute(membership=operator, order_id=disputed.pk, resolution="refund", note="Changed mind")
    assert LedgerTransaction.objects.filter(order_id=disputed.pk).count() == 2


def test_a_paid_order_never_shipped_can_be_disputed_and_refunded_with_its_stock(placed, buyer, supplier, variant):
    services.confirm_order(membership=supplier, order_id=placed.pk)
    orders.pay_in_full(placed)
    disputes.open_dispute(membership=buyer, order_id=placed.pk, reason="Nothing shipped after six weeks")
    disputes.resolve_dispute(membership=orders.operator(), order_id=placed.pk, resolution="refund", note="Not shipped")
    assert Order.objects.get(pk=placed.pk).state == "refunded"
    assert escrow_balance(placed.pk) == orders.cny("0")
    assert variant.__class__.objects.get(pk=variant.pk).stock_on_hand == 100


def test_a_dispute_that_fails_part_way_leaves_no_file_behind(delivered, buyer, monkeypatch):
    storage = Evidence._meta.get_field("file").storage
    written, save = [], storage._save

    def save_then_fail_on_the_second(name, content):
        if written:
            raise OSError("disk full")
        written.append(save(name, content))
        return written[-1]

    monkeypatch.setattr(storage, "_save", save_then_fail_on_the_second)
    files = [SimpleUploadedFile("a.png", PNG, "image/png"), SimpleUploadedFile("b.pdf", PDF, "application/pdf")]
    with pytest.raises(OSError):
        disputes.open_dispute(membership=buyer, order_id=delivered.pk, reason="Damaged", files=files)
    assert len(written) == 1 and not storage.exists(written[0])
    assert Order.objects.get(pk=delivered.pk).state == "delivered"
    assert not Dispute.objects.exists() and not Evidence.objects.exists()
