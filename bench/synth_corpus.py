"""A synthetic development set for the CV reader: real résumés rendered through real CV layouts.

Run:
    .venv/bin/python bench/synth_corpus.py layouts
    .venv/bin/python bench/synth_corpus.py render [--layout L ...] [--limit N] [--jobs 2]
    .venv/bin/python bench/synth_corpus.py score [--layout L ...] [--split develop|check] [--explain ID]
    .venv/bin/python bench/synth_corpus.py truth [--layout L ...]   # after a change to synth_truth.py

``render`` reads the JSON Resume files of ../shared/corpus/jsonresume/ at run time (real
people's content: it never enters the project) and renders each through every layout into
/tmp/synth/out/LAYOUT/ID.pdf|docx, beside ID.truth.json: the source reduced to what the page shows
(bench/synth_truth.py). Done files are kept, and so are ID.failed marks where a tool fails on a
résumé (RenderCV refuses it, LibreOffice hangs); ``--force`` renders again. ``score`` runs the reader
(formats/_pdf/text.py, formats/_docx/order.py) on each document and scores it with
../shared/tools/score_extraction.py: micro F1 and per category (basics, sections, work,
education) per layout and split. Every third résumé by sorted name is the *check* split (ID
003, 006, ...): develop rules on the others. Only file IDs and scores are printed, never a
résumé's content, except with ``--explain ID`` (the scorer's notes, for a developer's terminal).

Held-out layouts (``HELDOUT``): html-macchiato-pdf/-docx, rendercv-engineeringclassic, and the
themes of ``HELDOUT_THEMES`` (html-THEME-pdf/-docx for spartacus, paper, onepage, classy,
straightforward, class), which nobody has tuned the reader on. They measure whether the reader
generalises: ``score`` sums them in their own total lines ("held-out pdf", "held-out docx"; the
"pdf" and "docx" lines are the other layouts), prints no line per document of theirs (``--files``),
and ``--explain`` refuses them. Score them, numbers only, at most once an hour; never open their
files.

Layouts (each needs its tool; a missing tool skips its layouts with a note):
  rendercv-THEME      PDF by RenderCV 2 (Typst), themes classic, sb2nov, engineeringresumes,
                      moderncv, engineeringclassic; RenderCV in /tmp/rcv (or $SYNTH_RENDERCV);
                      FontAwesome icons, a Typst package fetched from the net, are stubbed blank
  html-THEME-pdf      JSON Resume npm themes (even, elegant, stackoverflow, kendall, flat,
  html-THEME-docx     macchiato) in /tmp/synth/npm -> HTML -> PDF by headless Chromium, and
                      -> DOCX by LibreOffice; the held-out themes (spartacus, paper, onepage,
                      classy, straightforward, class) likewise from /tmp/synth/npm-heldout, fed
                      the résumé with the field names of the old schema too (work "company",
                      "website"), which these themes print (classy: no empty list, a blank
                      label, or it crashes); LibreOffice is given their print rules (it hangs on
                      onepage's screen sheet; still on 12 of 89 straightforward pages: given up)
  cvconvert-docx      our DOCX writer, embed=false (no data part: read by extraction)
  cvconvert-docx-pdf  that DOCX printed to PDF by LibreOffice
  cvconvert-pdf       our PDF writer (Typst), embed=false

Set-up, once (all offline but the registries): RenderCV 2 in a venv (/tmp/rcv); Playwright in
/tmp/synth/venv (python3 -m venv /tmp/synth/venv && /tmp/synth/venv/bin/pip install playwright: it
drives Debian's chromium, no browser is downloaded); in /tmp/synth/npm: npm install
jsonresume-theme-{even,elegant,stackoverflow,kendall,flat,macchiato} bootstrap@3.3.7
font-awesome@4.7.0 fa5@npm:@fortawesome/fontawesome-free@5.14.0
fa6@npm:@fortawesome/fontawesome-free@6.4.2; CJK fonts unpacked, not installed: cd /tmp/synth/fonts
&& apt-get download fonts-noto-cjk && dpkg -x fonts-noto-cjk_*.deb x. Debian's chromium,
libreoffice and poppler-utils (pdftotext). The held-out themes sit in a folder of their own (the
others' dependencies stay as they are): mkdir /tmp/synth/npm-heldout && cd /tmp/synth/npm-heldout &&
npm install --ignore-scripts jsonresume-theme-spartacus@1.0.0 jsonresume-theme-paper@0.5.0
jsonresume-theme-onepage@0.0.3 jsonresume-theme-classy@1.0.9 jsonresume-theme-straightforward@0.5.0
jsonresume-theme-class@0.1.2 (the versions rendered).
"""

from __future__ import annotations

