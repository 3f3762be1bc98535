"""The shared atheris harness: feed bytes to one reader; anything but CvConvertError is a crash.

Each ``fuzz_<format>.py`` beside this file calls :func:`main` with its format's name. On the
first run the seed corpus folder ``fuzz/corpus/<format>/`` is filled with our own writers'
output for every sample (and, for readers without a writer, a hand-made seed), so that
libFuzzer starts from valid files and mutates towards the interesting ones.
"""

from __future__ import annotations

import io
import sys
import zipfile
from collections.abc import Callable
from pathlib import Path
from typing import Any

import atheris

HERE = Path(__file__).resolve().parent
SAMPLES = HERE.parent / "samples"

with atheris.instrument_imports(include=["cvconvert"]):
    import cvconvert
    import cvconvert.api
    from cvconvert import formats
    from cvconvert.errors import CvConvertError

    formats.builtin()  # imports every format module while instrumentation is on


def seed_corpus(fmt: str) -> Path:
    """``fuzz/corpus/<fmt>/``, filled with valid files on first use."""
    folder = HERE / "corpus" / fmt
    if folder.is_dir() and any(folder.iterdir()):
        return folder
    folder.mkdir(parents=True, exist_ok=True)
    registry = cvconvert.available_formats()
    for i, sample in enumerate(sorted(SAMPLES.glob("*.json"))):
        resume = cvconvert.read(sample)
        if registry[fmt].write is not None:
            (folder / f"seed{i}").write_bytes(cvconvert.dumps(resume, fmt)[0])
        elif fmt == "html":
            jsonld = cvconvert.dumps(resume, "jsonld")[0].decode()
            (folder / f"seed{i}").write_text(f'<html><script type="application/ld+json">{jsonld}</script></html>')
        elif fmt == "europass-pdf":
            _pdf_seed(folder / f"seed{i}", cvconvert.dumps(resume, "europass")[0])
        elif fmt == "linkedin":
            (folder / f"seed{i}").write_bytes(_linkedin_seed(resume.to_data()))
    return folder


def _linkedin_seed(data: dict[str, Any]) -> bytes:
    """A LinkedIn export (Profile.csv, Positions.csv, Skills.csv) holding a sample's values."""
    import csv

    def table(header: list[str], rows: list[list[str]]) -> bytes:
        out = io.StringIO()
        csv.writer(out).writerows([header, *rows])
        return out.getvalue().encode("utf-8-sig")

    basics = data.get("basics", {})
    work = [[w.get("name", ""), w.get("position", ""), w.get("summary", ""), w.get("startDate", "")]
            for w in data.get("work", [])]  # fmt: skip
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w") as z:
        profile = [[basics.get("name", ""), basics.get("label", ""), basics.get("summary", "")]]
        z.writestr("Profile.csv", table(["First Name", "Headline", "Summary"], profile))
        z.writestr("Positions.csv", table(["Company Name", "Title", "Description", "Started On"], work))
        z.writestr("Skills.csv", table(["Name"], [[s.get("name", "")] for s in data.get("skills", [])]))
    return out.getvalue()


def _member_corpus(fmt: str, part: str, packages: Path) -> Path:
    """``fuzz/corpus/<fmt>-<member>/``: the member taken out of every seed package."""
    folder = HERE / "corpus" / f"{fmt}-{Path(part).stem}"
    if not (folder.is_dir() and any(folder.iterdir())):
        folder.mkdir(parents=True, exist_ok=True)
        for seed in sorted(packages.glob("seed*")):  # our writer's files, not earlier mutations
            with zipfile.ZipFile(seed) as z:
                (folder / seed.name).write_bytes(z.read(part))
    return folder


def _in_package(read: Callable[..., Any], part: str, template: Path) -> Callable[[bytes], Any]:
    """A reader that puts its bytes in as ``part`` of a copy of ``template``. A DOCX's
    ``customXml/`` data part is left out, so the page itself is read as someone else's CV."""
    with zipfile.ZipFile(template) as z:
        others = {n: z.read(n) for n in z.namelist() if n != part and not n.startswith("customXml/")}

    def reader(data: bytes) -> Any:
        out = io.BytesIO()
        with zipfile.ZipFile(out, "w", zipfile.ZIP_STORED) as z:
            for name, member in others.items():
                z.writestr(name, member)
            z.writestr(part, data)
        return read(out.getvalue())

    return reader


def _pdf_seed(path: Path, xml: bytes) -> None:
    from pypdf import PdfWriter

    writer = PdfWriter()
    writer.add_blank_page(595, 842)
    writer.add_attachment("attachment.xml", xml)
    with path.open("wb") as out:
        writer.write(out)


def main(fmt: str, *, part: str | None = None) -> None:
    """Fuzz the reader of ``fmt``; libFuzzer options (``-max_total_time=600``) pass through.

    With ``part`` (a zip member such as ``word/document.xml``), the fuzzer's bytes become that
    member of an otherwise valid seed package: mutating a whole zip rarely gets past its
    checksums, so this is how the XML readers behind a zip format are reached.
    """
    found = cvconvert.available_formats()[fmt]
    assert found.read is not None
    format_read, options = found.read, found.read_options()

    def read(data: bytes) -> Any:
        return format_read(data, options)

    corpus = seed_corpus(fmt)
    reader = read
    if part is not None:
        seeds = sorted(corpus.glob("seed*"))
        if not seeds:
            sys.exit(f"{corpus} has no seed files: delete the folder to have it made again")
        corpus, reader = _member_corpus(fmt, part, corpus), _in_package(read, part, seeds[0])
    # Readers import their modules lazily: read every seed once inside the instrumented block
    # so that those modules are instrumented too.
    with atheris.instrument_imports(include=["cvconvert"]):
        for seed in corpus.iterdir():
            try:
                reader(seed.read_bytes())
            except CvConvertError:
                pass

    def test_one_input(data: bytes) -> None:
        try:
            reader(data)
        except CvConvertError:
            pass

    args = list(sys.argv)
    if not any(not a.startswith("-") for a in args[1:]):
        args.append(str(corpus))
    atheris.Setup(args, test_one_input)
    atheris.Fuzz()
