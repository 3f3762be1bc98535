"""Write a résumé as a one-column Word CV: real styles, live links, our data part inside.

document.xml is built as text from the résumé (styles resolved once per template), and the zip is
assembled from the template's members compressed once (see :mod:`.package`).
"""

from __future__ import annotations

import hashlib
import json
import re
import unicodedata
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from cvconvert.errors import OptionError
from cvconvert.formats._docx import DocxWriteOptions, i18n, package
from cvconvert.formats._docx.layout import (
    DEFAULT_ORDER,
    FIELD_STYLES,
    RANGE,
    SECTIONS,
    Line,
    Part,
    Section,
    clean,
    display,
    link_target,
)
from cvconvert.model import Resume
from cvconvert.namespaces import (
    CORE_PROPERTIES,
    CVCONVERT_DOCX,
    DC,
    DCTERMS,
    PACKAGE_RELS,
    REL_CUSTOM_XML,
    REL_HYPERLINK,
    XSI,
    R,
    W,
)
from cvconvert.report import Report, pointer

_RTL = re.compile("[\u0590-\u08ff\ufb1d-\ufdff\ufe70-\ufefc\U00010800-\U00010fff\U0001e800-\U0001efff]")
_CJK = re.compile("[\u2e80-\u9fff\uac00-\ud7af\uf900-\ufaff\uff00-\uffef\U00020000-\U0003ffff]")
DATA_VERSION = "1"


def _esc(text: str) -> str:
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")


def _first_strong_is_rtl(text: str) -> bool:
    for char in text:
        kind = unicodedata.bidirectional(char)
        if kind == "L":
            return False
        if kind in ("R", "AL"):
            return True
    return False


class _Body:
    """document.xml's body as a list of strings, with the hyperlinks it needs."""

    def __init__(self, prep: package.Prepared) -> None:
        self.out: list[str] = []
        self.links: list[str] = []
        self.ids = prep.styles
        self.styles = {key: prep.styles[name] for key, name in FIELD_STYLES.items()}
        self.tabs = f'<w:tabs><w:tab w:val="right" w:pos="{prep.text_width}"/></w:tabs>'
        self.bookmarks = 0
        self.east_asian_font = _esc(prep.lang.east_asian_font)

    def run(self, text: str, key: str | None = None, *, strong: bool = False, italic: bool = False) -> str:
        """One run of (cleaned) text; ``key`` tags it with the field's character style."""
        props = []
        if key is not None:
            props.append(f'<w:rStyle w:val="{self.styles[key]}"/>')
        wide = not text.isascii()
        if wide and _CJK.search(text):
            props.append(f'<w:rFonts w:eastAsia="{self.east_asian_font}" w:hint="eastAsia"/>')
        if strong:
            props.append("<w:b/><w:bCs/>")
        if italic:
            props.append("<w:i/><w:iCs/>")
        if wide and _RTL.search(text):
            props.append("<w:rtl/>")
        rpr = f"<w:rPr>{''.join(props)}</w:rPr>" if props else ""
        if "\n" not in text and "\t" not in text:
            return f'<w:r>{rpr}<w:t xml:space="preserve">{_esc(text)}</w:t></w:r>'
        pieces = []
        for piece in re.split("([\n\t])", text):
            if piece == "\n":
                pieces.append("<w:br/>")
            elif piece == "\t":
                pieces.append("<w:tab/>")
            elif piece:
                pieces.append(f'<w:t xml:space="preserve">{_esc(piece)}</w:t>')
        return f"<w:r>{rpr}{''.join(pieces)}</w:r>"

    def link(self, runs: str, target: str | None) -> str:
        """Wrap runs in a live hyperlink to ``target`` (when it is a clean link)."""
        if target is None:
            return runs
        self.links.append(target)
        return f'<w:hyperlink r:id="rIdCvLink{len(self.links)}" w:history="1">{runs}</w:hyperlink>'

    def para(self, style: str, runs: str, *, text: str = "", tabs: bool = False, bookmark: str | None = None) -> None:
        """Add a paragraph in the named style; ``text`` (its visible text) decides right-to-left."""
        props = f'<w:pStyle w:val="{self.ids[style]}"/>'
        if tabs:
            props += self.tabs
        if text and not text.isascii() and _RTL.search(text) and _first_strong_is_rtl(text):
            props += "<w:bidi/>"
        mark = ""
        if bookmark is not None:
            self.bookmarks += 1
            n = self.bookmarks
            mark = f'<w:bookmarkStart w:id="{n}" w:name="{bookmark}"/><w:bookmarkEnd w:id="{n}"/>'
        self.out.append(f"<w:p><w:pPr>{props}</w:pPr>{mark}{runs}</w:p>")


