"""The state machine table, tested directly: every state reachable only by declared moves."""

from decimal import Decimal

import pytest

from tradebridge.core.errors import Conflict, DomainError, Forbidden
from tradebridge.orders import domain
from tradebridge.orders.domain import TRANSITIONS, Action, Actor, IllegalTransition, State, move


def test_every_state_is_reachable_from_placed():
    assert domain.reachable() == set(State)


def test_terminal_states_have_no_way_out():
    for transition in TRANSITIONS:
        assert not (transition.sources & domain.TERMINAL), transition


def test_each_state_is_entered_only_by_its_declared_transitions():
    for state in State:
        entering = {t.action for t in TRANSITIONS if t.target is state}
        for action in Action:
            transition = domain.BY_ACTION[action]
            for source in State:
                for actor in transition.actors:
                    fields = dict.fromkeys(transition.requires, "x")
                    if source in transition.sources:
                        assert move(source, action, actor, fields).target is transition.target
                    else:
                        with pytest.raises(IllegalTransition):
                            move(source, action, actor, fields)
            if transition.target is state:
                assert action in entering


def test_an_undeclared_actor_is_forbidden_before_state_is_considered():
    with pytest.raises(Forbidden) as caught:
        move(State.PLACED, Action.CONFIRM, Actor.BUYER)
    assert caught.value.code == "actor_not_allowed"
    with pytest.raises(Forbidden):
        move(State.SHIPPED, Action.PAY_FULL, Actor.BUYER)  # only a provider callback pays


def test_out_of_order_is_a_named_409():
    with pytest.raises(Conflict) as caught:
        move(State.AWAITING_PAYMENT, Action.SHIP, Actor.SUPPLIER, {"carrier": "DHL", "tracking_number": "1"})
    assert caught.value.code == "illegal_transition" and caught.value.status == 409


@pytest.mark.parametrize(
    ("action", "state", "actor", "fields", "missing"),
    [
        (Action.REJECT, State.PLACED, Actor.SUPPLIER, {"reason": "  "}, {"reason"}),
        (Action.SHIP, State.PAID, Actor.SUPPLIER, {"carrier": "DHL"}, {"tracking_number"}),
        (Action.SHIP, State.PAID, Actor.SUPPLIER, {}, {"carrier", "tracking_number"}),
        (Action.OPEN_DISPUTE, State.DELIVERED, Actor.BUYER, {}, {"reason"}),
        (Action.RESOLVE_PARTIAL_REFUND, State.DISPUTED, Actor.OPERATOR, {"reason": "x"}, {"refund"}),
    ],
)
def test_required_fields_are_named(action, state, actor, fields, missing):
    with pytest.raises(DomainError) as caught:
        move(state, action, actor, fields)
    assert {e.field for e in caught.value.errors} == missing
    assert caught.value.status == 400


def test_a_refusal_names_the_field_as_the_request_sent_it():
    with pytest.raises(DomainError) as caught:
        move(State.DISPUTED, Action.RESOLVE_PARTIAL_REFUND, Actor.OPERATOR, {}, sent_as={"reason": "note"})
    assert {(e.code, e.field) for e in caught.value.errors} == {
        ("reason_required", "note"),
        ("refund_required", "refund"),
    }


def test_actions_from_lists_what_each_side_may_do():
    assert domain.actions_from(State.PLACED, Actor.SUPPLIER) == [Action.CONFIRM, Action.REJECT, Action.CANCEL]
    assert domain.actions_from(State.PLACED, Actor.BUYER) == [Action.CANCEL]
    assert domain.actions_from(State.COMPLETED) == []


def test_amount_due_rounds_half_up_to_the_fen():
    assert domain.amount_due_cny(Decimal("84.00"), Decimal("9.10")) == Decimal("764.40")
    assert domain.amount_due_cny(Decimal("0.05"), Decimal("9.1")) == Decimal("0.46")  # 0.455 -> 0.46


@pytest.mark.parametrize(
    ("due", "percent", "parts"),
    [
        ("764.40", 0, ("0", "764.40")),
        ("764.40", 100, ("0", "764.40")),
        ("764.40", 30, ("229.32", "535.08")),
        ("100.01", 50, ("50.01", "50.00")),
        ("0.01", 99, ("0", "0.01")),  # too small to leave a balance: one payment
        ("0.01", 1, ("0.00", "0.01")),  # a deposit that rounds to nothing: one payment too
    ],
)
def test_payment_parts_sum_to_what_is_due(due, percent, parts):
    deposit, balance = domain.payment_parts(Decimal(due), percent)
    assert (deposit, balance) == tuple(Decimal(p) for p in parts)
    assert deposit + balance == Decimal(due)


def test_an_order_of_less_than_a_fen_cannot_be_placed():
    assert domain.too_small_to_pay(Decimal("0.01")) is None
    problem = domain.too_small_to_pay(Decimal("0.00"))
    assert (problem.code, problem.field) == ("order_total_too_small", "lines")


def test_next_payment_follows_the_state():
    assert domain.next_payment(State.AWAITING_PAYMENT, Decimal(0), Decimal(10)) == ("full", Decimal(10))
    assert domain.next_payment(State.AWAITING_PAYMENT, Decimal(3), Decimal(7)) == ("deposit", Decimal(3))
    assert domain.next_payment(State.DEPOSIT_PAID, Decimal(3), Decimal(7)) == ("balance", Decimal(7))
    assert domain.next_payment(State.PAID, Decimal(3), Decimal(7)) is None
    assert domain.next_payment(State.PLACED, Decimal(0), Decimal(7)) is None


def test_deposit_percent_out_of_range_is_refused():
    with pytest.raises(DomainError) as caught:
        domain.payment_parts(Decimal(10), 101)
    assert caught.value.field == "deposit_percent"
