"""Files suppliers upload: catalog files (checked, stored, then imported in the background) and
product images (checked and thumbnailed)."""

from __future__ import annotations

import io
import uuid
from pathlib import Path

from django.conf import settings
from django.core.files.base import ContentFile
from django.db import transaction
from PIL import Image, UnidentifiedImageError

from tradebridge.catalog.importers.reader import UnreadableFile, open_catalog
from tradebridge.catalog.models import ProductImage
from tradebridge.catalog.services import own_product, require_supplier
from tradebridge.catalog.tasks import IMPORT_JOB, TRANSLATE_JOB
from tradebridge.companies.models import Membership
from tradebridge.core.errors import DomainError
from tradebridge.core.jobs import start_job
from tradebridge.core.models import Job

THUMBNAIL_SIZE = (480, 480)
MAX_IMAGE_PIXELS = 40_000_000  # refuses decompression bombs long before memory is at risk


# Filesystems limit a file name to 255 bytes, not characters: 100 Chinese characters are 300.
MAX_NAME_BYTES = 255


def name_tail(name: str, max_bytes: int) -> str:
    """The end of `name` in at most `max_bytes` of UTF-8, so the extension survives. Cut
    between characters: the partial character left at the front of the cut is dropped."""
    return name.encode("utf-8", "ignore")[-max_bytes:].decode("utf-8", "ignore")


def _store_upload(membership: Membership, upload, filename: str) -> tuple[Path, str]:
    prefix = f"{uuid.uuid4().hex}-"
    name = name_tail(filename, MAX_NAME_BYTES - len(prefix))
    relative = Path("imports") / str(membership.company_id) / f"{prefix}{name}"
    target = Path(settings.MEDIA_ROOT) / relative
    target.parent.mkdir(parents=True, exist_ok=True)
    try:
        with open(target, "wb") as out:
            for chunk in upload.chunks():
                out.write(chunk)
    except BaseException:
        target.unlink(missing_ok=True)  # no half-written file stays behind (a full disk)
        raise
    return target, str(relative)


def start_import(*, membership: Membership, upload, dry_run: bool) -> Job:
    """Store the file, make sure it is a catalog we can read, then import it in the background.
    A refused file is deleted at once; only a file a job will read stays stored."""
    membership = require_supplier(membership)
    filename = Path(upload.name or "catalog").name
    path, relative = _store_upload(membership, upload, filename)
    try:
        catalog = open_catalog(path, filename=filename)
        with transaction.atomic():
            return start_job(
                kind=IMPORT_JOB,
                company=membership.company,
                user=membership.user,
                params={
                    "path": relative,
                    "filename": filename,
                    "dry_run": dry_run,
                    "format": catalog.format,
                },
            )
    except UnreadableFile as exc:
        path.unlink(missing_ok=True)
        raise DomainError(f"file_{exc.code}", exc.message, "file") from None
    except BaseException:
        path.unlink(missing_ok=True)  # no job will ever read it
        raise


def restart_import_for_real(*, membership: Membership, job_id: int) -> Job:
    """After a dry run, import the same file for real."""
    membership = require_supplier(membership)
    previous = Job.objects.filter(pk=job_id, company_id=membership.company_id, kind=IMPORT_JOB).first()
    if previous is None:
        raise DomainError("not_found", "No such import.", None)
    with transaction.atomic():
        return start_job(
            kind=IMPORT_JOB,
            company=membership.company,
            user=membership.user,
            params=previous.params | {"dry_run": False},
        )


def add_image(*, membership: Membership, product_id: int, upload) -> ProductImage:
    membership = require_supplier(membership)
    product = own_product(membership, product_id)
    try:
        with Image.open(upload) as probe:
            if probe.width * probe.height > MAX_IMAGE_PIXELS:
                raise DomainError("image_too_large", "The image has too many pixels (40 megapixels at most).", "image")
            if probe.format not in ("JPEG", "PNG", "WEBP"):
                raise DomainError("image_type", "Upload a JPEG, PNG or WebP image.", "image")
            probe.verify()
        upload.seek(0)
        with Image.open(upload) as picture:
            picture.thumbnail(THUMBNAIL_SIZE)
            buffer = io.BytesIO()
            picture.convert("RGB").save(buffer, "JPEG", quality=85, optimize=True)
    except (UnidentifiedImageError, OSError, Image.DecompressionBombError):
        raise DomainError("image_invalid", "This file is not an image we can read.", "image") from None
    upload.seek(0)
    stem = uuid.uuid4().hex
    image = ProductImage(product=product, position=product.images.count())
    suffix = (
        Path(upload.name).suffix.lower()
        if Path(upload.name).suffix.lower() in (".jpg", ".jpeg", ".png", ".webp")
        else ".img"
    )
    image.file.save(f"{stem}{suffix}", upload, save=False)
    image.thumbnail.save(f"{stem}.jpg", ContentFile(buffer.getvalue()), save=False)
    image.save()
    return image


def start_translation(*, membership: Membership, refresh: bool = False) -> Job:
    """Machine-translate the supplier's whole catalog in the background (with progress)."""
    membership = require_supplier(membership)
    with transaction.atomic():
        return start_job(
            kind=TRANSLATE_JOB,
            company=membership.company,
            user=membership.user,
            params={"refresh": refresh, "filename": "translation"},
        )
