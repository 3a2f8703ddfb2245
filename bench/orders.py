"""Benchmark: K concurrent clients place and pay orders against a few hot SKUs with limited stock.

    python bench/orders.py [--clients 8] [--seconds 12] [--database-url postgres://postgres@127.0.0.1:5432/tb_bench]

Each client is a buyer company: it puts one line of every hot SKU in its cart (a 4-line order by
default), places the order, has the supplier confirm it (which reserves stock, or is refused once
stock runs out) and pays it through the simulated gateway's signed webhook. It runs twice per
engine: through the service layer (K client processes) and through HTTP (K client processes
against `tradebridge serve`, gunicorn with --workers processes, on 127.0.0.1, running this
checkout's code). SQLite always (a throwaway file); PostgreSQL when a URL is given
(the database is dropped and created).

Printed, never asserted: orders/s and p50/p99 latency of placing and of the whole cycle, the
p50 wall time and client-process CPU time of each step (cart, place, confirm, payment intent,
webhook), the server's CPU time per cycle in the HTTP phase, the
refusals, oversells (must be 0), ledger imbalance (must be 0), lost or duplicated payments
(must be 0), peak RSS, the machine's load average during each phase, and in the same run a
baseline (a bare ORM INSERT of an order row, and a bare HTTP round trip to /healthz) so the
figures read as ratios. "Paid orders/s" counts orders placed and paid over the phase's wall time,
or, where the hot SKUs ran out, over the time until the first refusal.
Targets are printed beside them.
"""

from __future__ import annotations

import argparse
import http.client
import json
import os
import resource
import socket
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
TARGET_HTTP_P50_MS = 40.0
TARGET_PG_ORDERS_PER_S = 150.0
QUANTITY = 2  # units of each SKU per order
PRICE = "3.50"


def _django() -> None:
    import django

    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "tradebridge.settings")
    django.setup()


def _wait_for_go(sync: str, name: str) -> tuple[float, float]:
    """Say this client is ready, then wait for the parent's (start, deadline), so the timed
    window starts once every client has set Django up, however loaded the machine is."""
    Path(sync, f"ready-{name}").touch()
    go = Path(sync, "go")
    while not go.exists():
        time.sleep(0.01)
    start, deadline = (float(x) for x in go.read_text().split())
    while time.time() < start:
        time.sleep(0.002)
    return start, deadline


def _go(sync: str, clients: int, seconds: float, timeout: float = 120) -> tuple[float, float]:
    limit = time.time() + timeout
    while len(list(Path(sync).glob("ready-*"))) < clients:
        if time.time() > limit:
            sys.exit("the clients did not start")
        time.sleep(0.05)
    start = time.time() + 0.2
    Path(sync, "go.tmp").write_text(f"{start} {start + seconds}")
    Path(sync, "go.tmp").rename(Path(sync, "go"))
    return start, start + seconds


def _rss_mb() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


# -- child processes: set-up, baseline, clients, report ---------------------------------------


def setup(clients: int, skus: int, stock: int) -> dict:
    """Migrate, then one supplier with two sets of `skus` hot products (one set per phase, so each
    phase starts from full stock) and `clients` buyer companies."""
    _django()
    from datetime import timedelta
    from decimal import Decimal

    from django.core.management import call_command
    from django.utils import timezone

    from tradebridge.accounts.models import User
    from tradebridge.accounts.services import create_api_token
    from tradebridge.catalog.models import PriceTier, Product, Variant
    from tradebridge.companies.models import Company, Membership
    from tradebridge.pricing.models import ExchangeRate, FreightRate

    call_command("migrate", verbosity=0)
    ExchangeRate.objects.create(
        base="GBP", quote="CNY", rate="9.10", valid_from=timezone.now() - timedelta(hours=1), source="bench"
    )
    FreightRate.objects.create(mode="sea_lcl", currency="GBP", price="85", minimum="95")

    def member(kind: str, n: int) -> Membership:
        extra = {"companies_house_number": f"{n:08d}"} if kind == "supplier" else {"uscc": ""}
        country = "GB" if kind == "supplier" else "CN"
        company = Company.objects.create(kind=kind, name=f"Bench {kind} {n}", country=country, **extra)
        user = User.objects.create_user(email=f"{kind}{n}@bench.example", password=None, full_name=f"Bench {n}")
        return Membership.objects.create(user=user, company=company, role="owner")

    supplier = member("supplier", 1)
    variants = []
    for n in range(skus * 2):
        product = Product.objects.create(
            supplier=supplier.company, handle=f"hot-{n}", title_en=f"Hot SKU {n}", status="published", hs_code="611710"
        )
        PriceTier.objects.create(product=product, min_quantity=1, unit_price=Decimal(PRICE))
        variants.append(
            Variant.objects.create(
                product=product, supplier=supplier.company, sku=f"HOT-{n}", stock_on_hand=stock, weight_g=150
            ).pk
        )
    buyers = [member("buyer", n) for n in range(clients)]
    return {
        "phases": {"service": variants[:skus], "http": variants[skus:]},
        "supplier": supplier.pk,
        "buyers": [b.pk for b in buyers],
        "supplier_tokens": [create_api_token(membership=supplier, name=f"bench {n}")[1] for n in range(clients)],
        "buyer_tokens": [create_api_token(membership=b, name="bench")[1] for b in buyers],
    }


