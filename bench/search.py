"""Benchmark: cross-lingual faceted search at 100,000 and 1,000,000 listings.

    python bench/search.py [--sizes 100000,1000000] [--queries 1000] [--phase-seconds 900]
                           [--database-url postgres://postgres@127.0.0.1:5432/tb_search_bench]

Generates listings from the trade glossary's vocabulary (titles, attributes and descriptions in
English, Chinese or both), loads them with plain bulk inserts (then ANALYZE), builds the index through the
search services (`rebuild_index`) and prints the build rate, the index size and peak RSS. Then
it runs a fixed, seeded mix of queries (Chinese, English, mixed, pinyin; half with facets and
sorts) and prints p50/p95/p99 latency through the service layer (`query_from_params` +
`search_products`, facet counts included) and through HTTP (`tradebridge serve` on 127.0.0.1,
timed with a keep-alive client), throughput on 1 and 2 processes, and, in the same run on the
same database, the latency of the bare engine query (FTS5 MATCH or tsquery, ranked, first page)
for the same terms, so the overhead is a ratio. Targets are printed beside the figures, never
asserted; a timed phase that outlasts --phase-seconds stops there and says how many queries it
timed, so the bench always ends. Without --database-url it runs on a throwaway SQLite file; with it, on PostgreSQL
only (the database is dropped and created for each size).
"""

from __future__ import annotations

import argparse
import json
import os
import random
import resource
import signal
import socket
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
GLOSSARY = ROOT / "tradebridge" / "translation" / "data" / "glossary.tsv"
SEED = 20261201
TARGETS = {"p50_ms": 20.0, "p99_ms": 100.0, "overhead": 2.0, "build_rate": 5_000.0}
WARM_UP = 10
CHILD_TIMEOUT = 4 * 3600  # the bench stops by itself, even if a phase hangs
BUDGET_ENV = "TB_BENCH_PHASE_SECONDS"  # each timed phase stops taking queries after this long


def _deadline() -> float:
    return time.monotonic() + float(os.environ.get(BUDGET_ENV, "900"))


# Where a glossary section's products belong in the default category tree ("" = no node yet).
SECTION_CATEGORY = {
    "Food": "food-drink",
    "Alcoholic": "alcoholic-drinks",
    "Infant": "infant-nutrition",
    "Health": "health-supplements",
    "Beauty": "beauty-personal-care",
    "Fashion": "fashion-accessories",
    "Jewellery": "fashion-accessories",
    "Footwear": "footwear",
    "Home": "home-garden",
    "Garden": "home-garden",
    "Toys": "toys-baby",
    "Baby": "toys-baby",
    "Sports": "sports-outdoor",
    "Pet": "pet-care",
    "Electronics": "electronics-accessories",
    "Industrial": "",
}
# Which modifiers read naturally before which products.
EDIBLE = {"food-drink", "alcoholic-drinks", "infant-nutrition", "health-supplements", "pet-care"}
CERTIFICATIONS = ["organic", "halal", "kosher", "vegan", "cruelty_free", "ce", "ukca", "fsc", "fairtrade", "brc"]
ORIGINS = ["GB"] * 17 + ["IE", "FR", "NZ", "IN", "US", "IT"]
MOQS = [1, 6, 10, 12, 24, 48, 50, 100, 200, 500]


# --- Vocabulary --------------------------------------------------------------------------------


def vocabulary() -> dict[str, list]:
    """The glossary's entries grouped for generation: products with their category, and the
    modifier pools (flavours, qualities, materials, colours, places, phrases)."""
    pools: dict[str, list] = {k: [] for k in ("products", "flavours", "qualities", "materials", "colours", "phrases")}
    pools["places"] = []
    section = ""
    for line in GLOSSARY.read_text(encoding="utf-8").splitlines():
        if line.startswith("#"):
            section = line[1:].strip()
            continue
        parts = line.split("\t")
        if len(parts) != 3:
            continue
        en, zh, kind = parts
        head = section.split(":")[0].split(" ")[0]
        if kind == "product" and head in SECTION_CATEGORY:
            pools["products"].append((en, zh, SECTION_CATEGORY[head]))
        elif kind == "material":
            pools["materials"].append((en, zh))
        elif kind == "colour":
            pools["colours"].append((en, zh))
        elif kind == "phrase":
            pools["phrases"].append((en, zh))
        elif section.startswith("Attributes: flavours"):
            pools["flavours"].append((en, zh))
        elif section.startswith("Attributes: places"):
            pools["places"].append((en, zh))
        elif kind == "attribute":
            pools["qualities"].append((en, zh))
    return pools