def _sections_option(sections: Sequence[str] | None) -> list[str]:
    if sections is None:
        return list(DEFAULT_ORDER)
    order = [n.strip().lower() for n in sections if n.strip()]
    unknown = [n for n in order if n not in DEFAULT_ORDER]
    if unknown:
        raise OptionError(f"unknown section(s) {', '.join(unknown)} (known: {', '.join(DEFAULT_ORDER)})")
    return list(dict.fromkeys(order))


def _page_default(data: dict[str, Any]) -> str:
    # Paper size follows the country: Letter in North America, A4 everywhere else.
    basics = data.get("basics") or {}
    location = basics.get("location") or {} if isinstance(basics, dict) else {}
    country = location.get("countryCode") if isinstance(location, dict) else None
    return "Letter" if isinstance(country, str) and country.upper() in ("US", "CA") else "A4"


def write(resume: Resume, options: DocxWriteOptions | None = None) -> tuple[bytes, Report]:
    """Write the résumé as a DOCX: the bytes and the loss report.

    ``options.sections``: which sections, in which order (``("work", "education", "skills")``;
    default all, in the conventional order; ``summary`` is basics.summary). ``options.lang``:
    language of headings and dates (en, de, fr, es, zh, or any CLDR language with English
    headings). ``options.page``: A4 or Letter (default: Letter for the US and Canada, else A4; a
    template keeps its own unless given). ``options.template``: a .dotx or .docx whose styles, page
    setup and header and footer text are used; nothing else of it is (macros, external
    references, fields but PAGE and NUMPAGES, custom XML, pictures): a warning names each kind
    dropped. Everything the page does not show is kept in a data part inside the package; sections
    left out are not, and are reported lost. Raises OptionError for a bad option value.
    """
    chosen = options if options is not None else DocxWriteOptions.model_validate({})
    lang = chosen.lang
    done = render(resume, sections=chosen.sections, lang=lang, page=chosen.page, template=chosen.template)
    prep = done.prep
    members = [
        *prep.constant,
        package.deflate("word/document.xml", done.document),
        package.deflate("word/_rels/document.xml.rels", _relationships(prep, done.links)),
        package.deflate("docProps/core.xml", _core(done.data, prep.lang, done.report)),
        package.deflate(
            prep.data_part, _data_part(done.data, lang, prep, fingerprint=hashlib.sha256(done.document).hexdigest())
        ),
    ]
    return package.build_zip(members), done.report


@dataclass(frozen=True)
class Rendered:
    """document.xml for a résumé, with what the rest of the package needs."""

    document: bytes
    links: list[str]
    data: dict[str, Any]
    """The résumé as it goes into the data part (sections left out removed)."""
    report: Report
    prep: package.Prepared


def render(
    resume: Resume,
    *,
    sections: Sequence[str] | None = None,
    lang: str | None = None,
    page: str | None = None,
    template: str | Path | None = None,
) -> Rendered:
    """Build document.xml for the résumé (the options are :func:`write`'s)."""
    report = Report()
    language = i18n.language(lang)
    if not i18n.has_titles(language.code):
        report.warn("", f"no section titles in {language.code!r}: English titles used (dates are translated)")
    order = _sections_option(sections)
    data = resume.to_data()
    for key in DEFAULT_ORDER:
        if key in order:
            continue
        if key == "summary":
            basics = data.get("basics")
            if isinstance(basics, dict) and "summary" in basics:
                del basics["summary"]
                report.lost(pointer("basics", "summary"), "left out by the sections option")
        elif key in data:
            del data[key]
            report.lost(pointer(key), "left out by the sections option")
    if page is None and not template:
        page = _page_default(data)
    prep = package.prepared(template, page, language)
    # What the template lost is noted on every call: the prepared template is cached.
    for message in prep.dropped:
        report.warn("", f"template {Path(str(template)).name}: {message}")
    body = _Body(prep)
    _basics(body, data.get("basics"), language)
    for key in order:
        if key == "summary":
            _summary(body, data.get("basics"), language)
        else:
            entries = data.get(key)
            if isinstance(entries, list) and entries:
                _section(body, SECTIONS[key], entries, language)
    document = (
        '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
        f'<w:document xmlns:w="{W}" xmlns:r="{R}"><w:body>'
        + "".join(body.out)
        + prep.sect_pr
        + "</w:body></w:document>"
    )
    return Rendered(document.encode(), body.links, data, report, prep)


