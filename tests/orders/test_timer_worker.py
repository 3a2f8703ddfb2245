"""The auto-close timer is a database row that a real `tradebridge worker` runs when due, even one
started after the order was placed (a restart loses nothing). Real processes, real SQLite file."""

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]

PLACE = """
import json
from datetime import timedelta
from django.db import transaction
from django.utils import timezone
from tests import factories
from tests.orders import factories as orders
from tradebridge.orders import timers
from tradebridge.orders.models import Order

orders.market()
supplier = factories.member(kind="supplier")
variant = orders.variant_of(orders.scarf(supplier.company))
buyer = factories.member(kind="buyer")
with transaction.atomic():
    [order] = orders.place(buyer, (variant, 20))
# The order has waited longer than the setting: move its clock back and set the timer again,
# as placing did, so the row is due now.
past = timezone.now() - timedelta(days=8)
Order.objects.filter(pk=order.pk).update(state_changed_at=past, placed_at=past)
timers.schedule_auto_close(order.pk, since=past)
print(json.dumps({"order": order.pk}))
"""

STATE = """
import json
from tradebridge.orders.models import Order
order = Order.objects.get(pk={order_id})
print(json.dumps({{"state": order.state, "events": list(order.events.values_list("action", flat=True))}}))
"""


def _env(tmp_path) -> dict:
    hidden = {"DJANGO_SETTINGS_MODULE", "DATABASE_URL", "SECRET_KEY", "TEST_DATABASE_URL"}
    env = {k: v for k, v in os.environ.items() if k not in hidden}
    return env | {"TRADEBRIDGE_ENV": "development", "TRADEBRIDGE_DATA_DIR": str(tmp_path), "PYTHONPATH": str(ROOT)}


def _cli(env, *args) -> str:
    done = subprocess.run(
        [sys.executable, "-m", "tradebridge.cli", *args], env=env, cwd=ROOT, capture_output=True, text=True, timeout=300
    )
    assert done.returncode == 0, done.stderr[-3000:]
    return done.stdout


@pytest.mark.slow
def test_a_worker_started_later_closes_the_unpaid_order(tmp_path):
    env = _env(tmp_path)
    _cli(env, "migrate", "-v", "0")
    placed = json.loads(_cli(env, "shell", "-c", PLACE).strip().splitlines()[-1])
    before = json.loads(_cli(env, "shell", "-c", STATE.format(order_id=placed["order"])).strip().splitlines()[-1])
    assert before["state"] == "placed"
    _cli(env, "worker", "--batch", "--no-startup-delay", "-v", "0")
    after = json.loads(_cli(env, "shell", "-c", STATE.format(order_id=placed["order"])).strip().splitlines()[-1])
    assert after == {"state": "closed_unpaid", "events": ["place", "auto_close"]}