import argparse
import json
import os
import re
import shutil
import signal
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable, Iterable
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "bench"))
SHARED = ROOT.parent / "shared"
SOURCES = SHARED / "corpus" / "jsonresume"
BASE = Path(os.environ.get("SYNTH_DIR", "/tmp/synth"))
OUT = BASE / "out"
WORK = BASE / "work"
NPM = BASE / "npm"
NPM_HELDOUT = BASE / "npm-heldout"  # the held-out themes: the others' node_modules stay untouched
RENDERCV = Path(os.environ.get("SYNTH_RENDERCV", "/tmp/rcv/bin/rendercv"))
PLAYWRIGHT = Path(os.environ.get("SYNTH_PLAYWRIGHT", "/tmp/synth/venv/bin/python"))
LO_PROFILE = f"file://{BASE}/lo-profile"  # LibreOffice of our own: others' running instances are not disturbed

RENDERCV_THEMES = ("classic", "sb2nov", "engineeringresumes", "moderncv", "engineeringclassic")
HTML_THEMES = ("even", "elegant", "stackoverflow", "kendall", "flat", "macchiato")
# themes nobody has tuned on, unlike the ones above: a sidebar (spartacus), headings and dates in a
# left column (paper, onepage), centred heads (classy, straightforward), a coloured band (class)
HELDOUT_THEMES = ("spartacus", "paper", "onepage", "classy", "straightforward", "class")
HELDOUT = frozenset(
    [
        "html-macchiato-pdf",
        "html-macchiato-docx",
        "rendercv-engineeringclassic",
        *(f"html-{t}-{kind}" for t in HELDOUT_THEMES for kind in ("pdf", "docx")),
    ]
)
CATEGORIES = ("basics", "sections", "work", "education")

NODE_RENDER = """\
import fs from 'node:fs';
import { createRequire } from 'node:module';
const require = createRequire(import.meta.url);
const [theme, ...pairs] = process.argv.slice(2);
let t;
try { t = require(theme); } catch { const m = await import(theme); t = m.render ? m : m.default; }
for (let i = 0; i < pairs.length; i += 2) {
  try {
    const r = JSON.parse(fs.readFileSync(pairs[i], 'utf8'));
    fs.writeFileSync(pairs[i + 1], await t.render(r));
  } catch (e) { console.error(`${pairs[i + 1]}: ${String(e).split('\\n')[0].slice(0, 160)}`); }
}
"""
RENDERCV_BATCH = """\
import pathlib, sys, ruamel.yaml
from rendercv.api.functions import create_a_pdf_from_a_python_dictionary
theme, pairs = sys.argv[1], sys.argv[2:]
for src, out in zip(pairs[::2], pairs[1::2]):
    name = pathlib.Path(out).stem
    try:
        data = ruamel.yaml.YAML(typ="safe").load(pathlib.Path(src).read_text(encoding="utf-8"))
        data["design"] = {"theme": theme}
        errors = create_a_pdf_from_a_python_dictionary(data, pathlib.Path(out))
        if errors:
            print(f"FAILED {name}: RenderCV refuses the data ({errors[0].get('loc', '')})", file=sys.stderr)
    except Exception as exc:
        why = str(exc).splitlines()[0][:60] if str(exc) else ""
        print(f"FAILED {name}: {type(exc).__name__}: {why}", file=sys.stderr)
"""
PRINT_BATCH = """\
import pathlib, sys
from playwright.sync_api import sync_playwright
chromium, pairs = sys.argv[1], sys.argv[2:]
with sync_playwright() as p:
    args = ["--no-sandbox", "--host-resolver-rules=MAP * ~NOTFOUND"]
    browser = p.chromium.launch(executable_path=chromium, args=args)
    page = browser.new_page()
    for html, pdf in zip(pairs[::2], pairs[1::2]):
        try:
            page.goto(pathlib.Path(html).as_uri(), wait_until="load", timeout=60000)
            page.pdf(path=pdf, print_background=True, format="Letter")
        except Exception as exc:
            print(f"FAILED {pathlib.Path(html).stem}: {type(exc).__name__}", file=sys.stderr)
    browser.close()
"""
# CDN style sheets the themes link, and the npm files that are the same
# (npm install bootstrap@3.3.7 font-awesome@4.7.0 fa5@npm:@fortawesome/fontawesome-free@5.14.0
#  fa6@npm:@fortawesome/fontawesome-free@6.4.2 in /tmp/synth/npm)
CDN = {
    "https://maxcdn.bootstrapcdn.com/bootstrap/3.3.7/css/bootstrap.min.css": "bootstrap/dist/css/bootstrap.min.css",
    "https://maxcdn.bootstrapcdn.com/bootstrap/3.3.6/css/bootstrap.min.css": "bootstrap/dist/css/bootstrap.min.css",
    "https://cdnjs.cloudflare.com/ajax/libs/twitter-bootstrap/3.2.0/css/bootstrap.min.css": (
        "bootstrap/dist/css/bootstrap.min.css"
    ),
    "https://maxcdn.bootstrapcdn.com/font-awesome/4.7.0/css/font-awesome.min.css": (
        "font-awesome/css/font-awesome.min.css"
    ),
    "https://cdnjs.cloudflare.com/ajax/libs/font-awesome/5.14.0/css/all.min.css": "fa5/css/all.min.css",
    "https://cdnjs.cloudflare.com/ajax/libs/font-awesome/6.4.2/css/all.min.css": "fa6/css/all.min.css",
}
# a remote resource that is fetched, not followed: <img src>, <script src>, <link href>
REMOTE = re.compile(
    r"""((?:<(?:img|script|iframe|source)\b[^>]*?\bsrc|<link\b[^>]*?\bhref)=)(["'])https?:[^"']*\2""", re.I
)
FONTAWESOME_STUB = "#let fa-icon(name, ..args) = box(width: 0pt)\n"
FONTAWESOME_TOML = """\
[package]
name = "fontawesome"
version = "0.5.0"
entrypoint = "lib.typ"
authors = ["stub"]
license = "MIT"
description = "Offline stub: icons render as nothing"
"""