def baseline_insert(rows: int) -> dict:
    """The floor: one autocommitted ORM INSERT of an order row, nothing else (rows removed after)."""
    _django()
    from decimal import Decimal

    from django.utils import timezone

    from tradebridge.companies.models import Company
    from tradebridge.orders.models import Order

    buyer = Company.objects.filter(kind="buyer").first()
    supplier = Company.objects.filter(kind="supplier").first()
    now = timezone.now()
    latencies, ids = [], []
    for _ in range(rows):
        started = time.perf_counter()
        order = Order.objects.create(
            buyer=buyer,
            supplier=supplier,
            currency="GBP",
            total=Decimal("28.00"),
            fx_rate=Decimal("9.10"),
            fx_source="bench",
            fx_valid_from=now,
            incoterm="FOB",
            freight_mode="sea_lcl",
            amount_due_cny=Decimal("254.80"),
            balance_cny=Decimal("254.80"),
            placed_at=now,
            state_changed_at=now,
        )
        latencies.append((time.perf_counter() - started) * 1000)
        ids.append(order.pk)
    Order.objects.filter(pk__in=ids).delete()
    return {"latency_ms": latencies}


def service_client(index: int, cfg: dict, phase: str, sync: str, limit: int) -> dict:
    """One buyer's loop through the services: cart, place, confirm (supplier), pay (signed webhook)."""
    _django()
    from django.db import OperationalError
    from django.urls import reverse

    from tradebridge.companies.models import Membership

    buyer = Membership.objects.select_related("company", "user").get(pk=cfg["buyers"][index])
    supplier = Membership.objects.select_related("company", "user").get(pk=cfg["supplier"])
    # Starting a payment reverses a URL, which imports every app's URLs and builds the API's
    # schemas: ~0.5 s of CPU once per process, done before the timed window like the server's
    # own start-up, so 8 clients doing it at once do not stall the first cycles.
    reverse("payments:simulator", args=["pi_warm_up"])
    result = _empty_result()
    _, deadline = _wait_for_go(sync, f"service-{index}")
    while time.time() < deadline and result["cycles"] < limit:
        try:
            _service_cycle(buyer, supplier, cfg["phases"][phase], result)
        except OperationalError as exc:
            # SQLite's busy timeout ran out (8 writer processes on a loaded machine starve one
            # another): counted as an error, and the buyer starts a fresh cycle.
            result["errors"].append(f"database: {exc}"[:80])
            result["cycles"] += 1
    result["ended"] = time.time()
    result["peak_rss_mb"] = _rss_mb()
    return result


