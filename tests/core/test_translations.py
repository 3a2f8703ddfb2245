"""The Simplified Chinese catalogue: complete, compiled, and in step with the source.

The .po file is parsed by hand (polib is not a dependency). The .mo file is committed so a fresh
install shows Chinese without gettext; these tests catch a stale .mo, an untranslated or fuzzy
entry, a broken placeholder, and a string added to the source but never extracted.
"""

from __future__ import annotations

import gettext
import re
import shutil
from dataclasses import dataclass, field
from pathlib import Path

import pytest
from django.core.management import call_command
from django.test import override_settings
from django.utils import translation

import tradebridge

PACKAGE_DIR = Path(tradebridge.__file__).resolve().parent
LC_MESSAGES = PACKAGE_DIR / "locale" / "zh_Hans" / "LC_MESSAGES"
PO_FILE = LC_MESSAGES / "django.po"
MO_FILE = LC_MESSAGES / "django.mo"

CJK = re.compile(r"[\u3400-\u4dbf\u4e00-\u9fff]")

# Entries whose msgstr may legitimately contain no Chinese at all.
UNTRANSLATED_ON_PURPOSE = {"TradeBridge"}

# Text that must reach the msgstr unchanged whenever the msgid contains it.
VERBATIM = ("TradeBridge", "http://", "https://", "Authorization: Bearer <token>")


# --- a small .po parser ---------------------------------------------------------------------

_ESCAPES = {"n": "\n", "t": "\t", "r": "\r", '"': '"', "\\": "\\", "a": "\a", "b": "\b"}
_KEYWORD = re.compile(r'^(msgctxt|msgid_plural|msgid|msgstr)(?:\[(\d+)\])?\s+(".*")$')


def _unquote(literal: str) -> str:
    if len(literal) < 2 or not (literal.startswith('"') and literal.endswith('"')):
        raise ValueError(f"not a quoted string: {literal!r}")

    def unescape(match: re.Match[str]) -> str:
        try:
            return _ESCAPES[match.group(1)]
        except KeyError:
            raise ValueError(f"unknown escape \\{match.group(1)} in {literal!r}") from None

    return re.sub(r"\\(.)", unescape, literal[1:-1])


@dataclass
class Entry:
    msgid: str | None = None
    msgctxt: str | None = None
    msgid_plural: str | None = None
    msgstr: dict[int, str] = field(default_factory=dict)
    flags: set[str] = field(default_factory=set)
    lineno: int = 0

    @property
    def key(self) -> tuple[str | None, str, str | None]:
        return (self.msgctxt, self.msgid or "", self.msgid_plural)


def parse_po(path: Path) -> tuple[Entry, list[Entry]]:
    """Return (header, entries). Obsolete (#~) entries and comments are skipped."""
    entries: list[Entry] = []
    entry = Entry()
    current: tuple[str, int] | None = None

    def flush() -> None:
        nonlocal entry, current
        if entry.msgid is not None:
            entries.append(entry)
        elif entry.msgstr or entry.msgctxt is not None:
            raise ValueError(f"{path}:{entry.lineno}: entry without msgid")
        entry, current = Entry(), None

    for lineno, raw in enumerate(path.read_text(encoding="utf-8").splitlines(), start=1):
        line = raw.strip()
        if not line:
            flush()
            continue
        if line.startswith("#"):
            if entry.msgstr:  # a comment after a msgstr starts the next entry
                flush()
            if line.startswith("#,"):
                entry.flags.update(f.strip() for f in line[2:].split(",") if f.strip())
            continue
        if match := _KEYWORD.match(line):
            keyword, index, literal = match.groups()
            if keyword in ("msgctxt", "msgid") and entry.msgstr:
                flush()
            if not entry.lineno:
                entry.lineno = lineno
            value = _unquote(literal)
            if keyword == "msgstr":
                n = int(index) if index is not None else 0
                entry.msgstr[n] = value
                current = ("msgstr", n)
            else:
                setattr(entry, keyword, value)
                current = (keyword, 0)
            continue
        if line.startswith('"') and current is not None:
            value = _unquote(line)
            keyword, n = current
            if keyword == "msgstr":
                entry.msgstr[n] += value
            else:
                setattr(entry, keyword, getattr(entry, keyword) + value)
            continue
        raise ValueError(f"{path}:{lineno}: cannot parse {raw!r}")
    flush()

    headers = [e for e in entries if e.msgid == "" and e.msgctxt is None]
    if len(headers) != 1:
        raise ValueError(f"{path}: expected one header entry, found {len(headers)}")
    return headers[0], [e for e in entries if e is not headers[0]]


