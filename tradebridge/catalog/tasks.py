"""Background work for the catalog: importing an uploaded file."""

from __future__ import annotations

from pathlib import Path

from django.conf import settings

from tradebridge.catalog.importers.reader import UnreadableFile, open_catalog
from tradebridge.catalog.imports import run_import
from tradebridge.core.jobs import Progress, job_handler
from tradebridge.core.models import Job

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