def _relationships(prep: package.Prepared, links: list[str]) -> bytes:
    target = prep.data_part.removeprefix("customXml/")
    out = [
        f'<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<Relationships xmlns="{PACKAGE_RELS}">',
        prep.rels,
        f'<Relationship Id="rIdCvData" Type="{REL_CUSTOM_XML}" Target="../customXml/{target}"/>',
    ]
    for n, link in enumerate(links, 1):
        out.append(
            f'<Relationship Id="rIdCvLink{n}" Type="{REL_HYPERLINK}" '
            f'Target="{_esc(link).replace(chr(34), "&quot;")}" TargetMode="External"/>'
        )
    out.append("</Relationships>")
    return "".join(out).encode()


def _core(data: dict[str, Any], lang: i18n.Language, report: Report) -> bytes:
    from cvconvert.text import bidi_controls, strip_bidi  # imported here: only _core needs them

    found = data.get("basics")
    basics: dict[str, Any] = found if isinstance(found, dict) else {}
    name = clean(basics.get("name") or "") if isinstance(basics.get("name"), str) else ""
    label = clean(basics.get("label") or "") if isinstance(basics.get("label"), str) else ""
    # A right-to-left override in a name shows "Anna\u202efdp.exe" as "Annaexe.pdf" in a file
    # list, where the title and author are shown without context: metadata never holds one.
    # On the page it is the person's text and stays, with a warning.
    for key, value in (("name", name), ("label", label)):
        if found_controls := bidi_controls(value):
            report.warn(
                pointer("basics", key),
                f"holds a right-to-left override or other bidirectional control ({', '.join(found_controls)}); "
                "kept on the page, removed from the document's properties",
            )
    name, label = strip_bidi(name), strip_bidi(label)
    title = " – ".join(t for t in (name, label) if t.strip()) or "CV"
    return (
        '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
        f'<cp:coreProperties xmlns:cp="{CORE_PROPERTIES}" '
        f'xmlns:dc="{DC}" xmlns:dcterms="{DCTERMS}" '
        f'xmlns:xsi="{XSI}">'
        f"<dc:title>{_esc(title)}</dc:title><dc:subject>{_esc(label)}</dc:subject>"
        f"<dc:creator>{_esc(name)}</dc:creator><cp:lastModifiedBy>cvconvert</cp:lastModifiedBy>"
        f"<dc:language>{lang.tag}</dc:language></cp:coreProperties>"
    ).encode()


def _data_part(data: dict[str, Any], lang: str | None, prep: package.Prepared, fingerprint: str) -> bytes:
    # ASCII JSON: every character, even those XML 1.0 cannot hold (U+000B), travels as \\uXXXX.
    # ``fingerprint`` is the SHA-256 of document.xml: a reader that finds the page unchanged takes
    # the résumé from here as it is. (The attribute keeps its name "page" for files already written.)
    payload = json.dumps(data, ensure_ascii=True, separators=(",", ":"))
    styles = json.dumps(prep.styles, ensure_ascii=True, separators=(",", ":"))
    return (
        '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
        f'<cv:cvconvert xmlns:cv="{CVCONVERT_DOCX}" version="{DATA_VERSION}" '
        f'lang="{_esc(lang or "en")}" page="{fingerprint}">'
        f"<cv:resume>{_esc(payload)}</cv:resume><cv:styles>{_esc(styles)}</cv:styles></cv:cvconvert>"
    ).encode()


# --- the page -------------------------------------------------------------------------------


def _basics(body: _Body, basics: object, lang: i18n.Language) -> None:
    if not isinstance(basics, dict):
        return
    name = display("text", basics.get("name"), lang)
    if name:
        body.para("Title", body.run(name), text=name)
    label = display("text", basics.get("label"), lang)
    if label:
        body.para("Subtitle", body.run(label), text=label)
    runs: list[str] = []
    shown: list[str] = []
    location = basics.get("location")
    if isinstance(location, dict):
        previous = ""
        for key in ("address", "postalCode", "city", "region", "countryCode"):
            text = display("country" if key == "countryCode" else "text", location.get(key), lang)
            if not text:
                continue
            # A postal code is followed by the city with a space ("100191 Beijing"), as addresses are written.
            sep = " " if key == "city" and previous == "postalCode" else ", "
            if runs:
                runs.append(body.run(sep))
            runs.append(body.run(text, key))
            shown.append(text)
            previous = key
    if runs:
        # The address on a line of its own; the ways to reach the person on the next.
        body.para("CV Contact", "".join(runs), text=" ".join(shown))
        runs, shown = [], []
    for key in ("email", "phone", "url"):
        value = basics.get(key)
        text = display("text", value, lang)
        if not text:
            continue
        target = None
        if key != "phone" and isinstance(value, str) and text == value:
            target = link_target(value, "email" if key == "email" else "url")
        if runs:
            runs.append(body.run(" · "))
        runs.append(body.link(body.run(text, key), target))
        shown.append(text)
    profiles = basics.get("profiles")
    if isinstance(profiles, list):
        for profile in profiles:
            if isinstance(profile, dict):
                _profile(body, profile, runs, shown, lang)
    if runs:
        body.para("CV Contact", "".join(runs), text=" ".join(shown))