def describe(entry: Entry) -> str:
    context = f" (context {entry.msgctxt!r})" if entry.msgctxt is not None else ""
    return f"line {entry.lineno}: {entry.msgid!r}{context}"


# --- placeholders -----------------------------------------------------------------------------

_PERCENT = re.compile(
    r"%(?:\((?P<name>[^)]*)\))?[-#0 +]*(?:\d+|\*)?(?:\.(?:\d+|\*))?[hlL]?"
    r"(?P<conv>[diouxXeEfFgGcrsa%])"
)
_NAMED = re.compile(r"%\([^)]+\)[-#0 +]*\d*(?:\.\d+)?[diouxXeEfFgGcrsa]")
_BRACES = re.compile(r"\{\{\s*[\w.|:]+\s*\}\}|\{[A-Za-z_]\w*(?:![rsa])?(?::[^{}]*)?\}")
_NUMBERS = re.compile(r"[A-Z]*\d+")


def placeholders(text: str, python_format: bool) -> list[str]:
    """Placeholders in text, in order: %(name)s always; %s, %d... when python-format."""
    found = _NAMED.findall(text) + _BRACES.findall(text)
    if python_format:
        found += [m.group(0) for m in _PERCENT.finditer(text) if m.group("conv") != "%" and m.group("name") is None]
    return found


# --- fixtures ---------------------------------------------------------------------------------


@pytest.fixture(scope="module")
def catalogue() -> tuple[Entry, list[Entry]]:
    assert PO_FILE.is_file(), f"{PO_FILE} is missing: run makemessages -l zh_Hans"
    return parse_po(PO_FILE)


# --- a. the .po file is complete and well formed ----------------------------------------------


def test_header_declares_simplified_chinese(catalogue):
    header, _ = catalogue
    assert "fuzzy" not in header.flags, "the header is marked fuzzy; msgfmt would skip it"
    fields = dict(line.split(":", 1) for line in header.msgstr.get(0, "").splitlines() if ":" in line)
    fields = {k.strip(): v.strip() for k, v in fields.items()}
    assert fields.get("Language") == "zh_Hans"
    assert fields.get("Content-Type") == "text/plain; charset=UTF-8"
    assert fields.get("Plural-Forms") == "nplurals=1; plural=0;"


def test_every_entry_is_translated_and_not_fuzzy(catalogue):
    _, entries = catalogue
    assert len(entries) > 100, "the catalogue looks truncated"
    fuzzy = [describe(e) for e in entries if "fuzzy" in e.flags]
    empty = [describe(e) for e in entries if not e.msgstr or not all(e.msgstr.values())]
    bad_plurals = [describe(e) for e in entries if e.msgid_plural is not None and set(e.msgstr) != {0}]
    assert not fuzzy, f"fuzzy entries: {fuzzy}"
    assert not empty, f"untranslated entries: {empty}"
    assert not bad_plurals, f"plural entries need exactly msgstr[0] (nplurals=1): {bad_plurals}"


def test_translations_are_chinese(catalogue):
    _, entries = catalogue
    still_english = [
        describe(e)
        for e in entries
        if e.msgid not in UNTRANSLATED_ON_PURPOSE and not all(CJK.search(s) for s in e.msgstr.values())
    ]
    assert not still_english, f"msgstr has no Chinese in it: {still_english}"


def test_placeholders_survive_translation(catalogue):
    _, entries = catalogue
    problems = []
    for e in entries:
        python_format = "python-format" in e.flags
        singular = placeholders(e.msgid, python_format)
        plural = placeholders(e.msgid_plural or "", python_format)
        # With one plural form, msgstr[0] serves every count, so it follows msgid_plural.
        expected = sorted(plural if e.msgid_plural is not None else singular)
        allowed = set(singular) | set(plural)
        for n, text in e.msgstr.items():
            got = placeholders(text, python_format)
            if sorted(set(got)) != sorted(set(expected)) or not set(got) <= allowed:
                problems.append(f"{describe(e)} msgstr[{n}]: expected {expected}, got {got}")
            elif [p for p in got if "(" not in p and "{" not in p] != [
                p for p in expected if "(" not in p and "{" not in p
            ]:
                problems.append(f"{describe(e)} msgstr[{n}]: positional placeholders differ")
    assert not problems, "\n".join(problems)


