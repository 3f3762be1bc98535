"""Write a résumé as a PDF with Typst: PDF/A-3b and PDF/UA-1, the résumé's JSON attached.

The page is laid out by our template (``template/cv.typ``) from a *view*: what the page shows,
built here (localised titles and dates from :mod:`cvconvert.formats._docx.i18n`, the same
fields per section as the DOCX writer, links that passed the one link rule). Both the view and
the résumé reach Typst as data (``sys.inputs``), so no value is ever read as Typst markup. The
résumé's JSON is attached as an associated file (``/AFRelationship /Source``), which is how
:func:`cvconvert.formats._pdf.read` gets it back exactly. The compiler is made once per process
and per template folder (fonts are scanned once), and can read files under that folder only.
"""

from __future__ import annotations

import json
import os
import re
import threading
from collections.abc import Iterator
from contextlib import contextmanager, nullcontext
from dataclasses import dataclass
from functools import cache
from pathlib import Path
from typing import TYPE_CHECKING, Any

from cvconvert import limits
from cvconvert._deps import requires_extra
from cvconvert._input import template_stat
from cvconvert.errors import CvConvertError, InvalidInputError, LimitExceededError, OptionError
from cvconvert.formats._docx import i18n
from cvconvert.formats._docx.layout import (
    DEFAULT_ORDER,
    RANGE,
    SECTIONS,
    Line,
    Part,
    Section,
    display,
    link_target,
)
from cvconvert.formats._pdf.embedded import ATTACHMENT
from cvconvert.model import Resume
from cvconvert.report import Note, Report, pointer

if TYPE_CHECKING:
    from cvconvert.formats._pdf import PdfWriteOptions

TEMPLATE_DIR = Path(__file__).parent / "template"
STANDARDS = ("a-3b", "ua-1")
MAX_BLOCKS = 30_000
"""At most this many entries, text paragraphs, bullets and contact pieces on the pages."""
# One paragraph's characters on the page: a right-to-left one of 200,000 took Typst 21 s (its
# cost grows with the square of a paragraph's length); 20,000 take well under a second.
MAX_PARAGRAPH = 20_000
# Combining marks in a row on the page (Unicode's stream-safe text format, UAX #15): Typst's
# memory grows with the square of a grapheme cluster's marks (10,000 took 6 GB).
_MAX_MARKS = 30

# The fonts Typst carries inside its wheel cover Latin, Greek and Cyrillic; other scripts come
# from the system. Per script: the families that cover it, best first, and the Debian package
# that installs the first. Typst falls back to any installed font that has a glyph; a script for
# which none of these families is installed is reported (a box on the page is never silent).
BODY_FONT = "Libertinus Serif"
# Each script's characters as a pattern compiled on first use (see _pattern): the CJK class alone
# takes some 3 ms to compile, and a Latin résumé never needs it.
_SCRIPTS: tuple[tuple[str, str, tuple[str, ...], str], ...] = (
    (
        "Chinese, Japanese or Korean",
        "[\u2e80-\u9fff\uac00-\ud7af\uf900-\ufaff\U00020000-\U0003ffff]",
        (
            "Noto Serif CJK SC",
            "Noto Sans CJK SC",
            "Noto Serif CJK JP",
            "Noto Sans CJK JP",
            "Source Han Serif SC",
            "Source Han Sans SC",
            "WenQuanYi Zen Hei",
            "WenQuanYi Micro Hei",
            "Droid Sans Fallback",
            "AR PL UMing CN",
        ),
        "fonts-noto-cjk",
    ),
    (
        "Arabic",
        "[\u0600-\u06ff\u0750-\u077f\u08a0-\u08ff\ufb50-\ufdff\ufe70-\ufefc]",
        ("Noto Naskh Arabic", "Noto Sans Arabic", "Amiri", "DejaVu Sans", "FreeSerif"),
        "fonts-noto-core",
    ),
    (
        "Hebrew",
        "[\u0590-\u05ff\ufb1d-\ufb4f]",
        ("Noto Serif Hebrew", "Noto Sans Hebrew", "DejaVu Sans", "FreeSerif", "Culmus"),
        "fonts-noto-core",
    ),
    (
        "Devanagari",
        "[\u0900-\u097f]",
        ("Noto Serif Devanagari", "Noto Sans Devanagari", "FreeSerif"),
        "fonts-noto-core",
    ),
    (
        "Thai",
        "[\u0e00-\u0e7f]",
        ("Noto Serif Thai", "Noto Sans Thai", "TlwgTypo", "FreeSerif"),
        "fonts-noto-core",
    ),
)
_CJK = _SCRIPTS[0][1]


