"""Which files a dispute may carry: photos and PDFs, recognised by their first bytes (a file's
name and declared type are the sender's claim, not a fact), up to a size and a count. Pure."""

from __future__ import annotations

from tradebridge.core.errors import FieldError

MAX_FILES = 5
MAX_BYTES = 5 * 1024 * 1024
SIGNATURES: tuple[tuple[bytes, int, str], ...] = (
    (b"\xff\xd8\xff", 0, "image/jpeg"),
    (b"\x89PNG\r\n\x1a\n", 0, "image/png"),
    (b"%PDF-", 0, "application/pdf"),
    (b"WEBP", 8, "image/webp"),  # RIFF....WEBP
)


SUFFIXES = {"image/jpeg": ".jpg", "image/png": ".png", "application/pdf": ".pdf", "image/webp": ".webp"}


def sniff(head: bytes) -> str | None:
    """The content type the bytes prove, or None."""
    for magic, offset, content_type in SIGNATURES:
        if head[offset : offset + len(magic)] == magic:
            if content_type == "image/webp" and not head.startswith(b"RIFF"):
                continue
            return content_type
    return None


def evidence_errors(files: list[tuple[str, int, bytes]]) -> list[FieldError]:
    """Problems with (name, size, first bytes) of each file; empty means all may be stored."""
    if len(files) > MAX_FILES:
        return [FieldError("evidence_too_many", f"Attach at most {MAX_FILES} files.", "evidence")]
    errors = []
    for name, size, head in files:
        if size > MAX_BYTES:
            errors.append(FieldError("evidence_too_large", f"{name} is larger than 5 MB.", "evidence"))
        elif size == 0:
            errors.append(FieldError("evidence_empty", f"{name} is empty.", "evidence"))
        elif sniff(head) is None:
            errors.append(FieldError("evidence_type", f"{name} is not a JPEG, PNG, WebP image or a PDF.", "evidence"))
    return errors