def _service_cycle(buyer, supplier, variants: list[int], result: dict) -> None:
    from tradebridge.core.errors import Conflict
    from tradebridge.orders import cart, placement
    from tradebridge.orders import services as orders
    from tradebridge.payments import services as payments
    from tradebridge.payments.providers import simulator

    step = _Steps(result)
    for variant in variants:
        cart.add_to_cart(membership=buyer, variant_id=variant, quantity=QUANTITY)
    step("cart")
    [order] = placement.place_orders(membership=buyer)
    result["place_ms"].append(step("place"))
    result["cycles"] += 1
    try:
        orders.confirm_order(membership=supplier, order_id=order.pk)
    except Conflict:
        result["refused"] += 1
        result["refused_at"].append(time.time())
        return
    step("confirm")
    intent = payments.start_payment(membership=buyer, order_id=order.pk, method="alipay")
    step("intent")
    event_id = simulator.new_event_id()
    body = simulator.event_body(
        intent_reference=intent.public_id, kind="payment.captured", amount=intent.money, event_id=event_id
    )
    outcome = payments.handle_webhook(
        provider=intent.provider, headers=simulator.signed_headers(body=body, event_id=event_id), body=body
    )
    step("webhook")
    result["acked"] += outcome.outcome == "applied"
    result["cycle_ms"].append(step.total())
    result["paid_at"].append(time.time())


STEPS = ("cart", "place", "confirm", "intent", "webhook")


class _Steps:
    """Times each step of one cycle (wall and this process's CPU, in ms) into result["steps"]."""

    def __init__(self, result: dict):
        self.result = result
        self.started = self.mark = time.perf_counter()
        self.cpu = time.process_time()

    def __call__(self, name: str) -> float:
        now, cpu = time.perf_counter(), time.process_time()
        wall = (now - self.mark) * 1000
        self.result["steps"][name].append(wall)
        self.result["steps_cpu"][name].append((cpu - self.cpu) * 1000)
        self.mark, self.cpu = now, cpu
        return wall

    def total(self) -> float:
        return (time.perf_counter() - self.started) * 1000


def _empty_result() -> dict:
    return {
        "place_ms": [],
        "cycle_ms": [],
        "paid_at": [],
        "refused_at": [],
        "steps": {name: [] for name in STEPS},
        "steps_cpu": {name: [] for name in STEPS},
        "cycles": 0,
        "refused": 0,
        "acked": 0,
        "errors": [],
        "ended": 0.0,
    }


class Api:
    """A keep-alive HTTP/1.1 connection to the server with one bearer token."""

    def __init__(self, port: int, token: str = ""):
        self.connection = http.client.HTTPConnection("127.0.0.1", port, timeout=30)
        self.token = token

    def call(self, method: str, path: str, payload=None, *, headers=None, raw: bytes | None = None):
        body = raw if raw is not None else (json.dumps(payload).encode() if payload is not None else None)
        sent = {"Content-Type": "application/json", **(headers or {})}
        if self.token:
            sent["Authorization"] = f"Bearer {self.token}"
        self.connection.request(method, path, body=body, headers=sent)
        response = self.connection.getresponse()
        data = response.read()
        return response.status, (json.loads(data) if data and data[:1] in b"[{" else None)


def http_client(index: int, cfg: dict, phase: str, port: int, sync: str, limit: int) -> dict:
    """One buyer process with its own connections (buyer, its supplier, the gateway): separate
    processes, so the clients do not share one GIL while they measure the server."""
    _django()  # to sign the gateway's webhooks with this data directory's secret
    from decimal import Decimal

    from tradebridge.payments.providers import simulator
    from tradebridge.pricing.money import Money

    buyer, seller = Api(port, cfg["buyer_tokens"][index]), Api(port, cfg["supplier_tokens"][index])
    gateway = Api(port)
    result = _empty_result()
    _, deadline = _wait_for_go(sync, f"http-{index}")
    while time.time() < deadline and result["cycles"] < limit:
        step = _Steps(result)
        for variant in cfg["phases"][phase]:
            status, _ = buyer.call("POST", "/api/v1/cart/lines", {"variant_id": variant, "quantity": QUANTITY})
            if status != 201:
                result["errors"].append(f"cart {status}")
        step("cart")
        status, placed = buyer.call("POST", "/api/v1/orders", {})
        result["place_ms"].append(step("place"))
        result["cycles"] += 1
        if status != 201:
            result["errors"].append(f"place {status}")
            continue
        order_id = placed[0]["id"]
        status, _ = seller.call("POST", f"/api/v1/orders/{order_id}/confirm")
        if status == 409:
            result["refused"] += 1
            result["refused_at"].append(time.time())
            continue
        step("confirm")
        status, intent = buyer.call("POST", f"/api/v1/orders/{order_id}/payments", {"method": "alipay"})
        if status != 201:
            result["errors"].append(f"pay {status}")
            continue
        step("intent")
        event_id = simulator.new_event_id()
        body = simulator.event_body(
            intent_reference=intent["id"],
            kind="payment.captured",
            amount=Money(Decimal(intent["amount"]), intent["currency"]),
            event_id=event_id,
        )
        status, ack = gateway.call(
            "POST",
            "/api/v1/payments/webhooks/simulator",
            raw=body,
            headers=simulator.signed_headers(body=body, event_id=event_id),
        )
        step("webhook")
        result["acked"] += status == 200 and ack and ack["outcome"] == "applied"
        result["cycle_ms"].append(step.total())
        result["paid_at"].append(time.time())
    result["ended"] = time.time()
    result["peak_rss_mb"] = _rss_mb()
    return result