@cache
def _pattern(source: str) -> re.Pattern[str]:
    return re.compile(source)


# Beyond Latin, Greek, Cyrillic and the punctuation and symbols next to them.
_BEYOND = re.compile("[^\u0000-\u052f\u1e00-\u1fff\u2000-\u20cf\u2100-\u215f]")
_NO_GLYPH = re.compile(r'the text `"(.+?)"` could not be displayed')
_DISALLOWED = re.compile(r'disallowed codepoint `"\\u\{([0-9a-fA-F]+)\}"`')
# A package import in a template (``"@preview/name:1.0.0"``) would be downloaded while compiling.
_PACKAGE = re.compile(r"""["']@[a-z][a-z0-9-]*/""")
_IMPORTED = re.compile(r'\b(?:import|include)\s+"([^"@]+)"')
# French sets a narrow no-break space before these marks (between our own labels and values).
_FRENCH_SPACE = {":": "\u202f:", ";": "\u202f;", "!": "\u202f!", "?": "\u202f?"}

_LOCK = threading.Lock()  # one compile at a time per process: the compiler object is shared


@dataclass(frozen=True)
class _Compiled:
    pdf: bytes
    warnings: list[str]
    error: str | None


@cache
def _compiler(root: str, system: bool) -> Any:
    """A Typst compiler that reads files under ``root`` only; fonts are scanned once per process.

    Our template imports no package, and a user's template that names one is refused before
    compiling (see :func:`_template`): Typst would download it.
    """
    with requires_extra("pdf"):
        import typst

    return typst.Compiler(root=root, font_paths=_fonts(system))


@cache
def _fonts(system: bool) -> Any:
    """The fonts Typst carries, and with ``system`` the installed ones (a scan of some 30 ms)."""
    with requires_extra("pdf"):
        import typst

    return typst.Fonts(include_system_fonts=system, include_embedded_fonts=True)


@cache
def _families() -> frozenset[str]:
    return frozenset(_fonts(True).families())


def _compile(
    template: Path, view: dict[str, Any], resume_json: str, standards: tuple[str, ...], system: bool
) -> _Compiled:
    view_json = json.dumps(view, ensure_ascii=False, separators=(",", ":"))
    if _started not in (None, os.getpid()):
        # A fork of a process that compiled: Typst's worker threads stayed behind in the parent
        # and a compile here would wait for them forever. A helper process compiles instead.
        pdf, warnings, error = _in_helper(str(template), view_json, resume_json, standards, system)
    else:
        pdf, warnings, error = _compiled(str(template), view_json, resume_json, standards, system)
    return _Compiled(pdf, warnings, error)


_started: int | None = None
"""The process in which Typst started its threads (at its first compile)."""
_helpers: list[Any] = []  # the helper process (subprocess.Popen), once started
_HELPER_LOCK = threading.Lock()


def _in_helper(
    template: str, view_json: str, resume_json: str, standards: tuple[str, ...], system: bool
) -> tuple[bytes, list[str], str | None]:
    """:func:`_compiled` in a helper process; one that died (killed, out of memory) is replaced once.

    The helper is a fresh interpreter (``python -m cvconvert.formats._pdf.helper``), not a
    fork and not multiprocessing's spawn (which imports the caller's main module again). It
    speaks JSON over its pipes: a length line, then the request; a length line, the header
    (warnings, error, size), then the PDF.
    """
    request = json.dumps(
        {"template": template, "view": view_json, "resume": resume_json, "standards": standards, "system": system}
    ).encode()
    with _HELPER_LOCK:
        for attempt in (1, 2):
            helper = _helper()
            try:
                helper.stdin.write(b"%d\n" % len(request) + request)
                helper.stdin.flush()
                header = json.loads(helper.stdout.read(int(helper.stdout.readline())))
                pdf = helper.stdout.read(header["size"])
                if len(pdf) != header["size"]:
                    raise EOFError
                return pdf, list(header["warnings"]), header["error"]
            except (OSError, ValueError, EOFError):
                _helpers.clear()
                helper.kill()
                helper.wait()
                if attempt == 2:
                    break
    # Not the input's fault nor the template's: the helper was killed (out of memory, a signal).
    raise CvConvertError("the process that compiles PDFs stopped twice (killed, or out of memory)")


