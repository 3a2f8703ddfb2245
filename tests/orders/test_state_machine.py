"""A hypothesis state machine over orders against the real database: placing, every move by
every party (legal or not), payments through signed gateway webhooks (and their replays),
shipping, disputes and the two timers under a moving clock.

After every step it checks what must always hold: the ledger balances per currency; no stock is
negative and every held unit belongs to a live reservation; escrow holds exactly the payments
less what was released and refunded, and nothing leaves it twice; no payment is lost or
doubled; and every state an order is in was reached by a transition declared in
`orders/domain.py`, by a party that transition allows.
"""

from __future__ import annotations

import itertools
from collections import defaultdict
from datetime import timedelta
from decimal import Decimal

import pytest
from django.db import transaction
from django.db.models import Sum
from django.utils import timezone
from hypothesis import HealthCheck, settings
from hypothesis import strategies as st
from hypothesis.stateful import (
    Bundle,
    RuleBasedStateMachine,
    initialize,
    invariant,
    multiple,
    precondition,
    rule,
    run_state_machine_as_test,
)

from tests import factories
from tests.orders import factories as orders
from tests.payments.factories import signed_event
from tradebridge.catalog.models import Variant
from tradebridge.core.errors import DomainError
from tradebridge.ledger import audit
from tradebridge.ledger.domain import AccountKind
from tradebridge.ledger.models import Posting
from tradebridge.ledger.selectors import escrow_balance
from tradebridge.orders import cart, disputes, placement, services
from tradebridge.orders.domain import BY_ACTION, FUNDED, Action, Actor, State, actions_from
from tradebridge.orders.models import Order, OrderEvent, Payment, StockReservation
from tradebridge.payments import services as payments
from tradebridge.payments.models import PaymentIntent

pytestmark = pytest.mark.django_db
STOCK = 60
# Escrow has paid out everything it received: to the supplier, back to the buyer, or both (an
# order closed with only its deposit paid has refunded it).
PAID_OUT = {State.COMPLETED, State.REFUNDED, State.PARTIALLY_REFUNDED, State.CLOSED_UNPAID}
WHO = ("buyer", "supplier", "operator", "stranger")
_SHIPPED = (Action.CONFIRM, "pay", Action.START_PRODUCTION, Action.SHIP, Action.MARK_DELIVERED)
ENDINGS = {
    "receipt": (*_SHIPPED, Action.CONFIRM_RECEIPT),
    "auto_confirm": (*_SHIPPED, "timers"),
    "release": (*_SHIPPED, Action.OPEN_DISPUTE, Action.RESPOND_DISPUTE, Action.RESOLVE_RELEASE),
    "refund": (*_SHIPPED, Action.OPEN_DISPUTE, Action.RESOLVE_REFUND),
    "partial_refund": (*_SHIPPED, Action.OPEN_DISPUTE, Action.RESPOND_DISPUTE, Action.RESOLVE_PARTIAL_REFUND),
    "auto_close": (Action.CONFIRM, "timers"),
    "balance_lapses": (Action.CONFIRM, "pay_once", "timers"),
}


class World:
    """The companies and products every example starts from (made once per test run)."""

    def __init__(self):
        orders.market()
        self.buyer = factories.member(kind="buyer")
        self.supplier = factories.member(kind="supplier")
        self.operator = orders.operator()
        self.stranger = factories.member(kind="buyer")
        product = orders.scarf(
            self.supplier.company,
            handle="hot-scarf",
            stock=STOCK,
            moq=10,
            multiple=5,
            skus=("HOT-1", "HOT-2"),
        )
        self.variants = list(Variant.objects.filter(product=product).order_by("pk"))
        Variant.objects.filter(product=product).update(stock_on_hand=STOCK)


def _moves(world: World):
    """Each declared action as a call on the services, given who acts and the step's inputs."""

    def call(name):
        return lambda m, o, d: getattr(services, name)(membership=m, order_id=o)

    return {
        Action.CONFIRM: call("confirm_order"),
        Action.REJECT: lambda m, o, d: services.reject_order(membership=m, order_id=o, reason="No capacity"),
        Action.CANCEL: lambda m, o, d: services.cancel_order(membership=m, order_id=o, reason="Changed plans"),
        Action.START_PRODUCTION: call("start_production"),
        Action.SHIP: lambda m, o, d: services.ship_order(
            membership=m, order_id=o, carrier="DHL", tracking_number=f"JD{o:06d}"
        ),
        Action.MARK_DELIVERED: call("mark_delivered"),
        Action.CONFIRM_RECEIPT: call("confirm_receipt"),
        Action.OPEN_DISPUTE: lambda m, o, d: disputes.open_dispute(membership=m, order_id=o, reason="Damaged"),
        Action.RESPOND_DISPUTE: lambda m, o, d: disputes.respond_to_dispute(
            membership=m, order_id=o, response="Packed well"
        ),
        Action.RESOLVE_RELEASE: lambda m, o, d: disputes.resolve_dispute(
            membership=m, order_id=o, resolution="release", note="Goods fine"
        ),
        Action.RESOLVE_REFUND: lambda m, o, d: disputes.resolve_dispute(
            membership=m, order_id=o, resolution="refund", note="Goods lost"
        ),
        Action.RESOLVE_PARTIAL_REFUND: lambda m, o, d: disputes.resolve_dispute(
            membership=m, order_id=o, resolution="partial_refund", note="Half", refund_cny=_part_of(o, d)
        ),
    }