def http_baseline(port: int, requests: int) -> dict:
    api = Api(port)
    latencies = []
    for _ in range(requests):
        started = time.perf_counter()
        api.call("GET", "/healthz")
        latencies.append((time.perf_counter() - started) * 1000)
    return {"latency_ms": latencies}


def report(variants: list[int], stock: int) -> dict:
    """What the database says after a phase: oversells, ledger balance, payments."""
    _django()
    from collections import defaultdict
    from decimal import Decimal

    from django.db.models import Count, Sum

    from tradebridge.catalog.models import Variant
    from tradebridge.ledger import audit
    from tradebridge.ledger.models import Posting
    from tradebridge.orders.models import Order, Payment, StockReservation

    held = dict(
        StockReservation.objects.filter(released_at__isnull=True, variant_id__in=variants)
        .values_list("variant_id")
        .annotate(n=Sum("quantity"))
    )
    on_hand = dict(Variant.objects.filter(pk__in=variants).values_list("pk", "stock_on_hand"))
    oversold = sum(max(0, held.get(v, 0) - stock) for v in variants) + sum(-min(0, n) for n in on_hand.values())
    totals: dict[str, Decimal] = defaultdict(Decimal)
    for currency, amount in Posting.objects.values_list("currency", "amount").iterator():
        totals[currency] += amount
    doubled = (
        Payment.objects.values("order_id", "part").annotate(n=Count("id")).filter(n__gt=1).count()
        + Payment.objects.values("provider", "provider_reference").annotate(n=Count("id")).filter(n__gt=1).count()
    )
    paid_orders = Order.objects.filter(state="paid").count()
    return {
        "oversold": oversold,
        "imbalance": {c: str(t) for c, t in totals.items() if t},
        "breaches": len(audit.breaches()),
        "payments": Payment.objects.count(),
        "paid_orders": paid_orders,
        "doubled": doubled,
    }


# -- the parent: processes, the server, the figures ---------------------------------------------


def _merge(results: list[dict]) -> dict:
    merged = _empty_result()
    for r in results:
        for key in ("place_ms", "cycle_ms", "paid_at", "refused_at", "errors"):
            merged[key] += r[key]
        for key in ("cycles", "refused", "acked"):
            merged[key] += r[key]
        for key in ("steps", "steps_cpu"):
            for name in STEPS:
                merged[key][name] += r[key][name]
    merged["peak_rss_mb"] = max((r.get("peak_rss_mb", 0) for r in results), default=0)
    merged["ended"] = max((r["ended"] for r in results), default=0.0)
    return merged


def _code(call: str) -> str:
    return (
        f"import json, sys; sys.path.insert(0, {str(ROOT)!r}); import bench.orders as b; "
        f"print('RESULT' + json.dumps(b.{call}))"
    )


def _spawn(call: str, env: dict) -> subprocess.Popen:
    # Output goes to files, not pipes: a client must never stall on a full pipe while the parent
    # is still waiting for another one.
    out = tempfile.TemporaryFile("w+")  # noqa: SIM115 (closed in _collect)
    err = tempfile.TemporaryFile("w+")  # noqa: SIM115
    process = subprocess.Popen(
        [sys.executable, "-c", _code(call)], env=env, cwd=ROOT, stdout=out, stderr=err, text=True
    )
    process.files = (out, err)
    return process


