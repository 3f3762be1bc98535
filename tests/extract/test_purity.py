"""A résumé is a pure function of the input and the options (issue 14).

The same file read twice in one process, or after other files in other languages (with or
without a language hint), gives the same résumé and the same report: nothing one call learns
changes the next, as a batch needs.
"""

from __future__ import annotations

import copy
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

from cvconvert.extract import Line, extract
from cvconvert.model import Resume
from cvconvert.report import Report
from tests.conftest import shared_files

Reader = Callable[..., "tuple[Resume, Report]"]


def _outcome(result: tuple[Resume, Report]) -> tuple[dict[str, Any], list[str]]:
    resume, report = result
    return resume.to_data(), [str(note) for note in report.notes]


def _read_in_orders(files: list[Path], read: Reader) -> None:
    """Each file read first alone, then after all the others (forwards and backwards, with and
    without hints), gives the same outcome every time."""
    first = {path: _outcome(read(path.read_bytes())) for path in files}
    hints = ("de", "pl", "ru", "zh", "fr", None)
    for turn, order in enumerate((files[::-1], files)):
        for i, path in enumerate(order):
            # Another file read just before, with some other language's hint.
            other = order[i - 1]
            read(other.read_bytes(), lang=hints[(i + turn) % len(hints)])
            assert _outcome(read(path.read_bytes())) == first[path], path.name


DOCX = shared_files("corpus/docx", "*.docx")
PDF = shared_files("corpus/pdf", "*.pdf")


@pytest.mark.skipif(not DOCX, reason="../shared/corpus/docx not available")
def test_docx_corpus_reads_the_same_whatever_was_read_before() -> None:
    pytest.importorskip("lxml")
    from cvconvert.formats._docx.order import extract as read_docx

    _read_in_orders(DOCX, read_docx)


@pytest.mark.skipif(not PDF, reason="../shared/corpus/pdf not available")
def test_pdf_corpus_reads_the_same_whatever_was_read_before() -> None:
    pytest.importorskip("pypdfium2")
    from cvconvert.formats._pdf.text import extract as read_pdf

    _read_in_orders(PDF, read_pdf)


# --- synthetic: documents in several languages, read in turns -----------------------------------


def _doc(*texts: str) -> list[Line]:
    return [Line(t, bold=t.isupper(), level=0 if i == 0 else None) for i, t in enumerate(texts)]


_DOCS = {
    "en": _doc("Jan Example", "WORK EXPERIENCE", "Example Company Ltd\tlipiec 2019 – 2021", "Engineer"),
    "pl": _doc("Jan Kowalski", "DOŚWIADCZENIE ZAWODOWE", "Firma Przykład sp. z o.o.\tlipiec 2019 – luty 2021"),
    "de": _doc("Jana Beispiel", "BERUFSERFAHRUNG", "Beispiel GmbH\tMärz 2019 – heute", "Entwicklerin"),
    "ru": _doc("Иван Пример", "ОПЫТ РАБОТЫ", "ООО «Пример»\tмарт 2018 – июль 2020", "Инженер"),
    "fr": _doc("Jeanne Exemple", "EXPÉRIENCE PROFESSIONNELLE", "Exemple SA\tjanvier 2017 – août 2019"),
    "zh": _doc("王小明", "工作经历", "示例科技有限公司\t2019年3月 - 至今", "工程师"),
}


def _read(lines: list[Line], lang: str | None = None) -> tuple[dict[str, Any], list[str]]:
    return _outcome(extract(lines, lang=lang))


def test_documents_in_other_languages_read_before_change_nothing() -> None:
    alone = {key: _read(lines) for key, lines in _DOCS.items()}
    hinted = {key: _read(lines, key) for key, lines in _DOCS.items()}
    for key, lines in [*_DOCS.items()][::-1]:
        for other, other_lines in _DOCS.items():
            _read(other_lines, other)  # another language's hint, for that call only
            assert _read(lines) == alone[key], (key, other)
            assert _read(lines, key) == hinted[key], (key, other)


def test_a_hint_is_not_learnt_for_the_next_call() -> None:
    # "lipiec" is July only in Polish: the Polish hint must not make it a month for the next call.
    english = _DOCS["en"]
    before = _read(english)
    _read(_DOCS["pl"], "pl")
    assert _read(english) == before


def test_the_engine_leaves_its_input_lines_unchanged() -> None:
    # A front-end may keep its lines (diagnostics, a second read): the rules must not edit them.
    for lines in _DOCS.values():
        kept = copy.deepcopy(lines)
        extract(lines)
        assert lines == kept