def test_brand_examples_and_numbers_are_kept(catalogue):
    _, entries = catalogue
    problems = []
    for e in entries:
        source = e.msgid_plural if e.msgid_plural is not None else e.msgid
        for n, text in e.msgstr.items():
            lost = [s for s in VERBATIM if s in source and s not in text]
            lost += [s for s in _NUMBERS.findall(source) if s not in text]
            if lost:
                problems.append(f"{describe(e)} msgstr[{n}] lost {lost}")
    assert not problems, "\n".join(problems)


# --- b. the committed .mo matches the .po -----------------------------------------------------


def test_compiled_catalogue_matches_po(catalogue):
    assert MO_FILE.is_file(), f"{MO_FILE} is missing: run compilemessages -l zh_Hans"
    _, entries = catalogue
    with MO_FILE.open("rb") as fp:
        mo = gettext.GNUTranslations(fp)
    assert mo.info().get("plural-forms") == "nplurals=1; plural=0;"
    stale = []
    for e in entries:
        expected = e.msgstr[0]
        if e.msgid_plural is not None:
            got = [
                mo.npgettext(e.msgctxt, e.msgid, e.msgid_plural, n)
                if e.msgctxt is not None
                else mo.ngettext(e.msgid, e.msgid_plural, n)
                for n in (1, 2, 5)
            ]
            if got != [expected] * 3:
                stale.append(describe(e))
        else:
            got = mo.pgettext(e.msgctxt, e.msgid) if e.msgctxt is not None else mo.gettext(e.msgid)
            if got != expected:
                stale.append(describe(e))
    assert not stale, f"django.mo is out of date with django.po; run compilemessages -l zh_Hans. Differing: {stale}"


# --- c. every translatable string in the source is in the catalogue ---------------------------


def test_catalogue_covers_every_source_string(catalogue, tmp_path, monkeypatch):
    missing_tools = [t for t in ("xgettext", "msguniq", "msgmerge") if not shutil.which(t)]
    if missing_tools:
        pytest.skip(f"GNU gettext tools not installed ({', '.join(missing_tools)})")
    _, committed = catalogue
    real_po = PO_FILE.read_bytes()
    real_mo = MO_FILE.read_bytes() if MO_FILE.exists() else None

    # makemessages writes temporary files beside the templates and rewrites the catalogue, so it
    # runs on a copy of the package, never on the real tree.
    copy = tmp_path / "tradebridge"
    shutil.copytree(PACKAGE_DIR, copy, ignore=shutil.ignore_patterns("__pycache__", "*.mo"))
    copy_locale = copy / "locale"
    monkeypatch.chdir(copy)
    with override_settings(LOCALE_PATHS=[copy_locale]):
        call_command("makemessages", locale=["zh_Hans"], no_location=True, no_obsolete=True, verbosity=0)

    assert PO_FILE.read_bytes() == real_po, "makemessages touched the real django.po"
    assert (MO_FILE.read_bytes() if MO_FILE.exists() else None) == real_mo, "makemessages touched the real django.mo"

    _, regenerated = parse_po(copy_locale / "zh_Hans" / "LC_MESSAGES" / "django.po")
    in_source = {e.key for e in regenerated}
    in_catalogue = {e.key for e in committed}
    not_extracted = sorted(in_source - in_catalogue, key=str)
    obsolete = sorted(in_catalogue - in_source, key=str)
    assert not not_extracted and not obsolete, (
        "the catalogue is out of step with the source; run makemessages -l zh_Hans, translate, "
        f"and compilemessages.\nNot in the catalogue: {not_extracted}\nNo longer in the source: "
        f"{obsolete}"
    )


# --- d. Django actually serves the translation ------------------------------------------------


def test_django_translates_into_simplified_chinese():
    english = "Supplier dashboard"
    with translation.override("zh-hans"):
        chinese = translation.gettext(english)
    assert chinese != english
    assert CJK.search(chinese), chinese
    with translation.override("en"):
        assert translation.gettext(english) == english


def test_template_placeholders_render_in_chinese():
    from django.template import Context, Template

    template = Template(
        "{% load i18n %}{% blocktranslate with n=2 total=7 %}Page {{ n }} of {{ total }}{% endblocktranslate %}"
    )
    with translation.override("zh-hans"):
        rendered = template.render(Context())
    assert rendered != "Page 2 of 7"
    assert CJK.search(rendered), rendered
    assert "2" in rendered and "7" in rendered
