"""Score the rule-based reader on the labelled corpus: micro F1 per file, per split, per format.

Run: .venv/bin/python bench/score_extract.py [docx|pdf|wordpdf ...] [--hint] [--explain STEM] [--split check|develop]

Every third labelled file by sorted name is the *check* split (issue 14): rules are developed on
the others and the check split is scored at milestones. The reader is given no language unless
``--hint`` passes the label's ``x-lang`` (a pipeline does not know it). Only scores are printed,
never the corpus's personal data, except with ``--explain`` on a development machine.

``wordpdf`` is the labelled Word CVs printed to PDF by LibreOffice (issue 14: "every labelled DOCX
rendered to PDF with LibreOffice is a labelled Word-made PDF too"), read by the PDF reader and scored
against the DOCX labels with the DOCX split. The prints are made once into $CVCONVERT_WORDPDF
(default /tmp/cvconvert-wordpdf), outside the project: they hold real people's details.
"""

from __future__ import annotations

import argparse
import importlib.util
import json
import os
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path
from types import ModuleType
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
SHARED = ROOT.parent / "shared"
WORDPDF = Path(os.environ.get("CVCONVERT_WORDPDF", "/tmp/cvconvert-wordpdf"))


def scorer() -> ModuleType:
    """The project's scorer, ../shared/tools/score_extraction.py."""
    spec = importlib.util.spec_from_file_location("score_extraction", SHARED / "tools" / "score_extraction.py")
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def read(path: Path, lang: str | None) -> dict[str, Any]:
    """What the reader makes of one corpus file, as JSON Resume data."""
    if path.suffix == ".docx":
        from cvconvert.formats._docx.order import extract
    else:
        from cvconvert.formats._pdf.text import extract
    resume, _ = extract(path.read_bytes(), lang=lang)
    return resume.to_data()


def labelled(kind: str) -> list[tuple[Path, Path, str]]:
    """(label, source, split) for every labelled file of a kind, in sorted order."""
    if kind == "wordpdf":
        return [(label, WORDPDF / f"{label.stem}.pdf", split) for label, _, split in labelled("docx")]
    labels = sorted((SHARED / "corpus" / f"{kind}-labels").glob("*.json"))
    return [
        (label, SHARED / "corpus" / kind / f"{label.stem}.{kind}", "check" if i % 3 == 2 else "develop")
        for i, label in enumerate(labels)
    ]


def print_word_cvs() -> None:
    """Print every labelled Word CV to PDF with LibreOffice, once, into WORDPDF."""
    todo = [docx for _, docx, _ in labelled("docx") if not (WORDPDF / f"{docx.stem}.pdf").exists()]
    if not todo:
        return
    soffice = shutil.which("soffice")
    if soffice is None:
        sys.exit("wordpdf needs LibreOffice (soffice) to print the Word CVs")
    WORDPDF.mkdir(parents=True, exist_ok=True)
    with tempfile.TemporaryDirectory() as profile:  # an own profile: a running LibreOffice is not disturbed
        command = [soffice, f"-env:UserInstallation=file://{profile}", "--headless", "--convert-to", "pdf"]
        subprocess.run([*command, "--outdir", str(WORDPDF), *map(str, todo)], check=True, capture_output=True)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("kinds", nargs="*", default=["docx", "pdf"], choices=["docx", "pdf", "wordpdf"])
    parser.add_argument("--hint", action="store_true", help="pass the label's x-lang as the language hint")
    parser.add_argument("--explain", metavar="STEM", help="print the scorer's notes for files whose name holds STEM")
    parser.add_argument("--split", choices=("check", "develop"), help="score one split only")
    args = parser.parse_args()
    score = scorer()
    if "wordpdf" in args.kinds:
        print_word_cvs()
    for kind in args.kinds:
        totals: dict[str, list[int]] = {"develop": [0, 0, 0], "check": [0, 0, 0]}
        for label, source, split in labelled(kind):
            if args.split and split != args.split:
                continue
            truth = json.loads(label.read_text(encoding="utf-8"))
            try:
                got = read(source, truth.get("x-lang") if args.hint else None)
            except Exception as exc:  # a crash is a score of nothing, and is shown
                print(f"{kind} {label.stem}: CRASH {type(exc).__name__}: {exc}")
                got = {}
            tally = score.score(truth, got)
            counts = [sum(v[i] for v in tally.c.values()) for i in range(3)]
            totals[split] = [a + b for a, b in zip(totals[split], counts, strict=True)]
            p, r, f1 = score.prf(*counts)
            print(f"{kind} {split:7} {label.stem:40} P={p:.2f} R={r:.2f} F1={f1:.2f}")
            if args.explain and args.explain in label.stem:
                for cat, v in sorted(tally.c.items()):
                    print(f"    {cat}: tp={v[0]} fp={v[1]} fn={v[2]}")
                for note in tally.notes:
                    print("    " + note)
        both = [a + b for a, b in zip(totals["develop"], totals["check"], strict=True)]
        for name, counts in (*totals.items(), ("all", both)):
            p, r, f1 = score.prf(*counts)
            print(f"{kind} micro {name:7}: P={p:.3f} R={r:.3f} F1={f1:.3f}")


if __name__ == "__main__":
    main()
