"""Background work for the catalog: importing an uploaded file."""

from __future__ import annotations

from pathlib import Path

from django.conf import settings
from django.db import transaction

from tradebridge.catalog.importers.reader import UnreadableFile, open_catalog
from tradebridge.catalog.imports import run_import
from tradebridge.catalog.models import Product
from tradebridge.catalog.texts import TRANSLATED_FIELDS, MachineTexts, fill_translations
from tradebridge.core.jobs import Progress, job_handler
from tradebridge.core.models import Job
from tradebridge.search.services import index_products

IMPORT_JOB = "catalog.import"


@job_handler(IMPORT_JOB)
def import_uploaded_catalog(job: Job, progress: Progress) -> dict:
    path = Path(settings.MEDIA_ROOT) / job.params["path"]
    try:
        catalog = open_catalog(path, filename=job.params.get("filename"))
    except UnreadableFile as exc:
        # Checked at upload already; a file that changed since is reported, not crashed on.
        return {"unreadable": {"code": exc.code, "message": exc.message}}
    report = run_import(
        supplier=job.company,
        records=catalog.records(),
        file_format=catalog.format,
        dry_run=bool(job.params.get("dry_run")),
        progress=progress,
    )
    return report.as_dict()


TRANSLATE_JOB = "catalog.translate"
TRANSLATE_BATCH = 200


@job_handler(TRANSLATE_JOB)
def translate_catalog(job: Job, progress: Progress) -> dict:
    """Fill in (or, with `refresh`, redo) the machine translations of a supplier's catalog.

    Batches by primary key so a restarted job simply goes over the catalog again: texts a
    person wrote are skipped every time, machine texts are rewritten with the same result."""
    refresh = bool(job.params.get("refresh"))
    products = Product.objects.filter(supplier_id=job.company_id).order_by("pk")
    total = products.count()
    texts = MachineTexts()
    done = changed = 0
    last_pk = 0
    progress(0, total)
    while True:
        batch = list(products.filter(pk__gt=last_pk)[:TRANSLATE_BATCH])
        if not batch:
            break
        updated = [p for p in batch if fill_translations(p, texts, refresh=refresh)]
        with transaction.atomic():
            Product.objects.bulk_update(updated, TRANSLATED_FIELDS)
            index_products([p.pk for p in updated])
        changed += len(updated)
        done += len(batch)
        last_pk = batch[-1].pk
        progress(done, total)
    return {"products": total, "translated": changed}
