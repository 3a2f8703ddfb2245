"""Each move tells both parties once the transaction commits, through a background task the
worker runs: an email in each reader's own language, and a webhook delivery for each party's
subscribed endpoint. A rolled-back move queues nothing."""

import pytest
from django.core import mail
from django.core.management import call_command
from django_tasks_db.models import DBTaskResult

from tests import factories
from tests.orders import factories as orders
from tradebridge.core.errors import Conflict
from tradebridge.orders import services
from tradebridge.webhooks.models import Delivery, Endpoint

# The worker closes its database connection when it stops, so these tests commit for real.
pytestmark = pytest.mark.django_db(transaction=True)

NOTIFY = "tradebridge.orders.tasks.notify_order_moved"


def drain() -> None:
    call_command("worker", "--batch", "--no-startup-delay", "--interval", "0", verbosity=0)


@pytest.fixture
def endpoint(supplier):
    return Endpoint.objects.create(
        company=supplier.company,
        url="https://hooks.example.com/tb",
        secret="s" * 32,
        events=["order.placed", "order.confirmed"],
    )


def test_placing_emails_both_sides_in_their_languages_and_emits(
    buyer, supplier, variant, endpoint, django_capture_on_commit_callbacks
):
    buyer.user.preferred_language = "zh-hans"
    buyer.user.save()
    with django_capture_on_commit_callbacks(execute=True):
        [order] = orders.place(buyer, (variant, 20))
    assert mail.outbox == [] and not Delivery.objects.exists()  # nothing sent on the request path
    assert DBTaskResult.objects.filter(task_path=NOTIFY).count() == 1
    drain()
    by_address = {m.to[0]: m for m in mail.outbox}
    assert set(by_address) == {buyer.user.email, supplier.user.email}
    assert "订单" in by_address[buyer.user.email].subject  # "Order placed" in Chinese
    assert "Order placed" in by_address[supplier.user.email].subject
    assert order.reference in by_address[supplier.user.email].body
    delivery = Delivery.objects.get()
    assert delivery.event == "order.placed" and delivery.payload["order_id"] == order.pk
    assert delivery.payload["amount_due_cny"] == "764.40"


def test_confirmation_is_one_email_each_and_one_event(placed, supplier, endpoint, django_capture_on_commit_callbacks):
    drain()  # the placing's own notification
    mail.outbox.clear()
    Delivery.objects.all().delete()
    with django_capture_on_commit_callbacks(execute=True):
        services.confirm_order(membership=supplier, order_id=placed.pk)
    drain()
    assert len(mail.outbox) == 2
    assert list(Delivery.objects.values_list("event", flat=True)) == ["order.confirmed"]


def test_a_refused_move_sends_nothing(placed, buyer, supplier, endpoint, django_capture_on_commit_callbacks):
    colleague = factories.member(kind="supplier", the_company=supplier.company, role="staff")
    queued = DBTaskResult.objects.filter(task_path=NOTIFY).count()  # the placing's
    with django_capture_on_commit_callbacks(execute=True), pytest.raises(Conflict):
        services.ship_order(membership=colleague, order_id=placed.pk, carrier="DHL", tracking_number="1")
    assert DBTaskResult.objects.filter(task_path=NOTIFY).count() == queued
