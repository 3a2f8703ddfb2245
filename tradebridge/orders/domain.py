"""The order state machine as data, and the pure rules around it (deposits, dispute window).

No Django here. `TRANSITIONS` is the whole life of an order: every move names its action, the
states it leaves from, the state it reaches, who may make it and which fields it needs. Services
call `move()` before they write anything; an action that is not declared for the current state is
`IllegalTransition` (409), an actor the action does not allow is `Forbidden` (403).
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from datetime import datetime, timedelta
from decimal import ROUND_HALF_UP, Decimal
from enum import StrEnum

from tradebridge.core.errors import Conflict, DomainError, FieldError, Forbidden


class State(StrEnum):
    PLACED = "placed"
    CONFIRMED = "confirmed"
    REJECTED = "rejected"
    AWAITING_PAYMENT = "awaiting_payment"
    DEPOSIT_PAID = "deposit_paid"
    PAID = "paid"
    IN_PRODUCTION = "in_production"
    SHIPPED = "shipped"
    DELIVERED = "delivered"
    DISPUTED = "disputed"
    COMPLETED = "completed"
    REFUNDED = "refunded"
    PARTIALLY_REFUNDED = "partially_refunded"
    CANCELLED = "cancelled"
    CLOSED_UNPAID = "closed_unpaid"


class Actor(StrEnum):
    BUYER = "buyer"
    SUPPLIER = "supplier"
    OPERATOR = "operator"
    SYSTEM = "system"  # timers and payment callbacks


class Action(StrEnum):
    CONFIRM = "confirm"
    REQUEST_PAYMENT = "request_payment"
    REJECT = "reject"
    CANCEL = "cancel"
    AUTO_CLOSE = "auto_close"
    PAY_DEPOSIT = "pay_deposit"
    PAY_BALANCE = "pay_balance"
    PAY_FULL = "pay_full"
    START_PRODUCTION = "start_production"
    SHIP = "ship"
    MARK_DELIVERED = "mark_delivered"
    CONFIRM_RECEIPT = "confirm_receipt"
    AUTO_CONFIRM = "auto_confirm"
    OPEN_DISPUTE = "open_dispute"
    RESPOND_DISPUTE = "respond_dispute"
    RESOLVE_RELEASE = "resolve_release"
    RESOLVE_REFUND = "resolve_refund"
    RESOLVE_PARTIAL_REFUND = "resolve_partial_refund"


@dataclass(frozen=True)
class Transition:
    action: Action
    sources: frozenset[State]
    target: State
    actors: frozenset[Actor]
    requires: tuple[str, ...] = ()


def _t(action, sources, target, actors, requires=()) -> Transition:
    return Transition(action, frozenset(sources), target, frozenset(actors), tuple(requires))


S, A = State, Actor
UNPAID = (S.PLACED, S.AWAITING_PAYMENT)

TRANSITIONS: tuple[Transition, ...] = (
    _t(Action.CONFIRM, [S.PLACED], S.CONFIRMED, [A.SUPPLIER]),
    # Confirmation asks for payment straight away; the two rows make the timeline say both.
    _t(Action.REQUEST_PAYMENT, [S.CONFIRMED], S.AWAITING_PAYMENT, [A.SYSTEM]),
    _t(Action.REJECT, [S.PLACED], S.REJECTED, [A.SUPPLIER], ["reason"]),
    _t(Action.CANCEL, UNPAID, S.CANCELLED, [A.BUYER, A.SUPPLIER, A.OPERATOR], ["reason"]),
    # A balance that never comes closes the order too, and the deposit goes back to the buyer:
    # production starts only once the order is paid in full, so nothing was made for it.
    _t(Action.AUTO_CLOSE, [*UNPAID, S.DEPOSIT_PAID], S.CLOSED_UNPAID, [A.SYSTEM]),
    _t(Action.PAY_DEPOSIT, [S.AWAITING_PAYMENT], S.DEPOSIT_PAID, [A.SYSTEM]),
    _t(Action.PAY_BALANCE, [S.DEPOSIT_PAID], S.PAID, [A.SYSTEM]),
    _t(Action.PAY_FULL, [S.AWAITING_PAYMENT], S.PAID, [A.SYSTEM]),
    _t(Action.START_PRODUCTION, [S.PAID], S.IN_PRODUCTION, [A.SUPPLIER]),
    _t(Action.SHIP, [S.PAID, S.IN_PRODUCTION], S.SHIPPED, [A.SUPPLIER], ["carrier", "tracking_number"]),
    _t(Action.MARK_DELIVERED, [S.SHIPPED], S.DELIVERED, [A.BUYER, A.SUPPLIER, A.OPERATOR]),
    _t(Action.CONFIRM_RECEIPT, [S.DELIVERED], S.COMPLETED, [A.BUYER]),
    _t(Action.AUTO_CONFIRM, [S.DELIVERED], S.COMPLETED, [A.SYSTEM]),
    # Paid but never shipped is disputable too, or the buyer's money could wait in escrow forever.
    _t(Action.OPEN_DISPUTE, [S.PAID, S.IN_PRODUCTION, S.SHIPPED, S.DELIVERED], S.DISPUTED, [A.BUYER], ["reason"]),
    _t(Action.RESPOND_DISPUTE, [S.DISPUTED], S.DISPUTED, [A.SUPPLIER], ["response"]),
    _t(Action.RESOLVE_RELEASE, [S.DISPUTED], S.COMPLETED, [A.OPERATOR], ["reason"]),
    _t(Action.RESOLVE_REFUND, [S.DISPUTED], S.REFUNDED, [A.OPERATOR], ["reason"]),
    _t(Action.RESOLVE_PARTIAL_REFUND, [S.DISPUTED], S.PARTIALLY_REFUNDED, [A.OPERATOR], ["reason", "refund"]),
)
BY_ACTION: Mapping[Action, Transition] = {t.action: t for t in TRANSITIONS}

TERMINAL = frozenset({S.REJECTED, S.COMPLETED, S.REFUNDED, S.PARTIALLY_REFUNDED, S.CANCELLED, S.CLOSED_UNPAID})
# Stock is held from confirmation; these moves give it back.
RELEASES_STOCK = frozenset({Action.CANCEL, Action.AUTO_CLOSE})
# Money sits in escrow in these states.
FUNDED = frozenset({S.DEPOSIT_PAID, S.PAID, S.IN_PRODUCTION, S.SHIPPED, S.DELIVERED, S.DISPUTED})


class IllegalTransition(Conflict):
    """The action exists but not from the order's current state."""

    def __init__(self, action: Action, state: State):
        super().__init__(
            "illegal_transition",
            f"An order that is {state.value.replace('_', ' ')} cannot be moved by '{action.value}'.",
            "state",
        )
        self.action, self.state = action, state