def layouts() -> list[str]:
    """Every layout's name, in a fixed order."""
    names = [f"rendercv-{t}" for t in RENDERCV_THEMES]
    for t in HTML_THEMES:
        names += [f"html-{t}-pdf", f"html-{t}-docx"]
    names += ["cvconvert-docx", "cvconvert-docx-pdf", "cvconvert-pdf"]
    for t in HELDOUT_THEMES:
        names += [f"html-{t}-pdf", f"html-{t}-docx"]
    return names


def kind_of(layout: str) -> str:
    """'pdf' or 'docx': the document type a layout produces."""
    return "docx" if layout.endswith("-docx") else "pdf"


def sources() -> list[tuple[str, Path, str]]:
    """(ID, source path, split) of each résumé: ID is its 1-based rank by sorted file name."""
    files = sorted(SOURCES.glob("*.json"))
    return [(f"{i + 1:03d}", f, "check" if i % 3 == 2 else "develop") for i, f in enumerate(files)]


def log(msg: str) -> None:
    print(msg, flush=True)


# ---------------------------------------------------------------- rendering
def run(cmd: list[str], timeout: float = 120, env: dict[str, str] | None = None) -> subprocess.CompletedProcess[str]:
    return subprocess.run(cmd, capture_output=True, text=True, timeout=timeout, env=env, check=False)


def parallel(jobs: int, fn: Callable[[Any], None], items: Iterable[Any]) -> None:
    with ThreadPoolExecutor(max_workers=jobs) as pool:
        for _ in pool.map(fn, items):
            pass


def resume_json(src: Path) -> dict[str, Any] | None:
    """A source résumé's data; JSON5 (trailing commas, comments) as cvconvert reads it too."""
    try:
        text = src.read_text(encoding="utf-8-sig")
        try:
            data = json.loads(text)
        except ValueError:
            import pyjson5

            data = pyjson5.decode(text)
    except (OSError, ValueError):
        return None
    return data if isinstance(data, dict) else None


# old schema name -> current one, per section: the held-out themes print the old names only
_OLD_NAMES = {
    "work": (("company", "name"), ("website", "url")),
    "volunteer": (("website", "url"),),
    "projects": (("website", "url"),),
    "publications": (("website", "url"),),
}


def old_names(data: dict[str, Any]) -> dict[str, Any]:
    """The résumé with each value under its old schema name too (work "company", "website")."""
    basics = data.get("basics")
    if isinstance(basics, dict) and "url" in basics and "website" not in basics:
        basics["website"] = basics["url"]
    for section, pairs in _OLD_NAMES.items():
        for entry in data.get(section) or ():
            if isinstance(entry, dict):
                for old, new in pairs:
                    if new in entry and old not in entry:
                        entry[old] = entry[new]
    return data


# held-out themes that crash on a missing label or an empty list ('work[0].company'): given a
# blank label and no empty lists, which print nothing either way
NEEDS_FILLING = frozenset({"classy"})


def filled(data: dict[str, Any]) -> dict[str, Any]:
    """The résumé without empty lists (in it and in basics) and with a label, blank if it had none."""
    data = {k: v for k, v in data.items() if v != []}
    basics = data.get("basics")
    if isinstance(basics, dict):
        basics = {k: v for k, v in basics.items() if v != []}
        basics.setdefault("label", "")
        data["basics"] = basics
    return data


