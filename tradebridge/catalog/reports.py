"""Import reports as files a supplier can open in a spreadsheet."""

from __future__ import annotations

import csv
from typing import TextIO

COLUMNS = ["row", "column", "code", "message", "handle", "severity"]


def write_rejections_csv(report: dict, out: TextIO) -> None:
    writer = csv.DictWriter(out, fieldnames=COLUMNS, extrasaction="ignore")
    writer.writeheader()
    for item in report.get("rejections", []):
        writer.writerow(item | {"severity": "rejected"})
    for item in report.get("warnings", []):
        writer.writerow(item | {"severity": "warning"})