def _part_of(order_id: int, share: int) -> str:
    """A refund of `share` percent of what escrow holds, in fen; may be out of range (refused)."""
    held = Order.objects.get(pk=order_id).paid_cny
    return str((held * share / 100).quantize(Decimal("0.01")))


def make_machine(world: World):
    moves = _moves(world)
    members = {
        "buyer": world.buyer,
        "supplier": world.supplier,
        "operator": world.operator,
        "stranger": world.stranger,
    }
    actor_member = {Actor.BUYER: world.buyer, Actor.SUPPLIER: world.supplier, Actor.OPERATOR: world.operator}

    class OrderMachine(RuleBasedStateMachine):
        placed = Bundle("placed")

        def __init__(self):
            super().__init__()
            # Each example runs in a savepoint that teardown rolls back: the next starts clean.
            self._atomic = transaction.atomic()
            self._atomic.__enter__()
            self.now = timezone.now()
            self.sent: list[tuple[dict, bytes]] = []
            self.refused = 0

        def teardown(self):
            import sys

            print(
                sorted(set(Order.objects.values_list("state", flat=True))),
                Payment.objects.count(),
                self.refused,
                file=sys.stderr,
            )
            transaction.set_rollback(True)
            self._atomic.__exit__(None, None, None)

        # -- steps ----------------------------------------------------------------------------

        @initialize(target=placed, quantity=st.sampled_from([10, 20, 40]), deposit=st.sampled_from([0, 30]))
        def first_order(self, quantity, deposit):
            return self.place([quantity, 0], deposit)

        @rule(
            target=placed,
            quantities=st.lists(st.sampled_from([0, 10, 20, 25, 40, 5, 65]), min_size=2, max_size=2),
            deposit=st.sampled_from([0, 30]),
        )
        def place(self, quantities, deposit):
            orders_before = Order.objects.count()
            try:
                for variant, quantity in zip(world.variants, quantities, strict=True):
                    if quantity:
                        cart.add_to_cart(membership=world.buyer, variant_id=variant.pk, quantity=quantity)
                [order] = placement.place_orders(membership=world.buyer, deposit_percent=deposit)
            except DomainError:
                self.refused += 1  # below the MOQ, not a multiple, or an empty cart: nothing placed
                assert Order.objects.count() == orders_before
                placement.CartLine.objects.filter(buyer_id=world.buyer.company_id).delete()
                return multiple()
            return order.pk

        @rule(order_id=placed, steps=st.integers(1, 8), data=st.data())
        def advance(self, order_id, steps, data):
            """Up to `steps` moves the order's state allows, each by a party it allows (paying
            when a payment is due), so examples reach shipping, disputes and release."""
            for _ in range(steps):
                order = Order.objects.get(pk=order_id)
                choices = [a for a in actions_from(order.state) if a in moves]
                if services.amount_due(order):
                    choices.insert(0, "pay")  # first: hypothesis leans towards early choices
                if not choices:
                    return
                action = data.draw(st.sampled_from(choices))
                if action == "pay":
                    self.pay_through_the_gateway(order_id)
                    continue
                actors = sorted(a for a in BY_ACTION[action].actors if a in actor_member)
                member = actor_member[data.draw(st.sampled_from(actors))]
                self._try(moves[action], member, order_id, data.draw(st.integers(1, 120)))

        @rule(order_id=placed, ending=st.sampled_from(sorted(ENDINGS)))
        def see_it_through(self, order_id, ending):
            """Drive the order along its happy path to `ending`, each move only if still on offer
            (an earlier step may have closed the order): the deep states every run must reach."""
            for step in ENDINGS[ending]:
                order = Order.objects.get(pk=order_id)
                if step == "pay":
                    while services.amount_due(Order.objects.get(pk=order_id)):
                        self.pay_through_the_gateway(order_id)
                elif step == "pay_once":
                    self.pay_through_the_gateway(order_id)  # the deposit alone, where there is one
                elif step == "timers":
                    self.now += timedelta(days=45)
                    self.timers_fire()
                elif step in actions_from(order.state):
                    actor = min(a for a in BY_ACTION[step].actors if a in actor_member)
                    self._try(moves[step], actor_member[actor], order_id, 50)

        @rule(
            order_id=placed, action=st.sampled_from(sorted(Action)), who=st.sampled_from(WHO), share=st.integers(1, 99)
        )
        def anything(self, order_id, action, who, share):
            """Any move by anyone: most are refused, and a refusal must change nothing."""
            if action not in moves:
                return
            self._try(moves[action], members[who], order_id, share)

        def _try(self, call, member, order_id, share):
            before = self._snapshot(order_id)
            try:
                call(member, order_id, share)
            except DomainError:
                self.refused += 1
                assert self._snapshot(order_id) == before, "a refused move changed the order"

        def _snapshot(self, order_id):
            order = Order.objects.get(pk=order_id)
            return (order.state, order.paid_cny, order.events.count(), Posting.objects.count())

        @rule(order_id=placed)
        def pay_through_the_gateway(self, order_id):
            """The buyer pays what is due; the gateway's signed webhook records it."""
            try:
                intent = payments.start_payment(membership=world.buyer, order_id=order_id, method="alipay")
            except DomainError:
                return  # nothing is due now
            headers, body = signed_event(intent)
            outcome = payments.handle_webhook(provider=intent.provider, headers=headers, body=body)
            assert outcome.outcome == "applied", outcome
            self.sent.append((headers, body))

        @precondition(lambda self: self.sent)
        @rule(index=st.integers(0, 50))
        def replay_a_webhook(self, index):
            """The gateway delivers an event again: answered, never applied twice."""
            headers, body = self.sent[index % len(self.sent)]
            before = (Payment.objects.count(), Posting.objects.count())
            outcome = payments.handle_webhook(provider="simulator", headers=headers, body=body)
            assert outcome.duplicate
            assert (Payment.objects.count(), Posting.objects.count()) == before

        @rule(days=st.integers(1, 12))
        def time_passes(self, days):
            self.now += timedelta(days=days)

        @rule()
        def timers_fire(self):
            for order_id in Order.objects.values_list("pk", flat=True):
                services.close_if_unpaid(order_id=order_id, now=self.now)
                services.confirm_if_due(order_id=order_id, now=self.now)

        # -- what always holds ----------------------------------------------------------------

        @invariant()
        def the_ledger_balances_per_currency(self):
            assert audit.breaches() == []
            totals = defaultdict(Decimal)
            for currency, amount in Posting.objects.values_list("currency", "amount"):
                totals[currency] += amount
            assert all(total == 0 for total in totals.values()), totals

        @invariant()
        def stock_is_never_negative_and_every_unit_is_accounted_for(self):
            held = dict(
                StockReservation.objects.filter(released_at__isnull=True)
                .values_list("variant_id")
                .annotate(n=Sum("quantity"))
            )
            for variant in Variant.objects.filter(pk__in=[v.pk for v in world.variants]):
                assert variant.stock_on_hand >= 0
                assert variant.stock_on_hand + held.get(variant.pk, 0) == STOCK

        @invariant()
        def money_is_neither_created_nor_lost(self):
            for order in Order.objects.all():
                paid = sum(order.payments.values_list("amount_cny", flat=True), Decimal(0))
                out = -sum(
                    Posting.objects.filter(
                        transaction__order_id=order.pk,
                        account__kind=AccountKind.ESCROW_HELD,
                        amount__lt=0,
                    ).values_list("amount", flat=True),
                    Decimal(0),
                )
                held = escrow_balance(order.pk).amount
                assert paid == order.paid_cny <= order.amount_due_cny
                assert held == paid - out
                if order.state in FUNDED:
                    assert held == paid and out == 0
                elif order.state in PAID_OUT:
                    assert held == 0 and out == paid
                else:
                    assert paid == 0 and held == 0

        @invariant()
        def no_payment_is_lost_or_doubled(self):
            captured = PaymentIntent.objects.filter(status="captured")
            assert captured.count() == Payment.objects.count()
            assert set(captured.values_list("provider_reference", flat=True)) == set(
                Payment.objects.values_list("provider_reference", flat=True)
            )

        @invariant()
        def every_state_comes_from_a_declared_transition(self):
            events = defaultdict(list)
            for event in OrderEvent.objects.order_by("created_at", "pk"):
                events[event.order_id].append(event)
            for order in Order.objects.all():
                history = events[order.pk]
                assert (history[0].action, history[0].from_state, history[0].to_state) == ("place", "", "placed")
                for previous, event in itertools.pairwise(history):
                    transition = BY_ACTION[Action(event.action)]
                    assert event.from_state == previous.to_state
                    assert State(event.from_state) in transition.sources
                    assert event.to_state == transition.target.value
                    assert Actor(event.actor_kind) in transition.actors
                assert history[-1].to_state == order.state

    return OrderMachine


def test_orders_keep_their_invariants_whatever_happens():
    world = World()
    run_state_machine_as_test(
        make_machine(world),
        settings=settings(
            max_examples=14,
            stateful_step_count=25,
            deadline=None,
            suppress_health_check=[HealthCheck.too_slow, HealthCheck.filter_too_much],
            database=None,
        ),
    )
