"""Gathers the rows of one product (a Shopify handle, a Merchant item group, a template handle)
without holding the file, even when a product's rows are not next to each other.

Exports keep a product's rows together, so a product usually ends where the key changes. A
first pass finds the exceptions: keys that come back after other rows ("split" groups) and the
row where each of those ends. The second pass hands over a run as soon as the key changes, and
holds only split groups until their last row. Memory stays flat for a well-ordered file.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator

from .records import ImportedProduct, RowError
from .rows import Row
from .text import make_handle

RowSource = Callable[[], Iterator[Row | RowError]]
Key = Callable[[Row], str | None]


class _MaybeSeen:
    """A fixed-size, one-hash Bloom filter of keys whose run has ended (1 MB whatever the file).

    "Maybe" is enough: a false positive only makes a well-ordered group be treated as split,
    which costs a dictionary entry, never a wrong result."""

    _BITS = 1 << 23

    def __init__(self) -> None:
        self._bits = bytearray(self._BITS // 8)

    def add(self, key: str) -> None:
        h = hash(key) & (self._BITS - 1)
        self._bits[h >> 3] |= 1 << (h & 7)

    def __contains__(self, key: str) -> bool:
        h = hash(key) & (self._BITS - 1)
        return bool(self._bits[h >> 3] & (1 << (h & 7)))


def split_groups(source: RowSource, key: Key) -> dict[str, int]:
    """First pass: for each key that comes back after other rows, the number of its last row."""
    seen = _MaybeSeen()
    last: dict[str, int] = {}
    current: str | None = None
    for row in source():
        if not isinstance(row, Row):
            continue
        k = key(row)
        if k != current:
            if current is not None:
                seen.add(current)
            if k is not None and k in seen:
                last[k] = row.number
            current = k
        if k is not None and k in last:
            last[k] = row.number
    return last


def grouped(source: RowSource, key: Key) -> Iterator[list[Row] | RowError]:
    """Groups of rows sharing a key, each handed over once its last row has been read.

    A row without a key comes alone; RowErrors from the source pass straight through."""
    split = split_groups(source, key)
    held: dict[str, list[Row]] = {}
    run_key: str | None = None
    run: list[Row] = []
    for row in source():
        if isinstance(row, RowError):
            yield row
            continue
        k = key(row)
        if k != run_key and run:
            yield run
            run = []
        run_key = k
        if k is None:
            yield [row]
        elif k in split:
            held.setdefault(k, []).append(row)
            if row.number >= split[k]:
                yield held.pop(k)
        else:
            run.append(row)
    if run:
        yield run
    # Only reachable if the file changed between the passes; hand over what is left.
    yield from held.values()


def products_by_handle(
    source: RowSource, build: Callable[[list[Row]], Iterator[ImportedProduct | RowError]]
) -> Iterator[ImportedProduct | RowError]:
    """For formats whose rows name their product in a `handle` column (Shopify, our template)."""
    for group in grouped(source, lambda row: make_handle(row.get("handle")) or None):
        if isinstance(group, RowError):
            yield group
        else:
            yield from build(group)