def _helper() -> Any:
    """The helper process, started on first use."""
    if not _helpers or _helpers[0].poll() is not None:
        import subprocess
        import sys

        # The helper imports cvconvert from where this process does.
        env = {**os.environ, "PYTHONPATH": os.pathsep.join(p for p in sys.path if isinstance(p, str) and p)}
        command = [sys.executable, "-m", "cvconvert.formats._pdf.helper"]
        _helpers[:] = [
            subprocess.Popen(command, stdin=subprocess.PIPE, stdout=subprocess.PIPE, stderr=subprocess.DEVNULL, env=env)
        ]
        if not _stop_registered:
            import atexit
            from multiprocessing.util import Finalize

            # Stopped and waited for when this process ends: normally (atexit), or as a
            # multiprocessing worker, which ends with os._exit after running its finalizers.
            atexit.register(_stop_helper)
            Finalize(None, _stop_helper, exitpriority=100)
            _stop_registered.append(True)
    return _helpers[0]


_stop_registered: list[bool] = []


def _stop_helper() -> None:
    """End the helper: its input closes, it returns; killed if it has not within 5 s."""
    import subprocess

    for helper in _helpers:
        try:
            helper.stdin.close()
            helper.wait(timeout=5)
        except (OSError, subprocess.TimeoutExpired):
            helper.kill()
            helper.wait()
    _helpers.clear()


def _compiled(
    template: str, view_json: str, resume_json: str, standards: tuple[str, ...], system: bool
) -> tuple[bytes, list[str], str | None]:
    """The PDF, Typst's warnings, and the error (None when it compiled); run in any process."""
    global _started
    with requires_extra("pdf"):
        import typst

    compiler = _compiler(str(Path(template).parent), system)
    # Ours imports no package (a test reads it); a user's may build one's name while compiling.
    theirs = Path(template).parent != TEMPLATE_DIR
    with _LOCK, _no_downloads() if theirs else nullcontext():
        _started = _started or os.getpid()
        try:
            pdf, warnings = compiler.compile_with_warnings(
                input=template,
                sys_inputs={"view": view_json, "resume": resume_json},
                pdf_standards=list(standards),
                format="pdf",
                timestamp=_source_date(),
            )
        except typst.TypstError as exc:
            return b"", [], _first_line(exc)
    if not isinstance(pdf, bytes):
        return b"", [], "it made no single PDF"
    return pdf, [_first_line(w) for w in warnings], None


# Typst downloads a package a template imports through the proxy the environment names. The
# text check of a template (:func:`_template`) cannot see a name built while compiling
# ("\u{40}preview/..."), so while compiling the proxy is a closed local port: a download fails
# at once, with Typst's one-line error, and no connection leaves the machine. The environment is
# the process's: other threads see the dead proxy while a user's template compiles (ours is
# compiled without it).
_DEAD_PROXY = "http://127.0.0.1:9"
_PROXY_NAMES = ("HTTP_PROXY", "HTTPS_PROXY", "ALL_PROXY", "http_proxy", "https_proxy", "all_proxy")


@contextmanager
def _no_downloads() -> Iterator[None]:
    saved = {name: os.environ.get(name) for name in (*_PROXY_NAMES, "NO_PROXY", "no_proxy")}
    os.environ.update(dict.fromkeys(_PROXY_NAMES, _DEAD_PROXY))
    os.environ.pop("NO_PROXY", None)
    os.environ.pop("no_proxy", None)
    try:
        yield
    finally:
        for name, value in saved.items():
            if value is None:
                os.environ.pop(name, None)
            else:
                os.environ[name] = value