def strict_json(src: Path, compat: bool = False, fill: bool = False) -> Path | None:
    """The source as strict JSON, for the npm themes (JSON.parse takes no JSON5).

    ``compat``: with the old schema's names too (``old_names``); ``fill``: ``filled``; each
    variant in a folder of its own.
    """
    data = resume_json(src)
    if data is None:
        return None
    if compat:
        data = old_names(data)
    if fill:
        data = filled(data)
    out = WORK / ("json" + "-compat" * compat + "-filled" * fill) / src.name
    out.parent.mkdir(parents=True, exist_ok=True)
    out.write_text(json.dumps(data, ensure_ascii=False), encoding="utf-8")
    return out


def write_truth(layout: str, ident: str, src: Path) -> None:
    """The truth of one rendered document, from its source and its own text."""
    import synth_truth

    doc = OUT / layout / f"{ident}.{kind_of(layout)}"
    data = resume_json(src)
    if data is None or not doc.exists():
        return
    try:
        page = synth_truth.docx_page(doc.read_bytes()) if kind_of(layout) == "docx" else synth_truth.pdf_page(str(doc))
    except Exception as exc:  # a document its own tools cannot read is no test
        log(f"{layout} {ident}: unreadable render ({type(exc).__name__}); dropped")
        doc.unlink()
        return
    if len(synth_truth.squash(page.text)) < 40:  # a blank page (the source had nothing a theme shows)
        log(f"  {layout} {ident}: no text on the page; dropped")
        doc.unlink()
        (OUT / layout / f"{ident}.truth.json").unlink(missing_ok=True)
        return
    truth = synth_truth.truth(data, page)
    (OUT / layout / f"{ident}.truth.json").write_text(json.dumps(truth, ensure_ascii=False, indent=1), encoding="utf-8")


def todo(layout: str, items: list[tuple[str, Path, str]], force: bool) -> list[tuple[str, Path, str]]:
    (OUT / layout).mkdir(parents=True, exist_ok=True)
    if force:
        return items
    done = {p.name.split(".")[0] for p in (OUT / layout).glob("*.truth.json")}
    given_up = {p.name.split(".")[0] for p in (OUT / layout).glob("*.failed")}  # a tool fails on it
    return [it for it in items if it[0] not in done | given_up]


def cvconvert_write(src: Path, dest: Path, fmt: str, **options: object) -> bool:
    import cvconvert

    try:
        resume = cvconvert.read(src, "json")
        if fmt == "rendercv" and resume.basics is not None:
            # RenderCV takes a photo for a local file and fails on a URL or an empty value
            resume.basics.image = None
        data, _ = cvconvert.dumps(resume, fmt, **options)
    except cvconvert.CvConvertError as exc:
        log(f"  {dest.name}: cvconvert refused ({type(exc).__name__})")
        return False
    dest.write_bytes(data)
    return True


