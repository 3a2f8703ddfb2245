"""Uploading a catalog through the page and the API, with the real worker running the job."""

import io
import os
import zipfile
from pathlib import Path

import pytest
from django.conf import settings
from django.core.files.uploadedfile import SimpleUploadedFile
from django.core.management import call_command

from tests import factories
from tests.catalog.importers.conftest import garbled
from tests.catalog.test_imports import TEMPLATE
from tradebridge.catalog.models import Product
from tradebridge.core.models import Job

pytestmark = pytest.mark.django_db(transaction=True)


def _drain():
    call_command("worker", "--batch", "--no-startup-delay", "--interval", "0", verbosity=0)


def _upload(name="catalog.csv", content=None):
    content = TEMPLATE.encode() if content is None else content
    return SimpleUploadedFile(name, content, content_type="text/csv")


def test_upload_dry_run_then_import_for_real(supplier, client_for):
    client = client_for(supplier)
    response = client.post("/supplier/imports/", {"file": _upload(), "dry_run": "on"})
    assert response.status_code == 302
    job = Job.objects.get(company=supplier.company)
    waiting = client.get(response["Location"]).content.decode()
    assert 'hx-trigger="every 1s"' in waiting
    _drain()
    report = client.get(f"/supplier/imports/{job.pk}/", HTTP_HX_REQUEST="true").content.decode()
    assert "Dry run" in report and 'data-count="products-created">2<' in report
    assert not Product.objects.exists()
    csv = client.get(f"/supplier/imports/{job.pk}/report.csv")
    assert "tiers_not_monotonic" in csv.content.decode("utf-8-sig")
    applied = client.post(f"/supplier/imports/{job.pk}/apply/")
    _drain()
    real = Job.objects.exclude(pk=job.pk).get()
    assert applied["Location"] == f"/supplier/imports/{real.pk}/"
    assert real.result["products_created"] == 2
    assert Product.objects.filter(supplier=supplier.company).count() == 2


@pytest.mark.parametrize(
    ("name", "content", "message"),
    [
        ("photo.csv", b"\x89PNG\r\n\x1a\n" + b"\x00" * 100, "text"),
        ("empty.csv", b"", "empty"),
        ("nonsense.csv", b"a,b,c\n1,2,3\n", "column"),
        ("fake.xlsx", b"not a zip at all", "xlsx"),
    ],
)
def test_unreadable_uploads_are_refused_on_the_form(supplier, client_for, name, content, message):
    response = client_for(supplier).post("/supplier/imports/", {"file": _upload(name, content), "dry_run": "on"})
    assert response.status_code == 400
    errors = " ".join(response.context["form"].errors["file"]).lower()
    assert message in errors, errors
    assert not Job.objects.exists()


def test_other_suppliers_cannot_see_or_apply_an_import(supplier, client_for):
    client_for(supplier).post("/supplier/imports/", {"file": _upload(), "dry_run": "on"})
    job = Job.objects.get()
    other = factories.member(kind="supplier")
    intruder = client_for(other)
    assert intruder.get(f"/supplier/imports/{job.pk}/").status_code == 404
    assert intruder.get(f"/supplier/imports/{job.pk}/report.csv").status_code == 404
    assert intruder.post(f"/supplier/imports/{job.pk}/apply/").status_code == 404
    assert intruder.get(f"/api/v1/jobs/{job.pk}").status_code == 404
    assert Job.objects.count() == 1


def test_api_upload_and_job_polling(supplier, client_for):
    client = client_for(supplier)
    response = client.post("/api/v1/catalog/imports", {"file": _upload(), "dry_run": "false"})
    assert response.status_code == 202, response.content
    job_id = response.json()["id"]
    _drain()
    job = client.get(f"/api/v1/jobs/{job_id}").json()
    assert job["status"] == "succeeded" and job["result"]["products_created"] == 2
    bad = client.post("/api/v1/catalog/imports", {"file": _upload("x.csv", b"a,b\n1,2\n")})
    assert bad.status_code == 400
    assert bad.json()["errors"][0]["field"] == "file"


def _stored_imports(membership) -> list[Path]:
    folder = Path(settings.MEDIA_ROOT) / "imports" / str(membership.company_id)
    return sorted(folder.iterdir()) if folder.is_dir() else []


@pytest.mark.parametrize(
    "name", ["测" * 100 + ".csv", "😀" * 70 + ".csv", "a" * 250 + ".csv"], ids=["zh", "emoji", "ascii"]
)
def test_api_upload_with_a_long_name_is_stored_under_a_name_the_disk_takes(supplier, client_for, name):
    client = client_for(supplier)
    response = client.post("/api/v1/catalog/imports", {"file": _upload(name), "dry_run": "true"})
    assert response.status_code == 202, response.content
    job = Job.objects.get(pk=response.json()["id"])
    assert job.params["filename"] == name  # the report names the file as the supplier did
    [stored] = _stored_imports(supplier)
    assert str(stored).endswith(job.params["path"])
    # 255 bytes is the filesystem's limit; the end of the name, with its extension, is kept whole.
    assert len(os.fsencode(stored.name)) <= 255 and stored.name.endswith(name[-10:])
    _drain()
    job.refresh_from_db()
    assert job.status == "succeeded" and job.result["products_created"] == 2


@pytest.mark.parametrize(("compression", "kept"), [(zipfile.ZIP_DEFLATED, 0), (zipfile.ZIP_LZMA, 4)])
def test_api_refuses_a_workbook_with_damaged_compressed_data(supplier, client_for, compression, kept):
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", compression) as archive:
        archive.writestr("[Content_Types].xml", "<Types/>")
        archive.writestr("xl/workbook.xml", "<workbook/>")
    damaged = garbled(buffer.getvalue(), "xl/workbook.xml", kept)
    response = client_for(supplier).post(
        "/api/v1/catalog/imports", {"file": _upload("catalog.xlsx", damaged), "dry_run": "true"}
    )
    assert response.status_code == 400, response.content
    [error] = response.json()["errors"]
    assert (error["code"], error["field"]) == ("file_not_xlsx", "file")
    assert not Job.objects.exists() and _stored_imports(supplier) == []


def test_template_downloads(supplier, client_for):
    client = client_for(supplier)
    assert client.get("/supplier/imports/template.csv").content.decode("utf-8-sig").startswith("handle,")
    assert client.get("/supplier/imports/template.xlsx").content[:2] == b"PK"
    assert client.get("/supplier/imports/template.pdf").status_code == 404
