"""Chinese word order and spacing for translated listing pieces.

English puts "of" and "from" phrases after the noun; Chinese puts them first. Chinese words run
together, while kept English, numbers and a trailing colour or size stand apart.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from tradebridge.translation.text import is_cjk_char

# What may sit between two kept English words for them to stay one run, as written.
_KEPT_GAP = re.compile(r"(?:[\s\-‐‑&]|\b(?:of|the|and|de|von|van)\b)*", re.IGNORECASE)
_ORIGIN_SUFFIXES = ("制造", "出品", "制作", "设计", "产品")


@dataclass(slots=True)
class Piece:
    text: str
    kind: str  # a glossary kind, or latin, num, punct, sep, of, origin
    start: int = -1  # source span, for re-joining kept runs exactly as written
    end: int = -1
    tight_before: bool = False
    tight_after: bool = False


def arrange(pieces: list[Piece]) -> list[Piece]:
    """Chinese order for the two English patterns that have one: "X of Y" and "X from Place"."""
    out: list[Piece] = []
    index = 0
    while index < len(pieces):
        piece = pieces[index]
        index += 1
        if piece.kind != "of":
            out.append(piece)
            continue
        following = pieces[index] if index < len(pieces) else None
        if out and following and _is_chinese(out[-1]) and _is_chinese(following):
            # Box of Chocolates → 巧克力盒: swap the neighbours and drop "of".
            out.insert(len(out) - 1, following)
            index += 1
    arranged: list[Piece] = []
    clause_start = 0
    for piece in out:
        if piece.kind == "origin":
            # Honey from Scotland → 苏格兰蜂蜜: the place leads its clause's Chinese.
            at = next(
                (k for k in range(clause_start, len(arranged)) if _is_chinese(arranged[k])),
                len(arranged),
            )
            piece.kind = "attribute"
            arranged.insert(at, piece)
            continue
        arranged.append(piece)
        if piece.kind == "sep":
            clause_start = len(arranged)
    return arranged


def _is_chinese(piece: Piece) -> bool:
    return bool(piece.text) and is_cjk_char(piece.text[0]) and piece.kind not in ("sep", "punct")


def join(source: str, pieces: list[Piece]) -> str:
    out: list[str] = []
    previous: Piece | None = None
    pending_space = False
    for piece in pieces:
        if piece.kind == "sep" and not piece.text:
            pending_space = previous is not None
            continue
        if previous is not None:
            if (
                previous.kind == "latin"
                and piece.kind == "latin"
                and _KEPT_GAP.fullmatch(source[previous.end : piece.start])
            ):
                # Kept English stays exactly as written, hyphens and all (USB-C, Johnstons of).
                out.append(source[previous.end : piece.end])
                previous = Piece(source[previous.start : piece.end], "latin", previous.start, piece.end)
                continue
            if not (previous.tight_after or piece.tight_before) and (pending_space or _spaced(previous, piece)):
                out.append(" ")
        out.append(piece.text)
        previous = piece
        pending_space = False
    return "".join(out).strip()


def _spaced(a: Piece, b: Piece) -> bool:
    if not (a.text and b.text):
        return False
    if a.kind == "unit" and a.text[0].isdigit():
        return True  # a quantity stands apart: 2米 编织数据线
    if is_cjk_char(a.text[-1]) and is_cjk_char(b.text[0]):
        # Chinese runs together, except that a colour, size or origin starts a new group:
        # 羔羊毛围巾 藏青色, 羊绒围巾 苏格兰制造.
        if b.kind in ("colour", "size") and a.kind != b.kind:
            return True
        return b.kind == "phrase" and b.text.endswith(_ORIGIN_SUFFIXES)
    return True