def _source_date() -> int | None:
    """``SOURCE_DATE_EPOCH`` (reproducible builds): the PDF's dates, so that equal input gives equal bytes."""
    value = os.environ.get("SOURCE_DATE_EPOCH", "")
    return int(value) if value.isdigit() else None


def _first_line(exc: BaseException) -> str:
    message = getattr(exc, "message", None) or str(exc)
    return str(message).strip().splitlines()[0][:200] if str(message).strip() else type(exc).__name__


def _template(path: Path | None) -> Path:
    """Our template, or the user's after checking it: readable, and importing no package.

    The template and the files it imports or includes by a literal path (followed, up to 200
    files, within its folder) are searched for a package name.
    """
    if path is None:
        return TEMPLATE_DIR / "cv.typ"
    path = Path(path).expanduser().resolve()
    template_stat(path)  # a regular file within max_input_bytes (a FIFO would hang, a device never end)
    try:
        source = path.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as exc:
        raise OptionError(f"template {path.name}: cannot read it ({type(exc).__name__})") from None
    root = path.parent
    todo, seen = [(path, source)], {path}
    while todo and len(seen) <= 200:
        current, text = todo.pop()
        if _PACKAGE.search(text):
            raise OptionError(
                f"template {current.name} imports a Typst package: packages would be downloaded, "
                "and cvconvert never fetches anything (copy the package's files beside the template)"
            )
        for name in _IMPORTED.findall(text):
            found = ((root / name.lstrip("/")) if name.startswith("/") else (current.parent / name)).resolve()
            if found not in seen and found.is_relative_to(root) and found.is_file():
                template_stat(found)
                seen.add(found)
                todo.append((found, _read_quietly(found)))
    return path


def _read_quietly(path: Path) -> str:
    try:
        return path.read_text(encoding="utf-8", errors="replace")
    except OSError:
        return ""