def _collect(process: subprocess.Popen, what: str, timeout: float) -> dict:
    try:
        process.wait(timeout=timeout)
    except subprocess.TimeoutExpired:
        process.kill()
        process.wait()
    out_file, err_file = process.files
    out_file.seek(0)
    err_file.seek(0)
    out, err = out_file.read(), err_file.read()
    out_file.close()
    err_file.close()
    line = next((x for x in out.splitlines() if x.startswith("RESULT")), None)
    if line is None:
        sys.exit(f"{what} failed:\n{out[-2000:]}\n{err[-4000:]}")
    return json.loads(line[len("RESULT") :])


def _run(call: str, env: dict, timeout: float = 300) -> dict:
    return _collect(_spawn(call, env), call.split("(")[0], timeout)


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def _start_server(env: dict, port: int, workers: int) -> subprocess.Popen:
    server = subprocess.Popen(
        [sys.executable, "-m", "tradebridge.cli", "serve", "--bind", f"127.0.0.1:{port}", "--workers", str(workers)],
        env=env,
        cwd=ROOT,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
        text=True,
    )
    for _ in range(300):
        try:
            with socket.create_connection(("127.0.0.1", port), timeout=0.2):
                return server
        except OSError:
            if server.poll() is not None:
                sys.exit(f"the server stopped:\n{server.stderr.read()[-3000:]}")
            time.sleep(0.1)
    server.kill()
    sys.exit("the server did not start within 30 s")


def _server_pids(pid: int) -> list[int]:
    children = Path(f"/proc/{pid}/task/{pid}/children")
    return [pid] + ([int(p) for p in children.read_text().split()] if children.exists() else [])


def _cpu_seconds_tree(pid: int) -> float:
    """User + system CPU seconds used so far by the server's processes (the master and its workers)."""
    ticks = os.sysconf("SC_CLK_TCK")
    total = 0.0
    for p in _server_pids(pid):
        try:
            fields = Path(f"/proc/{p}/stat").read_text().rsplit(")", 1)[1].split()
        except OSError:
            continue
        total += (int(fields[11]) + int(fields[12])) / ticks
    return total


def _peak_rss_tree_mb(pid: int) -> float:
    """The largest high-water RSS among the server's processes (the master and its workers)."""
    peak = 0.0
    for p in _server_pids(pid):
        try:
            for line in Path(f"/proc/{p}/status").read_text().splitlines():
                if line.startswith("VmHWM:"):
                    peak = max(peak, int(line.split()[1]) / 1024)
        except OSError:
            continue
    return peak


def _pct(values: list[float], q: float) -> float:
    if not values:
        return float("nan")
    if len(values) == 1:
        return values[0]
    return statistics.quantiles(values, n=100, method="inclusive")[int(q) - 1]


def paid_rate(r: dict, start: float, seconds: float) -> tuple[float, str]:
    """Paid orders per second while the hot SKUs had stock. Once they run out every cycle is
    refused at confirmation, so dividing by the whole phase would report the stock (1,200 units
    make 600 orders), not the speed. The window ends at the first refusal, not the last payment:
    on SQLite one client can wait seconds for the write lock and pay long after the others."""
    if not r["refused_at"]:
        return len(r["paid_at"]) / seconds, ""
    sold_out = min(r["refused_at"])
    window = max(0.001, sold_out - start)
    paid = sum(1 for t in r["paid_at"] if t <= sold_out)
    return paid / window, f" while stock lasted (first refusal at {window:.1f} of {seconds:.1f} s)"