def render_rendercv(theme: str, items: list[tuple[str, Path, str]], jobs: int, force: bool) -> None:
    layout = f"rendercv-{theme}"
    python = RENDERCV.parent / "python"
    if not python.exists():
        log(f"{layout}: skipped, no RenderCV at {RENDERCV} (set SYNTH_RENDERCV)")
        return
    stub = WORK / "xdg-cache" / "typst" / "packages" / "preview" / "fontawesome" / "0.5.0"
    stub.mkdir(parents=True, exist_ok=True)
    (stub / "typst.toml").write_text(FONTAWESOME_TOML, encoding="utf-8")
    (stub / "lib.typ").write_text(FONTAWESOME_STUB, encoding="utf-8")
    driver = WORK / "rendercv_batch.py"
    driver.write_text(RENDERCV_BATCH, encoding="utf-8")
    env = {**os.environ, "XDG_CACHE_HOME": str(WORK / "xdg-cache")}
    yaml_dir = WORK / "rendercv-yaml"
    yaml_dir.mkdir(parents=True, exist_ok=True)
    pairs: list[str] = []
    for ident, src, _ in todo(layout, items, force):
        yaml = yaml_dir / f"{ident}.rendercv.yaml"
        if yaml.exists() or cvconvert_write(src, yaml, "rendercv"):
            pairs += [str(yaml), str(OUT / layout / f"{ident}.pdf")]
    # one RenderCV process renders many files: starting one costs more than a render
    shares = [pairs[2 * i : 2 * i + 2] for i in range(len(pairs) // 2)]
    groups = [[x for pair in shares[j::jobs] for x in pair] for j in range(jobs)]

    def batch(group: list[str]) -> None:
        if group:
            r = run([str(python), str(driver), theme, *group], timeout=3600, env=env)
            for line in r.stderr.splitlines():
                if line.startswith("FAILED"):
                    log(f"  {layout} {line}")
                    ident = line.split()[1].rstrip(":")
                    (OUT / layout / f"{ident}.failed").write_text(line + "\n", encoding="utf-8")

    parallel(jobs, batch, groups)
    for ident, src, _ in todo(layout, items, force):
        write_truth(layout, ident, src)


def local_assets(html: str) -> str:
    """The HTML with the CDN style sheets the themes link swapped for the same files from npm.

    Bootstrap makes the columns of several themes and Font Awesome their icons (characters of a
    private-use area in the PDF's text, as in a real print); web fonts stay remote, and fail:
    the browser falls back to a local font.
    """
    for url, local in CDN.items():
        path = NPM / "node_modules" / local
        if path.exists():
            html = html.replace(url, path.as_uri())
    return html


def html_of(theme: str, items: list[tuple[str, Path, str]]) -> Path | None:
    """The HTML of each résumé in a theme (one node process for all), in WORK/html-THEME/."""
    held = theme in HELDOUT_THEMES
    npm = NPM_HELDOUT if held else NPM
    pkg = npm / "node_modules" / f"jsonresume-theme-{theme}"
    if not pkg.exists() or shutil.which("node") is None:
        log(f"html-{theme}: skipped, no {pkg} (npm install jsonresume-theme-{theme} in {npm})")
        return None
    folder = WORK / f"html-{theme}"
    folder.mkdir(parents=True, exist_ok=True)
    script = npm / "render.mjs"
    script.write_text(NODE_RENDER, encoding="utf-8")
    pairs: list[str] = []
    for ident, src, _ in items:
        done = (folder / f"{ident}.html").exists()
        strict = None if done else strict_json(src, compat=held, fill=theme in NEEDS_FILLING)
        if strict is not None:
            pairs += [str(strict), str(folder / f"{ident}.html")]
    if pairs:
        r = run(["node", str(script), f"jsonresume-theme-{theme}", *pairs], timeout=600)
        failed = sum(1 for line in r.stderr.splitlines() if ".html:" in line)
        if r.returncode:
            log(f"  html-{theme}: node failed (exit {r.returncode}): {r.stderr.strip()[-200:]}")
        elif failed:
            log(f"  html-{theme}: the theme failed on {failed} résumé(s)")
        for out in pairs[1::2]:
            page = Path(out)
            if page.exists():
                page.write_text(local_assets(page.read_text(encoding="utf-8")), encoding="utf-8")
    return folder


def print_pdfs(pairs: list[tuple[Path, Path]], jobs: int) -> None:
    """HTML -> PDF by headless Chromium: one browser for many pages (Playwright), else one a page."""
    chromium = shutil.which("chromium") or shutil.which("chromium-browser") or shutil.which("google-chrome")
    if chromium is None:
        log("  no chromium: no PDF of the HTML themes")
        return
    if PLAYWRIGHT.exists():
        driver = WORK / "print_batch.py"
        driver.write_text(PRINT_BATCH, encoding="utf-8")
        groups = [[x for i in range(j, len(pairs), jobs) for x in map(str, pairs[i])] for j in range(jobs)]

        def batch(group: list[str]) -> None:
            if group:
                r = run([str(PLAYWRIGHT), str(driver), chromium, *group], timeout=3600)
                for line in r.stderr.splitlines():
                    if line.startswith("FAILED"):
                        log(f"  {line}")

        parallel(jobs, batch, groups)
        return

    def one(pair: tuple[Path, Path]) -> None:
        html, pdf = pair
        with tempfile.TemporaryDirectory(dir=WORK) as profile:
            run(
                [chromium, "--headless", "--no-sandbox", "--disable-gpu", "--no-pdf-header-footer",
                 "--host-resolver-rules=MAP * ~NOTFOUND", f"--user-data-dir={profile}",
                 f"--print-to-pdf={pdf}", html.as_uri()],
                timeout=120,
            )  # fmt: skip

    parallel(jobs, one, pairs)


def soffice(target: str, files: list[Path], outdir: Path) -> None:
    """LibreOffice converts many files in one start (starting it costs seconds).

    LibreOffice loops for ever on a few HTML pages: a batch that writes no file for a minute is
    killed, the first file it did not write is given up, and the rest are converted again.
    """
    suffix = "." + target.split(":")[0]
    rest = list(files)
    while rest:
        batch = rest[:30]
        proc = subprocess.Popen(
            ["soffice", f"-env:UserInstallation={LO_PROFILE}", "--headless", "--convert-to", target,
             "--outdir", str(outdir), *map(str, batch)],
            stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, start_new_session=True,
        )  # fmt: skip
        written, since = -1, time.monotonic()
        while proc.poll() is None:
            time.sleep(1)
            now = sum(1 for f in batch if (outdir / (f.stem + suffix)).exists())
            if now != written:
                written, since = now, time.monotonic()
            elif time.monotonic() - since > 60:  # a minute without a new file: stuck
                break
        if proc.poll() is not None:
            rest = rest[len(batch) :]
        else:
            os.killpg(proc.pid, signal.SIGKILL)
            proc.wait()
            for junk in [*outdir.glob(".~lock.*"), *outdir.glob("lu*.tmp")]:
                junk.unlink()
            done = [f for f in batch if (outdir / (f.stem + suffix)).exists()]
            stuck = next(f for f in batch if f not in done)
            log(f"  LibreOffice hangs on {outdir.name}/{stuck.stem}: given up")
            (outdir / f"{stuck.stem}.failed").write_text("LibreOffice hangs\n", encoding="utf-8")
            rest = [f for f in rest if f not in done and f != stuck]


# a style sheet's '@media print { ... }' block (rules one level deep)
PRINT_MEDIA = re.compile(r"@media[^{;]*\bprint\b[^{;]*\{((?:[^{}]*\{[^{}]*\})*)[^{}]*\}")


def print_rules(html: str) -> str:
    """The page with its style sheets' print rules as plain rules, last (they win), for LibreOffice.

    LibreOffice reads no @media block, so it lays out the screen page: onepage's padded, bordered
    sheet made it loop for ever on a third of the résumés. Chromium prints with the print rules;
    the DOCX now follows the same ones. Held-out themes only: the other layouts stay as rendered.
    """
    rules = "\n".join(m.group(1) for m in PRINT_MEDIA.finditer(html))
    if not rules.strip():
        return html
    at = html.lower().rfind("</head>")
    at = at if at >= 0 else 0
    return f"{html[:at]}<style>\n{rules}\n</style>\n{html[at:]}"


def render_html(theme: str, items: list[tuple[str, Path, str]], jobs: int, force: bool) -> None:
    pdf_layout, docx_layout = f"html-{theme}-pdf", f"html-{theme}-docx"
    pdf_items, docx_items = todo(pdf_layout, items, force), todo(docx_layout, items, force)
    if not pdf_items and not docx_items:
        return
    folder = html_of(theme, items)
    if folder is None:
        return
    pages = [(ident, src, folder / f"{ident}.html") for ident, src, _ in pdf_items]
    print_pdfs([(html, OUT / pdf_layout / f"{ident}.pdf") for ident, _, html in pages if html.exists()], jobs)
    for ident, src, _ in pages:
        write_truth(pdf_layout, ident, src)
    if shutil.which("soffice") is None:
        log(f"{docx_layout}: skipped, no soffice")
        return
    # LibreOffice waits long on each remote picture or script it cannot fetch: a copy without them
    offline = WORK / f"html-{theme}-offline"
    offline.mkdir(exist_ok=True)
    htmls = []
    for ident, _, _ in docx_items:
        if (folder / f"{ident}.html").exists():
            text = (folder / f"{ident}.html").read_text(encoding="utf-8")
            if theme in HELDOUT_THEMES:
                text = print_rules(text)
            (offline / f"{ident}.html").write_text(REMOTE.sub(r"\1\2\2", text), encoding="utf-8")
            htmls.append(offline / f"{ident}.html")
    soffice("docx:MS Word 2007 XML", htmls, OUT / docx_layout)
    for ident, src, _ in docx_items:
        write_truth(docx_layout, ident, src)


def render_cvconvert(items: list[tuple[str, Path, str]], jobs: int, force: bool, wanted: set[str]) -> None:
    if "cvconvert-docx" in wanted or "cvconvert-docx-pdf" in wanted:
        for ident, src, _ in todo("cvconvert-docx", items, force):
            if cvconvert_write(src, OUT / "cvconvert-docx" / f"{ident}.docx", "docx", embed=False):
                write_truth("cvconvert-docx", ident, src)
    if "cvconvert-docx-pdf" in wanted and shutil.which("soffice"):
        rest = todo("cvconvert-docx-pdf", items, force)
        docs = [OUT / "cvconvert-docx" / f"{i}.docx" for i, _, _ in rest]
        soffice("pdf", [d for d in docs if d.exists()], OUT / "cvconvert-docx-pdf")
        for ident, src, _ in rest:
            write_truth("cvconvert-docx-pdf", ident, src)
    if "cvconvert-pdf" in wanted:

        def one(item: tuple[str, Path, str]) -> None:
            ident, src, _ = item
            if cvconvert_write(src, OUT / "cvconvert-pdf" / f"{ident}.pdf", "pdf", embed=False):
                write_truth("cvconvert-pdf", ident, src)

        parallel(1, one, todo("cvconvert-pdf", items, force))


def use_fonts() -> None:
    """Chromium and LibreOffice of ours see the CJK fonts unpacked in /tmp/synth/fonts, if there.

    Without them a Chinese or Japanese résumé (14 of the 90) prints its characters as empty
    boxes, which no reader can read. The fonts are unpacked, not installed: the machine's own
    font set, which other tests see, stays as it is.
    """
    fonts = BASE / "fonts" / "x" / "usr" / "share" / "fonts"
    if not fonts.is_dir():
        log(f"no CJK fonts in {fonts}: CJK résumés print as boxes (see the docstring)")
        return
    conf = BASE / "fonts" / "fonts.conf"
    conf.write_text(
        '<?xml version="1.0"?>\n<!DOCTYPE fontconfig SYSTEM "fonts.dtd">\n<fontconfig>\n'
        '  <include ignore_missing="yes">/etc/fonts/fonts.conf</include>\n'
        f"  <dir>{fonts}</dir>\n  <cachedir>{BASE / 'fonts' / 'cache'}</cachedir>\n</fontconfig>\n",
        encoding="utf-8",
    )
    os.environ["FONTCONFIG_FILE"] = str(conf)


def render(args: argparse.Namespace) -> None:
    items = sources()[: args.limit] if args.limit else sources()
    if not items:
        sys.exit(f"synth_corpus: no résumés in {SOURCES}")
    wanted = set(args.layout or layouts())
    WORK.mkdir(parents=True, exist_ok=True)
    use_fonts()
    for name in sorted(wanted - set(layouts())):
        sys.exit(f"synth_corpus: no layout {name!r}; see 'layouts'")
    for theme in RENDERCV_THEMES:
        if f"rendercv-{theme}" in wanted:
            t0 = time.monotonic()
            render_rendercv(theme, items, args.jobs, args.force)
            log(f"rendercv-{theme}: {time.monotonic() - t0:.0f} s")
    for theme in (*HTML_THEMES, *HELDOUT_THEMES):
        if f"html-{theme}-pdf" in wanted or f"html-{theme}-docx" in wanted:
            t0 = time.monotonic()
            render_html(theme, items, args.jobs, args.force)
            log(f"html-{theme}: {time.monotonic() - t0:.0f} s")
    if any(w.startswith("cvconvert-") for w in wanted):
        t0 = time.monotonic()
        render_cvconvert(items, args.jobs, args.force, wanted)
        log(f"cvconvert: {time.monotonic() - t0:.0f} s")


def retruth(args: argparse.Namespace) -> None:
    """Compute the truth of every rendered document again (after a change to synth_truth.py)."""
    by_id = {ident: src for ident, src, _ in sources()}
    t0, n = time.monotonic(), 0
    for layout in args.layout or layouts():
        for doc in sorted((OUT / layout).glob(f"*.{kind_of(layout)}")):
            ident = doc.name.split(".")[0]
            if ident in by_id:
                write_truth(layout, ident, by_id[ident])
                n += 1
    log(f"{n} truths in {time.monotonic() - t0:.0f} s")


# ---------------------------------------------------------------- scoring
def read(path: Path) -> dict[str, Any]:
    """What the reader makes of one document, as JSON Resume data."""
    if path.suffix == ".docx":
        from cvconvert.formats._docx.order import extract
    else:
        from cvconvert.formats._pdf.text import extract
    resume, _ = extract(path.read_bytes(), lang=None)
    return resume.to_data()


def score_one(task: tuple[str, str, str]) -> tuple[str, str, str, dict[str, list[int]], list[str], str | None]:
    """(layout, ID, split, counts per category, notes, crash) of one document."""
    from score_extract import scorer

    layout, ident, split = task
    folder = OUT / layout
    truth = json.loads((folder / f"{ident}.truth.json").read_text(encoding="utf-8"))
    crash = None
    try:
        got = read(folder / f"{ident}.{kind_of(layout)}")
    except Exception as exc:  # a crash is a score of nothing, and is shown
        crash, got = type(exc).__name__, {}
    tally = scorer().score(truth, got)
    return layout, ident, split, {k: list(v) for k, v in tally.c.items()}, tally.notes, crash


def f1(counts: list[int]) -> float:
    tp, fp, fn = counts
    return 2 * tp / (2 * tp + fp + fn) if tp else 0.0


def total_of(layout: str) -> str:
    """The total line a layout counts in: 'pdf', 'docx', 'held-out pdf' or 'held-out docx'."""
    return f"held-out {kind_of(layout)}" if layout in HELDOUT else kind_of(layout)


def score(args: argparse.Namespace) -> None:
    chosen = args.layout or layouts()
    if args.explain:
        # the held-out layouts measure generalisation only while nobody reads what the reader does on them
        shut = [name for name in chosen if name in HELDOUT]
        if args.layout and shut:
            sys.exit(f"synth_corpus: --explain refuses held-out layouts ({', '.join(shut)}): scores only")
        chosen = [name for name in chosen if name not in HELDOUT]
    splits = {ident: split for ident, _, split in sources()}
    tasks = []
    for layout in chosen:
        for truth in sorted((OUT / layout).glob("*.truth.json")):
            ident = truth.name.split(".")[0]
            split = splits.get(ident, "develop")
            if args.split and split != args.split:
                continue
            if args.explain and ident != args.explain.zfill(3):
                continue
            tasks.append((layout, ident, split))
    if not tasks:
        sys.exit("synth_corpus: nothing rendered for that choice; run 'render' first")
    totals: dict[tuple[str, str], dict[str, list[int]]] = {}
    files: dict[tuple[str, str], int] = {}
    crashes: dict[str, int] = {}
    t0 = time.monotonic()
    if args.jobs > 1:
        import multiprocessing

        with multiprocessing.get_context("fork").Pool(args.jobs) as pool:
            results = list(pool.imap(score_one, tasks, chunksize=4))
    else:
        results = [score_one(t) for t in tasks]
    for layout, ident, split, counts, notes, crash in results:
        for key in ((layout, split), (layout, "all"), (total_of(layout), split), (total_of(layout), "all")):
            cats = totals.setdefault(key, {})
            files[key] = files.get(key, 0) + 1
            for cat, v in counts.items():
                cats[cat] = [a + b for a, b in zip(cats.get(cat, [0, 0, 0]), v, strict=True)]
        if crash:
            crashes[layout] = crashes.get(layout, 0) + 1
            print(f"{layout} {ident}: CRASH {crash}")
        if (args.files or args.explain) and layout not in HELDOUT:  # no per-file score of a held-out layout
            micro = [sum(v[i] for v in counts.values()) for i in range(3)]
            print(f"{layout:24} {ident} {split:7} F1={f1(micro):.2f}")
        if args.explain:
            for cat, v in sorted(counts.items()):
                print(f"    {cat}: tp={v[0]} fp={v[1]} fn={v[2]}")
            for note in notes:
                print("    " + note)
    head = f"{'layout':24} {'split':7} {'files':>5} {'micro':>6} " + " ".join(f"{c:>9}" for c in CATEGORIES)
    print(head)
    order = [*chosen, "pdf", "docx", "held-out pdf", "held-out docx"]
    for name in order:
        for split in ("develop", "check", "all"):
            row_cats = totals.get((name, split))
            if row_cats is None:
                continue
            micro = [sum(v[i] for v in row_cats.values()) for i in range(3)]
            row = " ".join(f"{f1(row_cats[c]):9.3f}" if c in row_cats else f"{'-':>9}" for c in CATEGORIES)
            print(f"{name:24} {split:7} {files[(name, split)]:5d} {f1(micro):6.3f} {row}")
        if name == chosen[-1]:
            print("-" * len(head))
    if crashes:
        print("crashes: " + ", ".join(f"{k} {v}" for k, v in crashes.items()))
    print(f"({len(tasks)} documents in {time.monotonic() - t0:.0f} s)")


def main() -> None:
    parser = argparse.ArgumentParser(description=(__doc__ or "").splitlines()[0])
    sub = parser.add_subparsers(dest="command", required=True)
    sub.add_parser("layouts", help="list the layouts")
    r = sub.add_parser("render", help="render the résumés into /tmp/synth/out (done files are kept)")
    r.add_argument("--layout", action="append", help="one layout (repeatable); default all")
    r.add_argument("--limit", type=int, help="only the first N résumés")
    r.add_argument("--jobs", type=int, default=2, help="parallel renderers (default 2)")
    r.add_argument("--force", action="store_true", help="render done files again")
    t = sub.add_parser("truth", help="compute the truths of rendered documents again")
    t.add_argument("--layout", action="append", help="one layout (repeatable); default all")
    s = sub.add_parser("score", help="score the reader on what is rendered")
    s.add_argument("--layout", action="append", help="one layout (repeatable); default all")
    s.add_argument("--split", choices=("develop", "check"), help="one split only")
    s.add_argument("--explain", metavar="ID", help="the scorer's notes on one résumé (its content; not held-out)")
    s.add_argument("--files", action="store_true", help="one line per document (IDs and scores; no held-out layout)")
    s.add_argument("--jobs", type=int, default=1, help="parallel readers (default 1)")
    args = parser.parse_args()
    if args.command == "layouts":
        for name in layouts():
            print(f"{name:24} {kind_of(name)}")
    elif not SOURCES.is_dir():
        sys.exit(f"synth_corpus: {SOURCES} is missing (the shared corpus is read at run time)")
    elif args.command == "render":
        render(args)
    elif args.command == "truth":
        retruth(args)
    else:
        score(args)


if __name__ == "__main__":
    main()