def write(resume: Resume, options: PdfWriteOptions | None = None) -> tuple[bytes, Report]:
    """Write the résumé as a PDF (PDF/A-3b, PDF/UA-1) with its JSON attached: bytes and report.

    ``options.lang``: language of headings and dates; ``options.page``: A4 or Letter (default:
    Letter in the US and Canada, else A4); ``options.template``: a Typst file of the user's that
    receives the same data as ours (see docs/pdf.md); ``options.embed``: attach the résumé's
    JSON (default true; without it the PDF is not read back exactly, and the fields the page
    does not show are lost rather than hidden). Raises OptionError for a bad option value or a
    template that cannot be used, InvalidInputError when a user's template fails to compile.
    """
    from cvconvert.formats._pdf import PdfWriteOptions

    chosen = options if options is not None else PdfWriteOptions.model_validate({})
    report = Report()
    data = resume.to_data()
    language = i18n.language(chosen.lang or i18n.told(data))
    if not i18n.has_titles(language.code):
        report.warn("", f"no section titles in {language.code!r}: English titles used (dates are translated)")
    builder = View(language, report, embed=chosen.embed)
    view = builder.build(data, chosen.page)
    # Typst lays out some 250,000 characters a second (one paragraph of 2,000,000: 8 s and 470 MB):
    # the limit readers apply to a document's text bounds what a page may show.
    most = limits.current().max_document_chars
    if sum(map(len, builder.shown)) > most:
        raise LimitExceededError(
            f"the PDF would show more than {most:,} characters (limit max_document_chars={most:,})"
        )
    # Typst keeps some 13 kB per laid-out block (a value, an entry counted as two): 10,000 entries
    # of four values (60,000 blocks) took 770 MB, 6,000 with 300 characters more each 740 MB.
    if builder.blocks > MAX_BLOCKS:
        raise LimitExceededError(
            f"the PDF would hold more than {MAX_BLOCKS:,} entries, lines and bullets (the PDF writer's bound)"
        )
    template = _template(chosen.template)
    view["attach"] = chosen.embed
    view["attachment"] = ATTACHMENT
    # ASCII JSON: a lone surrogate (from a JSON escape) cannot cross into Typst as UTF-8.
    resume_json = json.dumps(data, ensure_ascii=True, separators=(",", ":"))
    standards = STANDARDS if not builder.missing else ()
    # Text the fonts Typst carries cover (Latin, Greek, Cyrillic) needs no scan of the system's
    # fonts; a user's template may name any font.
    system = builder.beyond or chosen.template is not None
    done = _compile(template, view, resume_json, standards, system)
    if done.error is not None and not system and _NO_GLYPH.search(done.error):
        system = True
        done = _compile(template, view, resume_json, standards, system)
    if done.error is not None and standards and (glyph := _NO_GLYPH.search(done.error)):
        # PDF/A and PDF/UA forbid a character drawn without a glyph (an emoji, a script no
        # installed font covers): the PDF is made without them rather than not at all.
        # Typst writes an invisible character as an escape: `"\u{fdd0}"`.
        escaped = re.match(r"\\u\{([0-9a-fA-F]+)\}", glyph[1])
        char = chr(int(escaped[1], 16)) if escaped else glyph[1][:1]
        report.warn(
            "",
            f"no installed font shows {char!r} (U+{ord(char):04X}): it shows as a box, and the PDF "
            "is not PDF/A-3b nor PDF/UA-1 (install Noto fonts: Debian/Ubuntu fonts-noto-core, "
            "fonts-noto-cjk, fonts-noto-color-emoji)",
        )
        done = _compile(template, view, resume_json, (), system)
    elif done.error is not None and standards and (code := _DISALLOWED.search(done.error)):
        # PDF/UA forbids some code points in text (U+FEFF, noncharacters): they stay on the page,
        # in a PDF without the two standards, as for a character no font shows.
        report.warn("", f"U+{code[1].upper():0>4} is not allowed in PDF/UA text: the PDF is not PDF/A-3b nor PDF/UA-1")
        done = _compile(template, view, resume_json, (), system)
    elif builder.missing:
        report.warn("", "the PDF is not PDF/A-3b nor PDF/UA-1: they forbid text without a font")
    if done.error is not None:
        raise InvalidInputError(f"the PDF template {template.name} failed: {done.error}")
    if chosen.embed and ATTACHMENT.encode() not in done.pdf:
        # A user's template that attaches nothing: what the page leaves off is not carried.
        report.warn("", f"template {template.name} attaches no {ATTACHMENT}: the PDF reads back from its page only")
        report.notes[:] = [
            Note("loss", n.path, n.message.replace(_CARRIED, _NOT_CARRIED)) if n.kind == "hidden" else n
            for n in report.notes
        ]
    for warning in dict.fromkeys(done.warnings):
        report.warn("", f"typst: {warning}")
    return done.pdf, report


def _stream_safe(text: str) -> str:
    """``text`` with at most :data:`_MAX_MARKS` marks (Mn, Mc, Me) in a row (the rest left off)."""
    import unicodedata

    out: list[str] = []
    run = 0
    for char in text:
        run = run + 1 if unicodedata.category(char).startswith("M") else 0
        if run <= _MAX_MARKS:
            out.append(char)
    return "".join(out)