def _profile(body: _Body, profile: dict[str, Any], runs: list[str], shown: list[str], lang: i18n.Language) -> None:
    network = display("text", profile.get("network"), lang)
    username = display("text", profile.get("username"), lang)
    url = profile.get("url")
    url_text = display("text", url, lang)
    parts: list[str] = []
    if network:
        parts.append(body.run(network, "profile.network"))
    second = (username, "profile.username") if username else (url_text, "profile.url")
    if second[0]:
        if parts:
            parts.append(body.run(": "))
        parts.append(body.run(second[0], second[1]))
    if not parts:
        return
    target = link_target(url) if isinstance(url, str) and url == url_text else None
    if runs:
        runs.append(body.run(" · "))
    runs.append(body.link("".join(parts), target))
    shown.append(f"{network}: {second[0]}")


def _summary(body: _Body, basics: object, lang: i18n.Language) -> None:
    if not isinstance(basics, dict):
        return
    text = display("text", basics.get("summary"), lang)
    if not text:
        return
    title = lang.titles["summary"]
    body.para("heading 1", body.run(title), text=title, bookmark="_cv_summary")
    body.para("Normal", body.run(text, "summary"), text=text)


def _section(body: _Body, section: Section, entries: list[Any], lang: i18n.Language) -> None:
    title = lang.titles[section.key]
    body.para("heading 1", body.run(title), text=title, bookmark=f"_cv_{section.key}")
    for index, entry in enumerate(entries):
        if not isinstance(entry, dict):
            continue
        _entry(body, section, entry, index, lang)


def _line(body: _Body, line: Line, entry: dict[str, Any], lang: i18n.Language) -> tuple[str, str]:
    """The runs of one line, and its visible text ('' when it shows nothing)."""
    runs: list[str] = []
    texts: list[str] = []
    for side, parts in ((0, line.left), (1, line.right)):
        side_runs: list[str] = []
        if parts == RANGE:
            side_runs = _range(body, entry, lang, texts)
        else:
            for part in parts:
                side_runs += _part(body, part, entry, lang, bool(side_runs), texts)
        if side_runs:
            if side == 1:
                runs.append("<w:r><w:tab/></w:r>")
            runs += side_runs
    return "".join(runs), " ".join(texts)


def _part(
    body: _Body, part: Part, entry: dict[str, Any], lang: i18n.Language, after: bool, texts: list[str]
) -> list[str]:
    value = entry.get(part.field)
    text = display(part.kind, value, lang)
    if not text:
        return []
    run = body.run(text, part.field, strong=part.strong)
    if part.link and isinstance(value, str) and value == text:
        run = body.link(run, link_target(value))
    texts.append(text)
    return [body.run(part.sep), run] if after else [run]


def _range(body: _Body, entry: dict[str, Any], lang: i18n.Language, texts: list[str]) -> list[str]:
    start = display("date", entry.get("startDate"), lang)
    end = display("end", entry.get("endDate"), lang)
    runs: list[str] = []
    if start:
        runs.append(body.run(start, "startDate"))
        texts.append(start)
    if end or start:
        end = end or lang.labels["present"]
        if runs:
            runs.append(body.run(" – "))
        runs.append(body.run(end, "endDate"))
        texts.append(end)
    return runs


def _entry(body: _Body, section: Section, entry: dict[str, Any], index: int, lang: i18n.Language) -> None:
    head, head_text = _line(body, section.head, entry, lang)
    sub, sub_text = _line(body, section.sub, entry, lang) if section.sub else ("", "")
    if not head and sub:
        # Nothing for the entry line (no company, say): the detail line takes its place.
        head, head_text, sub, sub_text = sub, sub_text, "", ""
    style = "CV Item" if section.compact else "heading 2"
    body.para(style, head, text=head_text, tabs="<w:tab/>" in head, bookmark=f"_cv_{section.key}_{index}")
    if sub:
        body.para("CV Details", sub, text=sub_text, tabs="<w:tab/>" in sub)
    for key in section.texts:
        text = display("text", entry.get(key), lang)
        if text:
            body.para("Normal", body.run(text, key), text=text)
    for key in section.lists:
        text = display("list", entry.get(key), lang)
        if text:
            label = lang.labels[key]
            body.para("Normal", body.run(label + ": ", italic=True) + body.run(text, key), text=text)
    if section.bullets:
        items = entry.get(section.bullets)
        if isinstance(items, list):
            for item in items:
                text = display("text", item, lang)
                body.para("List Bullet", body.run(text) if text else "", text=text)
