"""The reader of other people's CVs scored on every labelled corpus file (issue 14).

Scored with ../shared/tools/score_extraction.py against ../shared/corpus/{docx,pdf}-labels, with
no language hint (a pipeline does not know the language). Every third file by sorted name is the
*check* split, on which no rule was developed; both splits and the whole are printed. The floors
are the figures reached, less a margin, so that a change may not lower them. Only scores are
printed: the corpus holds real people's details.
"""

from __future__ import annotations

import importlib.util
import json
from pathlib import Path
from types import ModuleType
from typing import Any

import pytest

from tests.conftest import shared_files, shared_path

# kind -> (all labels, check split): micro F1 floors, the figures reached less 0.02, so that a
# change may not lower them. Issue 14's targets are 0.90 / 0.85 (DOCX) and 0.85 / 0.80 (PDF);
# reached so far: DOCX 0.859 / 0.743, PDF 0.814 / 0.548 (develop split: DOCX 0.905, PDF 0.939).
FLOORS = {"docx": (0.84, 0.72), "pdf": (0.79, 0.52)}


def _scorer() -> ModuleType:
    path = shared_path("tools", "score_extraction.py")
    spec = importlib.util.spec_from_file_location("score_extraction", path)
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def _read(source: Path) -> dict[str, Any]:
    if source.suffix == ".docx":
        from cvconvert.formats._docx.order import extract
    else:
        from cvconvert.formats._pdf.text import extract
    resume, _ = extract(source.read_bytes())
    return resume.to_data()


@pytest.mark.parametrize("kind", sorted(FLOORS))
def test_labelled_corpus_scores_stay_above_their_floors(kind: str) -> None:
    scorer = _scorer()
    labels = shared_files(f"corpus/{kind}-labels", "*.json")
    assert labels
    split: dict[str, list[int]] = {"develop": [0, 0, 0], "check": [0, 0, 0]}
    for index, label in enumerate(labels):
        source = label.parent.parent / kind / f"{label.stem}.{kind}"
        tally = scorer.score(json.loads(label.read_text(encoding="utf-8")), _read(source))
        counts = [sum(v[i] for v in tally.c.values()) for i in range(3)]
        part = "check" if index % 3 == 2 else "develop"
        split[part] = [a + b for a, b in zip(split[part], counts, strict=True)]
        p, r, f1 = scorer.prf(*counts)
        # By number, not name: the files are named after real people (bench/score_extract.py names them).
        print(f"{kind} {part:7} #{index}: precision={p:.2f} recall={r:.2f} F1={f1:.2f}")
    whole = [a + b for a, b in zip(split["develop"], split["check"], strict=True)]
    figures = {name: scorer.prf(*counts) for name, counts in (*split.items(), ("all", whole))}
    for name, (p, r, f1) in figures.items():
        print(f"{kind} micro-average, {name}: precision={p:.3f} recall={r:.3f} F1={f1:.3f}")
    floor_all, floor_check = FLOORS[kind]
    assert figures["all"][2] >= floor_all
    assert figures["check"][2] >= floor_check