class View:
    """What the page shows, as plain data for the template; notes what it leaves off."""

    def __init__(self, lang: i18n.Language, report: Report, *, embed: bool = True) -> None:
        self.lang = lang
        self.report = report
        self.embed = embed
        self.french = lang.code == "fr"
        self.cjk_lang = lang.code in ("zh", "ja", "ko")
        self.shown: list[str] = []  # every visible text, for the fonts check
        self.missing: list[str] = []  # scripts on the page that no installed font covers
        self.beyond = False  # characters on the page that the fonts Typst carries may not have
        self.blocks = 0  # values shown: a bound on what Typst lays out (see MAX_BLOCKS)

    # --- notes ------------------------------------------------------------------------------

    def unshown(self, path: str, what: str = "not shown on the page") -> None:
        """A value the page leaves off: hidden when the JSON is attached, lost when it is not."""
        if self.embed:
            self.report.hide(path, f"{what}{_CARRIED}")
        else:
            self.report.lost(path, f"{what} (the JSON is not attached: embed=false)")

    def text(self, kind: Any, value: object, path: str) -> str:
        """``display`` of a value, noting what the page cannot show of it."""
        shown = display(kind, value, self.lang)
        if isinstance(value, str) and kind == "text" and shown != value:
            self.unshown(path, "control characters in it are not shown on the page")
        if not shown.isascii():
            safe = _stream_safe(shown)
            if safe != shown:
                self.unshown(path, f"combining marks past {_MAX_MARKS} in a row are not shown on the page")
                shown = safe
        if len(shown) > MAX_PARAGRAPH and any(len(p) > MAX_PARAGRAPH for p in shown.split("\n")):
            raise LimitExceededError(
                f"{path or '/'} holds a paragraph of more than {MAX_PARAGRAPH:,} characters "
                "(the PDF writer's bound: Typst lays out a paragraph in time that grows with its square)"
            )
        if shown:
            self.shown.append(shown)
            self.blocks += 1
        return shown

    def label(self, text: str) -> str:
        """Our own words and separators in the language's punctuation: French spacing before
        : ; ! ?, and the full-width colon and comma of Chinese and Japanese."""
        if self.french:
            for mark, spaced in _FRENCH_SPACE.items():
                text = text.replace(" " + mark, spaced) if (" " + mark) in text else text.replace(mark, spaced)
        elif self.lang.code in ("zh", "ja"):
            text = text.replace(": ", "：").replace(", ", "，")
        return text

    # --- the page ---------------------------------------------------------------------------

    def build(self, data: dict[str, Any], page: str | None) -> dict[str, Any]:
        """The view of a whole résumé (as :meth:`Resume.to_data` gives it)."""
        basics = data.get("basics")
        b = basics if isinstance(basics, dict) else {}
        name = self.text("text", b.get("name"), pointer("basics", "name"))
        label = self.text("text", b.get("label"), pointer("basics", "label"))
        contact = self._contact(b)
        sections: list[dict[str, Any]] = []
        for key in DEFAULT_ORDER:
            if key == "summary":
                summary = self.text("text", b.get("summary"), pointer("basics", "summary"))
                if summary:
                    sections.append(self._plain("summary", summary))
                continue
            entries = data.get(key)
            if isinstance(entries, list) and entries:
                sections.append(self._section(SECTIONS[key], entries))
            elif key in data and entries != []:
                self.unshown(pointer(key), "not a list of entries")
        self._unshown_keys(b, _BASICS_SHOWN, ("basics",))
        if basics is not None and not isinstance(basics, dict):
            self.unshown(pointer("basics"), "not an object")
        for key in data:
            if key != "basics" and key not in SECTIONS:
                self.unshown(pointer(key))
        from cvconvert.text import bidi_controls, strip_bidi

        # A right-to-left override shows "Anna\u202efdp.exe" as "Annaexe.pdf" in a window's
        # title or a file list: the PDF's metadata never holds one (the page keeps the text).
        for key, value in (("name", name), ("label", label)):
            if found := bidi_controls(value):
                self.report.warn(
                    pointer("basics", key),
                    f"holds a right-to-left override or other bidirectional control ({', '.join(found)}); "
                    "kept on the page, removed from the document's title and author",
                )
        title = " – ".join(t for t in (strip_bidi(name), strip_bidi(label)) if t.strip()) or "CV"
        region = self.lang.tag.partition("-")[2]
        return {
            "title": title,
            "author": strip_bidi(name) or "cvconvert",
            "keywords": ["CV", "résumé"],
            "name": name,
            "label": label,
            # The running header's "page N of M", as DOCX words it ({page} and {pages} filled in by Typst).
            "page_label": self.lang.labels["page"],
            "contact": contact,
            "sections": sections,
            "dot": self.label(" · "),
            "lang": self.lang.code,
            "region": region.lower() if len(region) == 2 else None,
            "rtl": self.lang.rtl,
            # CJK lines are justified between characters; hyphenation is for alphabets.
            "hyphenate": not self.cjk_lang,
            "justify": True,
            "paper": {"A4": "a4", "Letter": "us-letter"}[page or i18n.default_page(b)],
            "fonts": self._fonts(),
        }

    def _fonts(self) -> list[str]:
        fonts = [BODY_FONT]
        text = "\n".join(self.shown)
        self.beyond = _BEYOND.search(text) is not None
        if not self.beyond:
            return fonts
        families = _families()
        for script, pattern, candidates, package in _SCRIPTS:
            if not _pattern(pattern).search(text):
                continue
            found = next((f for f in candidates if f in families), None)
            if found is None:
                self.missing.append(script)
                self.report.warn(
                    "",
                    f"no font for {script} text is installed: it shows as boxes; "
                    f"install {candidates[0]} (Debian/Ubuntu: apt install {package})",
                )
            elif found not in fonts:
                fonts.append(found)
        return fonts

    def _plain(self, key: str, text: str) -> dict[str, Any]:
        entry = {"head": {"left": [], "right": ""}, "sub": None, "texts": [text], "lists": [], "bullets": []}
        self.shown.append(self.lang.titles[key])
        return {"key": key, "title": self.lang.titles[key], "compact": True, "entries": [entry]}

    def _contact(self, basics: dict[str, Any]) -> list[list[dict[str, Any]]]:
        lines: list[list[dict[str, Any]]] = []
        location = basics.get("location")
        if isinstance(location, dict):
            address: list[dict[str, Any]] = []
            previous = ""
            for key in _LOCATION:
                kind = "country" if key == "countryCode" else "text"
                text = self.text(kind, location.get(key), pointer("basics", "location", key))
                if not text:
                    continue
                sep = " " if key == "city" and previous == "postalCode" else self.label(", ")
                address.append(_piece(text, sep=sep if address else ""))
                previous = key
            if address:
                # One piece: the separators inside an address are commas, not the contact dots.
                joined = "".join(p["sep"] + p["text"] for p in address)
                lines.append([_piece(joined)])
            self._unshown_keys(location, set(_LOCATION), ("basics", "location"))
        reach: list[dict[str, Any]] = []
        for key in ("email", "phone", "url"):
            value = basics.get(key)
            text = self.text("text", value, pointer("basics", key))
            if not text:
                continue
            link = None
            if key != "phone" and isinstance(value, str) and text == value:
                link = link_target(value, "email" if key == "email" else "url")
            reach.append(_piece(text, link=link))
        profiles = basics.get("profiles")
        if isinstance(profiles, list):
            for index, profile in enumerate(profiles):
                here = ("basics", "profiles", index)
                if not isinstance(profile, dict):
                    self.unshown(pointer(*here), "not an object")
                    continue
                network = self.text("text", profile.get("network"), pointer(*here, "network"))
                username = self.text("text", profile.get("username"), pointer(*here, "username"))
                url = profile.get("url")
                link = link_target(url) if isinstance(url, str) else None
                second = username
                if not username:
                    second = self.text("text", url, pointer(*here, "url"))
                elif isinstance(url, str) and link is None:
                    self.unshown(pointer(*here, "url"), "not a link the page can carry")
                text = i18n.label(network, self.lang.code) + second if network and second else network or second
                if text:
                    reach.append(_piece(text, link=link))
                self._unshown_keys(profile, {"network", "username", "url"}, here)
        if reach:
            lines.append(reach)
        return lines

    def _unshown_keys(
        self, obj: dict[str, Any], shown: set[str] | frozenset[str], where: tuple[str | int, ...]
    ) -> None:
        for key in obj:
            if key not in shown:
                self.unshown(pointer(*where, key))

    def _section(self, section: Section, entries: list[Any]) -> dict[str, Any]:
        out = []
        for index, entry in enumerate(entries):
            where = (section.key, index)
            if not isinstance(entry, dict):
                self.unshown(pointer(*where), "not an object")
                continue
            self.blocks += 2  # an entry costs Typst more than a value (its head line's heading and columns)
            head = self._line(section.head, entry, where)
            sub = self._line(section.sub, entry, where) if section.sub else None
            if not _has(head) and sub is not None and _has(sub):
                head, sub = sub, None  # nothing for the entry line: the detail line takes its place
            texts = [t for key in section.texts if (t := self.text("text", entry.get(key), pointer(*where, key)))]
            lists = []
            for key in section.lists:
                text = self.text("list", entry.get(key), pointer(*where, key))
                if text:
                    label = self.label(self.lang.labels[key] + ": ")
                    self.shown.append(label)
                    cjk = self.cjk_lang or (not label.isascii() and _pattern(_CJK).search(label) is not None)
                    lists.append(
                        {
                            "label": label,
                            "text": text,
                            "italic": not cjk,
                        }
                    )
            bullets: list[str] = []
            if section.bullets:
                items = entry.get(section.bullets)
                if isinstance(items, list):
                    for i, item in enumerate(items):
                        text = self.text("text", item, pointer(*where, section.bullets, i))
                        if text:
                            bullets.append(text)
                        elif not isinstance(item, str) or item:
                            self.unshown(pointer(*where, section.bullets, i), "not text")
            shown = set(section.parts) | ({section.bullets} if section.bullets else set())
            self._unshown_keys(entry, shown, where)
            self._odd_values(section, entry, where)
            out.append(
                {
                    "head": head,
                    "sub": sub if sub is not None and _has(sub) else None,
                    "texts": texts,
                    "lists": lists,
                    "bullets": bullets,
                }
            )
        self.shown.append(self.lang.titles[section.key])
        return {"key": section.key, "title": self.lang.titles[section.key], "compact": section.compact, "entries": out}

    def _odd_values(self, section: Section, entry: dict[str, Any], where: tuple[str | int, ...]) -> None:
        """Shown fields whose value the page cannot show (a number where text goes, a list of objects)."""
        for key, part in section.parts.items():
            if key not in entry or entry[key] is None:
                continue
            if not display(part.kind, entry[key], self.lang) and entry[key] not in ("", []):
                self.unshown(pointer(*where, key), "a value the page cannot show as text")

    def _line(self, line: Line, entry: dict[str, Any], where: tuple[str | int, ...]) -> dict[str, Any]:
        left = self._parts(line.left, entry, where)
        if line.right == RANGE:
            right = self._range(entry, where)
        else:
            right = "".join(p["sep"] + p["text"] for p in self._parts(line.right, entry, where))
        return {"left": left, "right": right}

    def _parts(self, parts: tuple[Part, ...], entry: dict[str, Any], where: tuple[str | int, ...]) -> list[Any]:
        out: list[dict[str, Any]] = []
        for part in parts:
            value = entry.get(part.field)
            text = self.text(part.kind, value, pointer(*where, part.field))
            if not text:
                continue
            if part.kind == "date":
                text = i18n.nobreak(text)
            link = link_target(value) if part.link and isinstance(value, str) and value == text else None
            out.append(_piece(text, strong=part.strong, link=link, sep=self.label(part.sep) if out else ""))
        return out

    def _range(self, entry: dict[str, Any], where: tuple[str | int, ...]) -> str:
        start = self.text("date", entry.get("startDate"), pointer(*where, "startDate"))
        end = self.text("end", entry.get("endDate"), pointer(*where, "endDate"))
        if not start and not end:
            return ""
        if not end:
            end = self.lang.labels["present"]
            self.shown.append(end)
        if not start or start == end:
            return i18n.nobreak(end)  # one date, not "2023 – 2023"
        return f"{i18n.nobreak(start)} – {i18n.nobreak(end)}"


_CARRIED = "; the attached JSON carries it"
_NOT_CARRIED = "; the template attaches no JSON"
_LOCATION = ("address", "postalCode", "city", "region", "countryCode")
_BASICS_SHOWN = frozenset({"name", "label", "email", "phone", "url", "summary", "location", "profiles"})


def _piece(text: str, *, strong: bool = False, link: str | None = None, sep: str = "") -> dict[str, Any]:
    return {"text": text, "strong": strong, "link": link, "sep": sep}


def _has(line: dict[str, Any]) -> bool:
    return bool(line["left"]) or bool(line["right"])