def _print_phase(
    label: str, r: dict, start: float, seconds: float, baseline_p50: float, checks: dict, target_p50=None
) -> None:
    rate, window = paid_rate(r, start, seconds)
    p50, p99 = _pct(r["place_ms"], 50), _pct(r["place_ms"], 99)
    cycle50, cycle99 = _pct(r["cycle_ms"], 50), _pct(r["cycle_ms"], 99)
    target = f"   (target p50 <= {target_p50:.0f} ms)" if target_p50 else ""
    errors = f" {r['errors'][:3]}" if r["errors"] else ""
    lost = max(0, r["acked"] - checks["new_payments"])
    duplicated = max(0, checks["new_payments"] - r["acked"]) + checks["doubled"]
    server = f", server {r['server_rss_mb']:.0f} MB" if r.get("server_rss_mb") else ""
    print(f"  {label}")
    print(
        f"    paid orders/s {rate:8.1f}{window}   placed/s {len(r['place_ms']) / seconds:8.1f}   "
        f"refused for stock {r['refused']}   errors {len(r['errors'])}{errors}"
    )
    print(
        f"    place (4-line order)  p50 {p50:7.1f} ms  p99 {p99:7.1f} ms  = {p50 / baseline_p50:5.1f}x baseline{target}"
    )
    print(f"    full cycle (cart, place, confirm, pay)  p50 {cycle50:7.1f} ms  p99 {cycle99:7.1f} ms")
    print(
        "    per step p50 wall / client CPU (ms): "
        + "   ".join(f"{n} {_pct(r['steps'][n], 50):.1f}/{_pct(r['steps_cpu'][n], 50):.1f}" for n in STEPS)
    )
    print(
        f"    oversold units {checks['oversold']} (must be 0)   ledger imbalance {checks['imbalance'] or 0} "
        f"and {checks['breaches']} ledger-check breaches (must be 0)"
    )
    print(f"    lost payments {lost}   duplicated payments {duplicated} (must be 0)")
    print(f"    peak RSS {r['peak_rss_mb']:.0f} MB per client process{server}")
    if r.get("server_cpu_ms_per_cycle"):
        print(f"    server CPU per cycle {r['server_cpu_ms_per_cycle']:.1f} ms (all gunicorn processes)")
    if r.get("load"):
        (start1, _, _), (end1, _, _) = r["load"]
        print(
            f"    machine load average (1 min) {start1:.1f} at the start, {end1:.1f} at the end "
            f"({os.cpu_count()} cores)"
        )


def bench_engine(name: str, env: dict, args) -> None:
    print(f"\n{name}")
    # The remaining cart of a client that stopped mid-cycle does not matter: each phase has its own SKUs.
    cfg = _run(f"setup({args.clients}, {args.skus}, {args.stock})", env)
    base = _run(f"baseline_insert({args.baseline_rows})", env)["latency_ms"]
    base_p50 = _pct(base, 50)
    print(f"  baseline: bare ORM INSERT of an order row  p50 {base_p50:.2f} ms  p99 {_pct(base, 99):.2f} ms")
    cfg_json = json.dumps(cfg)
    before = _run(f"report({cfg['phases']['service']!r}, {args.stock})", env)

    sync = tempfile.mkdtemp(prefix="service-", dir=env["TRADEBRIDGE_DATA_DIR"])
    clients = [
        _spawn(f"service_client({i}, json.loads({cfg_json!r}), 'service', {sync!r}, {args.limit})", env)
        for i in range(args.clients)
    ]
    start_service = start = _go(sync, args.clients, args.seconds)[0]
    load_before = os.getloadavg()
    results = [_collect(c, "service client", args.seconds + 120) for c in clients]
    service = _merge(results)
    service["load"] = (load_before, os.getloadavg())
    seconds = max(0.001, service["ended"] - start)
    after = _run(f"report({cfg['phases']['service']!r}, {args.stock})", env)
    after["new_payments"] = after["payments"] - before["payments"]
    _print_phase(
        f"through the service layer ({args.clients} client processes, {seconds:.1f} s)",
        service,
        start,
        seconds,
        base_p50,
        after,
    )

    port = _free_port()
    server = _start_server(env, port, args.workers)
    try:
        http_base = _run(f"http_baseline({port}, 200)", env)["latency_ms"]
        http_p50 = _pct(http_base, 50)
        print(
            f"  baseline: bare HTTP round trip (GET /healthz)  p50 {http_p50:.2f} ms  p99 {_pct(http_base, 99):.2f} ms"
        )
        before = after
        sync = tempfile.mkdtemp(prefix="http-", dir=env["TRADEBRIDGE_DATA_DIR"])
        clients = [
            _spawn(f"http_client({i}, json.loads({cfg_json!r}), 'http', {port}, {sync!r}, {args.limit})", env)
            for i in range(args.clients)
        ]
        server_cpu = _cpu_seconds_tree(server.pid)
        start, _ = _go(sync, args.clients, args.seconds)
        load_before = os.getloadavg()
        web = _merge([_collect(c, "http client", args.seconds + 120) for c in clients])
        server_cpu = _cpu_seconds_tree(server.pid) - server_cpu
        web["load"] = (load_before, os.getloadavg())
        seconds = max(0.001, web["ended"] - start)
        web["server_rss_mb"] = _peak_rss_tree_mb(server.pid)
        web["server_cpu_ms_per_cycle"] = server_cpu * 1000 / max(1, web["cycles"])
    finally:
        server.terminate()
        try:
            server.wait(timeout=15)
        except subprocess.TimeoutExpired:
            server.kill()
    after = _run(f"report({cfg['phases']['http']!r}, {args.stock})", env)
    after["new_payments"] = after["payments"] - before["payments"]
    _print_phase(
        f"through HTTP ({args.clients} client processes, {args.workers} server workers, {seconds:.1f} s)",
        web,
        start,
        seconds,
        http_p50,
        after,
        target_p50=TARGET_HTTP_P50_MS,
    )
    if name == "PostgreSQL":
        service_rate, _ = paid_rate(service, start_service, max(0.001, service["ended"] - start_service))
        print(
            f"  target: ≥ {TARGET_PG_ORDERS_PER_S:.0f} paid orders/s on PostgreSQL "
            f"(here: service layer {service_rate:.1f}, HTTP {paid_rate(web, start, seconds)[0]:.1f})"
        )