def move(
    state: State | str,
    action: Action | str,
    actor: Actor | str,
    fields: Mapping[str, object] | None = None,
    *,
    sent_as: Mapping[str, str] | None = None,
) -> Transition:
    """The transition `actor` makes by `action` from `state`, or the named refusal.

    Checks in the order a person would want to hear them: who may (403), whether now (409), then
    what is missing (400). `sent_as` names a field as the request does where that differs from
    the transition's name (the operator's `note` is a resolution's reason), so the refusal
    points at the field the person filled in."""
    state, action, actor = State(state), Action(action), Actor(actor)
    transition = BY_ACTION[action]
    if actor not in transition.actors:
        raise Forbidden("actor_not_allowed", f"The {actor.value} cannot '{action.value}' an order.", "action")
    if state not in transition.sources:
        raise IllegalTransition(action, state)
    fields = fields or {}
    missing = [name for name in transition.requires if not _given(fields.get(name))]
    if missing:
        sent_as = sent_as or {}
        raise DomainError.many(
            FieldError(f"{name}_required", f"Give the {name.replace('_', ' ')}.", sent_as.get(name, name))
            for name in missing
        )
    return transition


def _given(value: object) -> bool:
    if isinstance(value, str):
        return bool(value.strip())
    return value is not None


def actions_from(state: State | str, actor: Actor | str | None = None) -> list[Action]:
    """What can happen next: the buttons a page shows for this state (and actor)."""
    state = State(state)
    return [t.action for t in TRANSITIONS if state in t.sources and (actor is None or Actor(actor) in t.actors)]


def reachable(start: State = State.PLACED, transitions: Iterable[Transition] = TRANSITIONS) -> set[State]:
    """Every state some sequence of declared transitions leads to from `start`."""
    seen, frontier = {start}, [start]
    transitions = list(transitions)
    while frontier:
        current = frontier.pop()
        for t in transitions:
            if current in t.sources and t.target not in seen:
                seen.add(t.target)
                frontier.append(t.target)
    return seen


# -- money rules ----------------------------------------------------------------------------------

CENT = Decimal("0.01")


def amount_due_cny(total: Decimal, rate: Decimal) -> Decimal:
    """What the buyer pays in CNY for an order total: total × snapshot rate, half up to the fen."""
    return (total * rate).quantize(CENT, ROUND_HALF_UP)


def payment_parts(due_cny: Decimal, deposit_percent: int) -> tuple[Decimal, Decimal]:
    """(deposit, balance) in CNY; a deposit of 0% means one payment of the whole (deposit 0).
    An order too small to leave a balance after its deposit (99% of CNY 0.01) is paid in one:
    a balance of 0 could never be paid, and the order would wait for it for ever."""
    if not 0 <= deposit_percent <= 100:
        raise DomainError("deposit_percent_invalid", "The deposit is between 0 and 100 percent.", "deposit_percent")
    if deposit_percent in (0, 100):
        return Decimal(0), due_cny
    deposit = (due_cny * deposit_percent / 100).quantize(CENT, ROUND_HALF_UP)
    if deposit >= due_cny:
        return Decimal(0), due_cny
    return deposit, due_cny - deposit


def too_small_to_pay(due_cny: Decimal) -> FieldError | None:
    """Why an order that comes to less than a fen cannot be placed: there is nothing to pay into
    escrow, so it would wait for a payment for ever (a tier price of GBP 0.001, one unit)."""
    if due_cny >= CENT:
        return None
    return FieldError("order_total_too_small", "This order comes to less than CNY 0.01; order more.", "lines")


def next_payment(state: State | str, deposit: Decimal, balance: Decimal) -> tuple[str, Decimal] | None:
    """(part, CNY amount) the buyer must pay next: 'deposit', 'balance' or 'full'; None if nothing."""
    state = State(state)
    if state is State.AWAITING_PAYMENT:
        return ("deposit", deposit) if deposit else ("full", balance)
    if state is State.DEPOSIT_PAID:
        return ("balance", balance)
    return None


def payment_action(part: str) -> Action:
    try:
        return {"deposit": Action.PAY_DEPOSIT, "balance": Action.PAY_BALANCE, "full": Action.PAY_FULL}[part]
    except KeyError:
        raise DomainError("payment_part_invalid", "The payment part is deposit, balance or full.", "part") from None


def dispute_window_open(delivered_at: datetime | None, now: datetime, days: int) -> bool:
    """A buyer may dispute a shipped order any time, a delivered one for `days` after delivery."""
    return delivered_at is None or now <= delivered_at + timedelta(days=days)


def is_due(since: datetime, now: datetime, days: int) -> bool:
    """Timers: `days` have passed since `since`."""
    return now >= since + timedelta(days=days)