def _modifier(rng: random.Random, vocab: dict, top: str) -> tuple[str, str]:
    pool = vocab["flavours"] if top in EDIBLE else vocab["materials"]
    if rng.random() < 0.3:
        pool = vocab["qualities"]
    return rng.choice(pool)


# --- Loading -------------------------------------------------------------------------------------


def _setup() -> None:
    import django

    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "tradebridge.settings")
    django.setup()


def load(size: int, seed: int = SEED) -> dict:
    """Migrate, then insert `size` published listings (and their price tiers) in batches."""
    _setup()
    from django.core.management import call_command
    from django.db import transaction
    from django.utils import timezone

    from tradebridge.catalog.bulk import insert_many
    from tradebridge.catalog.categories import load_default_tree
    from tradebridge.catalog.models import Category, PriceTier, Product
    from tradebridge.companies.models import Company
    from tradebridge.demo.loader import DEMO_RATES
    from tradebridge.pricing.models import ExchangeRate

    call_command("migrate", verbosity=0)
    load_default_tree()
    now = timezone.now()
    ExchangeRate.objects.bulk_create(
        ExchangeRate(base=b, quote=q, rate=r, valid_from=now.replace(hour=0, minute=0), source="bench")
        for (b, q), r in DEMO_RATES.items()
    )
    rng = random.Random(seed)
    vocab = vocabulary()
    categories: dict[str, list] = {}
    for category in Category.objects.all():
        categories.setdefault(category.path.split("/")[0], []).append(category.pk)
    sectors = ["food_drink", "alcoholic_drinks", "beauty", "fashion", "home_garden", "toys_baby", "other"]
    Company.objects.bulk_create(
        Company(
            kind="supplier",
            name=f"Bench Supplier {n}",
            country="GB",
            companies_house_number=f"{90000000 + n:08d}",
            sector=rng.choice(sectors),
            region=rng.choice(["London", "Scotland", "Wales", "Yorkshire", "Midlands", "Cornwall"]),
            verification_status="verified" if rng.random() < 0.3 else "unverified",
        )
        for n in range(max(10, size // 200))
    )
    suppliers = list(Company.objects.filter(name__startswith="Bench Supplier").values_list("pk", flat=True))
    started = time.perf_counter()
    batch = 5_000
    done = 0
    while done < size:
        count = min(batch, size - done)
        rows = [_listing(rng, vocab, categories, suppliers, done + i, now) for i in range(count)]
        with transaction.atomic():
            last = Product.objects.order_by("-pk").values_list("pk", flat=True).first() or 0
            insert_many(Product, [row for row, _ in rows])
            ids = list(Product.objects.filter(pk__gt=last).order_by("pk").values_list("pk", flat=True))
            tiers = [
                {"product_id": pk, "variant_id": None, "min_quantity": quantity, "unit_price": price}
                for pk, (_, prices) in zip(ids, rows, strict=True)
                for quantity, price in prices
            ]
            insert_many(PriceTier, tiers)
        done += count
    seconds = time.perf_counter() - started
    _analyze()
    return {"rows": size, "seconds": seconds}


def _analyze() -> None:
    """Planner statistics for what was just written, as autovacuum would leave them in time:
    without them PostgreSQL plans for the empty tables it last saw (a million rows read as a
    few hundred) and every batch of a rebuild scans the whole catalog."""
    from django.db import connection

    with connection.cursor() as cursor:
        cursor.execute("ANALYZE")


def _listing(rng, vocab, categories, suppliers, n, now):
    from decimal import Decimal

    en, zh, top = rng.choice(vocab["products"])
    mod_en, mod_zh = _modifier(rng, vocab, top)
    colour_en, colour_zh = rng.choice(vocab["colours"])
    phrase_en, phrase_zh = rng.choice(vocab["phrases"])
    place_en, place_zh = rng.choice(vocab["places"]) if vocab["places"] else ("British", "英国")
    written = rng.random()  # 60% bilingual, 28% English only, 12% Chinese only
    has_en, has_zh = written < 0.88, written < 0.60 or written >= 0.88
    title_en = f"{mod_en.title()} {en[0].upper()}{en[1:]}, {colour_en.title()}" if has_en else ""
    title_zh = f"{mod_zh}{zh} {colour_zh}" if has_zh else ""
    description_en = f"{en[0].upper()}{en[1:]} in {colour_en}, {mod_en}. {phrase_en.capitalize()}. From {place_en}."
    description_zh = f"{colour_zh}{mod_zh}{zh}，{phrase_zh}。产地：{place_zh}。"
    category = rng.choice(categories[top]) if top else None
    moq = rng.choice(MOQS)
    price = Decimal(rng.randint(30, 50_000)) / 100
    prices = [(moq, price)]
    if rng.random() < 0.5:
        prices.append((moq * 10, (price * Decimal("0.85")).quantize(Decimal("0.01"))))
    certifications = rng.sample(CERTIFICATIONS, k=rng.choice([0, 0, 0, 1, 1, 2]))
    attributes = {"material": mod_en, "colour": colour_en} if has_en else {"材质": mod_zh, "颜色": colour_zh}
    row = {
        "supplier_id": rng.choice(suppliers),
        "handle": f"bench-{n}",
        "status": "published",
        "title_en": title_en[:300],
        "title_zh": title_zh[:300],
        "title_source": "en" if has_en else "zh",
        "description_en": description_en if has_en else "",
        "description_zh": description_zh if has_zh else "",
        "description_source": "en" if has_en else "zh",
        "category_id": category,
        "origin_country": rng.choice(ORIGINS),
        "certifications": certifications,
        "attributes": attributes,
        "currency": "GBP",
        "moq": moq,
        "lead_time_days": rng.randint(2, 60),
        "sample_available": rng.random() < 0.3,
        "published_at": now - _days(rng.randint(0, 730)),
    }
    return row, prices


def _days(n: int):
    import datetime as dt

    return dt.timedelta(days=n)


# --- Index build ---------------------------------------------------------------------------------


def build() -> dict:
    """rebuild_index over the loaded listings; the index's size on disk after."""
    _setup()
    from tradebridge.search.services import rebuild_index

    before = _database_bytes()
    started = time.perf_counter()
    documents = rebuild_index()
    seconds = time.perf_counter() - started
    _analyze()
    return {
        "documents": documents,
        "seconds": seconds,
        "index_bytes": _index_bytes(),
        "growth": _database_bytes() - before,
    }


def _index_bytes() -> int:
    """Bytes the search structures take: tables, their indexes and the engine's own index."""
    from django.db import connection

    with connection.cursor() as cursor:
        if connection.vendor == "postgresql":
            cursor.execute(
                "SELECT COALESCE(SUM(pg_total_relation_size(oid)), 0) FROM pg_class "
                "WHERE relkind IN ('r', 'm') AND relname LIKE 'search%%'"
            )
            return int(cursor.fetchone()[0])
        cursor.execute("PRAGMA wal_checkpoint(TRUNCATE)")
        try:
            cursor.execute("SELECT COALESCE(SUM(pgsize), 0) FROM dbstat WHERE name LIKE 'search%'")
            return int(cursor.fetchone()[0])
        except Exception:  # SQLite built without dbstat: fall back to the file's growth
            return -1


def _database_bytes() -> int:
    from django.db import connection

    with connection.cursor() as cursor:
        if connection.vendor == "postgresql":
            cursor.execute("SELECT pg_database_size(current_database())")
            return int(cursor.fetchone()[0])
        cursor.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    return Path(connection.settings_dict["NAME"]).stat().st_size


# --- The query mix -----------------------------------------------------------------------------------


def query_mix(count: int, seed: int = SEED) -> list[dict]:
    """`count` searches as GET parameters plus the language the buyer browses in: English,
    Chinese (words, and pieces of longer words such as 球阀 in 不锈钢球阀), mixed scripts and
    pinyin; about half with filters or a sort, a few browsing a category with no text."""
    from pypinyin import lazy_pinyin

    rng = random.Random(seed)
    vocab = vocabulary()
    products = vocab["products"]
    mix = []
    for _ in range(count):
        en, zh, top = rng.choice(products)
        mod_en, mod_zh = _modifier(rng, vocab, top)
        roll = rng.random()
        if roll < 0.30:
            kind, text = "en", (f"{mod_en} {en}" if rng.random() < 0.4 else en)
        elif roll < 0.60:
            kind, text = "zh", (f"{mod_zh}{zh}" if rng.random() < 0.4 else zh)
        elif roll < 0.67:
            long = [z for _, z, _ in products if len(z) >= 4]
            word = rng.choice(long)
            start = rng.randint(1, len(word) - 2)
            kind, text = "zh", word[start : start + 2]
        elif roll < 0.85:
            kind, text = "mixed", (f"{mod_en} {zh}" if rng.random() < 0.5 else f"{mod_zh} {en}")
        elif roll < 0.92:
            kind, text = "pinyin", " ".join(lazy_pinyin(zh))
        elif roll < 0.96:
            kind, text = "browse", ""
        else:
            kind, text = "en", rng.choice(["zzqx widget", "quux", "不存在的东西"])
        params: dict = {"q": text}
        if kind == "browse" or rng.random() < 0.5:
            params |= _filters(rng, top)
        mix.append({"kind": kind, "language": "en" if kind == "en" else "zh-hans", "params": params})
    return mix


def _filters(rng: random.Random, top: str) -> dict:
    chosen: dict = {}
    options = ["category", "origin", "verified", "moq_max", "price", "sample", "cert", "sort", "lead_time"]
    for option in rng.sample(options, k=rng.randint(1, 3)):
        if option == "category":
            chosen["category"] = top or "home-garden"
        elif option == "origin":
            chosen["origin"] = rng.sample(["GB", "IE", "FR"], k=rng.randint(1, 2))
        elif option == "verified":
            chosen["verified"] = "true"
        elif option == "moq_max":
            chosen["moq_max"] = str(rng.choice([10, 50, 100, 500]))
        elif option == "price":
            chosen |= {"currency": "CNY", "price_max": str(rng.choice([50, 200, 1000]))}
        elif option == "sample":
            chosen["sample"] = "true"
        elif option == "cert":
            chosen["cert"] = rng.choice(["organic", "ce", "vegan"])
        elif option == "lead_time":
            chosen["lead_time_max"] = str(rng.choice([7, 14, 30]))
        else:
            chosen["sort"] = rng.choice(["price", "newest", "moq"])
    return chosen


# --- Latency through the service layer and the bare engine -----------------------------------------


def latency(mix_path: str) -> dict:
    """Each query through the service layer, then the bare engine query for the same terms,
    interleaved so both see the same cache."""
    _setup()
    from django.db import connection

    from tradebridge.search.selectors import query_from_params, search_products

    mix = json.loads(Path(mix_path).read_text(encoding="utf-8"))
    bare = _bare_engine()
    compiled = [_compiled(item["params"]["q"]) for item in mix]
    deadline = _deadline()
    for item, engine_query in list(zip(mix, compiled, strict=True))[:WARM_UP]:
        search_products(query_from_params(item["params"]), language=item["language"])
        if engine_query:
            bare(engine_query)
    service_ms, bare_ms, paired = [], [], []
    by_kind: dict[str, list[float]] = {}
    with_facets = total_hits = relaxed = timed = 0
    for item, engine_query in zip(mix, compiled, strict=True):
        if time.monotonic() > deadline:
            break
        started = time.perf_counter()
        results = search_products(query_from_params(item["params"]), language=item["language"])
        service = (time.perf_counter() - started) * 1000
        service_ms.append(service)
        by_kind.setdefault(_kind(item), []).append(service)
        total_hits += results.total
        relaxed += results.interpretation.relaxed
        with_facets += len(item["params"]) > 1
        timed += 1
        if engine_query:
            started = time.perf_counter()
            bare(engine_query)
            engine = (time.perf_counter() - started) * 1000
            bare_ms.append(engine)
            paired.append((service, engine))
    return {
        "vendor": connection.vendor,
        "service": _percentiles(service_ms),
        "by_kind": {kind: _percentiles(times) for kind, times in sorted(by_kind.items())},
        "bare": _percentiles(bare_ms),
        "paired_service": _percentiles([s for s, _ in paired]),
        "queries": len(service_ms),
        "with_facets": with_facets,
        "bare_queries": len(bare_ms),
        "mean_total": total_hits / max(1, timed),
        "planned": len(mix),
        "relaxed": relaxed,
    }


RANGE_FILTERS = {"moq_max", "price_max", "lead_time_max"}


def _kind(item: dict) -> str:
    """The mix's kind, browses split by whether a range filter (not a facet) narrows them."""
    if item["kind"] == "browse" and RANGE_FILTERS & set(item["params"]):
        return "browse, range filter"
    return item["kind"]


def _compiled(text: str) -> str:
    from tradebridge.search.backends import for_connection
    from tradebridge.search.understanding import parse

    terms = parse(text).terms
    return for_connection().compile(terms) if terms else ""


def _bare_engine():
    """The engine's own query for compiled terms: match, rank, first page. No facets, no
    totals, no hydration; what FTS5 or PostgreSQL cost on their own."""
    from django.db import connection

    from tradebridge.search.ranking import COLUMN_WEIGHTS

    if connection.vendor == "postgresql":
        weights = "{" + ",".join(str(w / max(COLUMN_WEIGHTS)) for w in reversed(COLUMN_WEIGHTS)) + "}"
        sql = (
            "SELECT id FROM search_searchdocument WHERE tsv @@ to_tsquery('simple'::regconfig, %s) "
            f"ORDER BY ts_rank('{weights}', tsv, to_tsquery('simple'::regconfig, %s)) DESC LIMIT 24"
        )

        def run(compiled: str) -> list:
            with connection.cursor() as cursor:
                cursor.execute(sql, [compiled, compiled])
                return cursor.fetchall()

        return run
    bm25 = "bm25(search_fts, {})".format(", ".join(str(w) for w in COLUMN_WEIGHTS))
    sql = f"SELECT rowid FROM search_fts WHERE search_fts MATCH %s ORDER BY {bm25} LIMIT 24"

    def run(compiled: str) -> list:
        with connection.cursor() as cursor:
            cursor.execute(sql, [compiled])
            return cursor.fetchall()

    return run


def _percentiles(values: list[float]) -> dict:
    if len(values) < 2:
        return {"p50": 0.0, "p95": 0.0, "p99": 0.0, "mean": 0.0, "n": len(values)}  # reported as n/a
    cuts = statistics.quantiles(values, n=100, method="inclusive")
    return {"p50": cuts[49], "p95": cuts[94], "p99": cuts[98], "mean": statistics.fmean(values), "n": len(values)}


# --- Throughput: N processes through the service layer ------------------------------------------------


def throughput_worker(mix_path: str) -> None:
    """Warm up, say READY, wait for GO on stdin, run the whole mix, print the wall-clock span."""
    _setup()
    from tradebridge.search.selectors import query_from_params, search_products

    mix = json.loads(Path(mix_path).read_text(encoding="utf-8"))
    for item in mix[:WARM_UP]:
        search_products(query_from_params(item["params"]), language=item["language"])
    print("READY", flush=True)
    sys.stdin.readline()
    deadline = _deadline()
    started, done = time.time(), 0
    for item in mix:
        if time.monotonic() > deadline:
            break
        search_products(query_from_params(item["params"]), language=item["language"])
        done += 1
    print("RESULT" + json.dumps({"start": started, "end": time.time(), "queries": done}), flush=True)


def _throughput(processes: int, mix_path: str, env: dict) -> float:
    code = f"import sys; sys.path.insert(0, {str(ROOT)!r}); import bench.search as b; b.throughput_worker({mix_path!r})"
    workers = [
        subprocess.Popen(
            [sys.executable, "-c", code],
            env=env,
            cwd=ROOT,
            stdin=subprocess.PIPE,
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            text=True,
        )
        for _ in range(processes)
    ]
    try:
        for worker in workers:
            line = worker.stdout.readline()
            if not line.startswith("READY"):
                sys.exit(f"throughput worker failed:\n{line}{worker.stderr.read()[-3000:]}")
        for worker in workers:
            worker.stdin.write("GO\n")
            worker.stdin.flush()
        results = []
        for worker in workers:
            out, err = worker.communicate(timeout=CHILD_TIMEOUT)
            line = next((x for x in out.splitlines() if x.startswith("RESULT")), None)
            if line is None:
                sys.exit(f"throughput worker failed:\n{err[-3000:]}")
            results.append(json.loads(line[len("RESULT") :]))
    finally:
        for worker in workers:
            if worker.poll() is None:
                worker.kill()
    span = max(r["end"] for r in results) - min(r["start"] for r in results)
    return sum(r["queries"] for r in results) / span


# --- HTTP -------------------------------------------------------------------------------------------------


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


class Server:
    """`tradebridge serve` (gunicorn, 2 workers) on 127.0.0.1 against the bench database."""

    def __init__(self, env: dict, workers: int = 2):
        self.port = _free_port()
        self.base = f"http://127.0.0.1:{self.port}"
        command = [sys.executable, "-m", "tradebridge.cli", "serve", "--bind", f"127.0.0.1:{self.port}"]
        command += ["--workers", str(workers), "--no-collectstatic"]
        self.process = subprocess.Popen(
            command,
            env=env | {"PYTHONPATH": str(ROOT)},
            cwd=ROOT,
            stdout=subprocess.DEVNULL,
            stderr=subprocess.PIPE,
            start_new_session=True,
        )

    def wait_ready(self, session, timeout: float = 120) -> None:
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            if self.process.poll() is not None:
                sys.exit(f"server exited:\n{self.process.stderr.read().decode()[-3000:]}")
            try:
                if session.get(f"{self.base}/api/v1/search/products", params={"q": "tea"}, timeout=30).ok:
                    return
            except OSError:
                pass
            time.sleep(0.5)
        sys.exit("server did not answer within two minutes")

    def stop(self) -> None:
        if self.process.poll() is None:
            os.killpg(self.process.pid, signal.SIGTERM)
            try:
                self.process.wait(timeout=30)
            except subprocess.TimeoutExpired:
                os.killpg(self.process.pid, signal.SIGKILL)
                self.process.wait(timeout=30)


def http(mix: list[dict], env: dict) -> dict:
    import requests

    server = Server(env)
    try:
        session = requests.Session()
        server.wait_ready(session)
        url = f"{server.base}/api/v1/search/products"
        headers = {"Accept-Language": "en"}
        for item in mix[:WARM_UP]:  # both workers load jieba and the glossary
            session.get(url, params=item["params"], headers=headers, timeout=60)
        times, errors = [], 0
        deadline = _deadline()
        for item in mix:
            if time.monotonic() > deadline:
                break
            headers = {"Accept-Language": "zh-hans" if item["language"] != "en" else "en"}
            started = time.perf_counter()
            response = session.get(url, params=item["params"], headers=headers, timeout=60)
            times.append((time.perf_counter() - started) * 1000)
            errors += response.status_code != 200
        rates = {clients: _http_throughput(url, mix, clients) for clients in (1, 2)}
        return {"latency": _percentiles(times), "errors": errors, "throughput": rates}
    finally:
        server.stop()


def _http_throughput(url: str, mix: list[dict], clients: int) -> float:
    import requests

    deadline = _deadline()
    done = [0] * clients

    def client(n: int, items: list[dict]) -> None:
        session = requests.Session()
        for item in items:
            if time.monotonic() > deadline:
                return
            session.get(url, params=item["params"], timeout=60)
            done[n] += 1

    threads = [threading.Thread(target=client, args=(i, mix[i::clients])) for i in range(clients)]
    started = time.perf_counter()
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=CHILD_TIMEOUT)
    return sum(done) / (time.perf_counter() - started)


# --- Running phases in their own processes -------------------------------------------------------------


def _child(phase: str, args: list, env: dict) -> dict:
    code = (
        f"import json, resource, sys; sys.path.insert(0, {str(ROOT)!r}); import bench.search as b; "
        f"r = b.{phase}(*{args!r}); r['peak_rss_mb'] = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024; "
        "print('RESULT' + json.dumps(r))"
    )
    out = subprocess.run(
        [sys.executable, "-c", code],
        env=env,
        capture_output=True,
        text=True,
        cwd=ROOT,
        check=False,
        timeout=CHILD_TIMEOUT,
    )
    line = next((x for x in out.stdout.splitlines() if x.startswith("RESULT")), None)
    if line is None:
        sys.exit(f"{phase} failed:\n{out.stdout[-2000:]}\n{out.stderr[-4000:]}")
    return json.loads(line[len("RESULT") :])


def _mark(value: float | None, target: float, *, at_most: bool) -> str:
    if value is None:
        return "n/a"
    ok = value <= target if at_most else value >= target
    return "PASS" if ok else "MISS"


def _latencies(stats: dict) -> str:
    if stats["n"] < 2:
        return "no query finished within the time budget"
    return f"p50 {stats['p50']:7.1f} ms   p95 {stats['p95']:7.1f} ms   p99 {stats['p99']:7.1f} ms"


def _targets(stats: dict) -> str:
    p50, p99 = (stats["p50"], stats["p99"]) if stats["n"] >= 2 else (None, None)
    return (
        f"targets p50 <= 20: {_mark(p50, TARGETS['p50_ms'], at_most=True)}, "
        f"p99 <= 100: {_mark(p99, TARGETS['p99_ms'], at_most=True)}"
    )


def _ratio(a: float, b: float) -> float | None:
    return a / b if b else None


def _times(value: float | None) -> str:
    return "  n/a" if value is None else f"{value:5.1f}x"


def run_size(size: int, name: str, env: dict, mix: list[dict], mix_path: str) -> None:
    print(f"\n== {name}, {size:,} listings ==", flush=True)
    loaded = _child("load", [size], env)
    print(
        f"Loaded {loaded['rows']:,} listings in {loaded['seconds']:.1f} s "
        f"({loaded['rows'] / loaded['seconds']:,.0f}/s, bulk inserts)   peak RSS {loaded['peak_rss_mb']:.0f} MB",
        flush=True,
    )
    built = _child("build", [], env)
    rate = built["documents"] / built["seconds"]
    size_bytes = built["index_bytes"] if built["index_bytes"] >= 0 else built["growth"]
    print(
        f"Index build (rebuild_index)  {rate:>8,.0f} listings/s   ({built['documents']:,} documents in "
        f"{built['seconds']:.1f} s)   target >= {TARGETS['build_rate']:,.0f}/s: "
        f"{_mark(rate, TARGETS['build_rate'], at_most=False)}",
        flush=True,
    )
    print(
        f"Index size                   {size_bytes / 1e6:>8,.1f} MB ({size_bytes / max(1, built['documents']):,.0f} "
        f"B/listing; database grew {built['growth'] / 1e6:,.1f} MB)   peak RSS {built['peak_rss_mb']:.0f} MB",
        flush=True,
    )
    timed = _child("latency", [mix_path], env)
    service, bare, paired = timed["service"], timed["bare"], timed["paired_service"]
    engine = "FTS5 MATCH" if timed["vendor"] == "sqlite" else "tsquery @@"
    if timed["queries"] < timed["planned"]:
        print(f"  (time budget reached: {timed['queries']:,} of {timed['planned']:,} queries timed)")
    print(
        f"Service layer ({timed['queries']:,} queries, {timed['with_facets']} with filters; mean total "
        f"{timed['mean_total']:,.0f} hits; {timed['relaxed']} relaxed)   peak RSS {timed['peak_rss_mb']:.0f} MB"
    )
    print(f"  search_products            {_latencies(service)}   {_targets(service)}")
    for kind, stats in timed["by_kind"].items():
        print(f"    {kind:<24} {_latencies(stats)}   ({stats['n']:,} queries)")
    print(f"  bare {engine:22}{_latencies(bare)}   ({bare['n']:,} queries with terms)")
    overhead = _ratio(paired["p50"], bare["p50"])
    print(
        f"  overhead (same queries)    p50 {_times(overhead)}   mean {_times(_ratio(paired['mean'], bare['mean']))}   "
        f"p99 {_times(_ratio(paired['p99'], bare['p99']))}   target <= 2x: "
        f"{_mark(overhead, TARGETS['overhead'], at_most=True)}",
        flush=True,
    )
    one, two = _throughput(1, mix_path, env), _throughput(2, mix_path, env)
    print(f"  throughput                 1 process {one:7.1f} q/s   2 processes {two:7.1f} q/s", flush=True)
    served = http(mix, env)
    h = served["latency"]
    print(
        f"HTTP GET /api/v1/search/products (gunicorn, 2 workers, keep-alive client; {h['n']:,} requests, "
        f"{served['errors']} non-200)\n"
        f"  latency                    {_latencies(h)}   {_targets(h)}\n"
        f"  throughput                 1 client {served['throughput'][1]:7.1f} req/s   "
        f"2 clients {served['throughput'][2]:7.1f} req/s",
        flush=True,
    )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", default="100000,1000000", help="comma-separated listing counts")
    parser.add_argument("--queries", type=int, default=1_000)
    parser.add_argument("--database-url", default="", help="PostgreSQL URL; dropped and created for each size")
    parser.add_argument(
        "--phase-seconds", type=float, default=900, help="each timed phase stops after this long (default 900)"
    )
    args = parser.parse_args()
    sizes = [int(s.replace("_", "")) for s in args.sizes.split(",") if s.strip()]
    work = Path(tempfile.mkdtemp(prefix="tb-bench-search-"))
    mix = query_mix(args.queries)
    mix_path = work / "queries.json"
    mix_path.write_text(json.dumps(mix, ensure_ascii=False), encoding="utf-8")
    kinds = {k: sum(1 for m in mix if m["kind"] == k) for k in sorted({m["kind"] for m in mix})}
    print(
        f"Query mix: {len(mix):,} queries (seed {SEED}): "
        + ", ".join(f"{n} {k}" for k, n in kinds.items())
        + f"; {sum(len(m['params']) > 1 for m in mix)} with filters or a sort.   CPUs: {os.cpu_count()}, "
        f"load average {os.getloadavg()[0]:.1f}, code at {_revision()}"
    )
    print(
        "Targets at 1,000,000 listings on 2 cores: p50 <= 20 ms, p99 <= 100 ms, overhead <= 2x the bare "
        "engine, build >= 5,000 listings/s (shown at every size; they apply at 1,000,000)."
    )
    base = {k: v for k, v in os.environ.items() if k not in {"DJANGO_SETTINGS_MODULE", "DATABASE_URL"}}
    base |= {"TRADEBRIDGE_ENV": "development", "DEBUG": "false", "PYTHONPATH": str(ROOT)}
    base[BUDGET_ENV] = os.environ[BUDGET_ENV] = str(args.phase_seconds)
    for size in sizes:
        data_dir = work / f"data-{size}"
        env = base | {"TRADEBRIDGE_DATA_DIR": str(data_dir)}
        if args.database_url:
            _ensure_postgres_database(args.database_url)
            run_size(size, "PostgreSQL", env | {"DATABASE_URL": args.database_url}, mix, str(mix_path))
        else:
            run_size(size, "SQLite", env, mix, str(mix_path))
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    print(f"\nBench driver peak RSS {peak:.0f} MB; work files in {work}")


def _revision() -> str:
    """The commit measured (the search code changes fast; figures belong to a revision)."""
    try:
        out = subprocess.run(
            ["git", "describe", "--always", "--dirty"], cwd=ROOT, capture_output=True, text=True, timeout=10
        )
    except (OSError, subprocess.TimeoutExpired):
        return "unknown"
    return out.stdout.strip() or "unknown"


def _ensure_postgres_database(url: str) -> None:
    from urllib.parse import urlsplit

    import psycopg

    parts = urlsplit(url)
    name = parts.path.lstrip("/")
    with psycopg.connect(
        host=parts.hostname,
        port=parts.port or 5432,
        user=parts.username or "postgres",
        dbname="postgres",
        autocommit=True,
    ) as conn:
        conn.execute(f'DROP DATABASE IF EXISTS "{name}"')
        conn.execute(f'CREATE DATABASE "{name}"')


if __name__ == "__main__":
    main()