def _ensure_postgres_database(url: str) -> None:
    from urllib.parse import urlsplit

    import psycopg

    parts = urlsplit(url)
    if parts.hostname not in {"127.0.0.1", "localhost", "::1"}:
        sys.exit("this benchmark only talks to 127.0.0.1")
    name = parts.path.lstrip("/")
    with psycopg.connect(
        host=parts.hostname,
        port=parts.port or 5432,
        user=parts.username or "postgres",
        dbname="postgres",
        autocommit=True,
    ) as conn:
        conn.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')
        conn.execute(f'CREATE DATABASE "{name}"')


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--clients", type=int, default=8, help="concurrent buyers (K)")
    parser.add_argument("--skus", type=int, default=4, help="hot SKUs; each order has one line of each")
    parser.add_argument("--stock", type=int, default=1200, help="units of each SKU (2 per order)")
    parser.add_argument("--seconds", type=float, default=12, help="length of each timed phase")
    parser.add_argument("--limit", type=int, default=100_000, help="orders per client at most")
    parser.add_argument("--workers", type=int, default=2, help="server worker processes for the HTTP phase")
    parser.add_argument("--baseline-rows", type=int, default=300)
    parser.add_argument("--database-url", default="", help="PostgreSQL on 127.0.0.1; the database is recreated")
    args = parser.parse_args()
    work = Path(tempfile.mkdtemp(prefix="tb-bench-orders-"))
    env = {k: v for k, v in os.environ.items() if k not in {"DJANGO_SETTINGS_MODULE", "DATABASE_URL"}}
    env |= {
        "TRADEBRIDGE_ENV": "development",
        "TRADEBRIDGE_DATA_DIR": str(work),
        "DEBUG": "false",
        "PYTHONPATH": str(ROOT),
        "EMAIL_BACKEND": "django.core.mail.backends.dummy.EmailBackend",
    }
    print(
        f"{args.clients} clients, {args.skus} hot SKUs with {args.stock} units each, {QUANTITY} units per line, "
        f"{args.seconds:.0f} s per phase; data in {work}"
    )
    bench_engine("SQLite (WAL, throwaway file)", env, args)
    if args.database_url:
        _ensure_postgres_database(args.database_url)
        bench_engine("PostgreSQL", env | {"DATABASE_URL": args.database_url}, args)


if __name__ == "__main__":
    main()
