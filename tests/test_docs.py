"""The README stays true: its formats table matches the registry, its commands exist."""

from __future__ import annotations

import re

import cvconvert
from tests.conftest import ROOT

README = (ROOT / "README.md").read_text(encoding="utf-8")


def _table_rows() -> list[tuple[list[str], set[str], bool, bool]]:
    """(format names, extensions, reads, writes) per row of the README's formats table."""
    rows = []
    section = README.split("## Formats", 1)[1].split("\n## ", 1)[0]
    for line in section.splitlines():
        cells = [c.strip() for c in line.strip().strip("|").split("|")]
        if len(cells) >= 4 and cells[0].startswith("`"):
            names = re.findall(r"`([\w-]+)`", cells[0])
            rows.append((names, set(re.findall(r"`(\.[\w.]+)`", cells[1])), cells[2] == "yes", cells[3] == "yes"))
    return rows


def test_readme_formats_table_matches_the_registry() -> None:
    registry = cvconvert.available_formats()
    rows = _table_rows()
    assert sorted(n for names, *_ in rows for n in names) == sorted(registry)
    for names, exts, reads, writes in rows:
        fmts = [registry[n] for n in names]
        assert exts == {e for f in fmts for e in f.extensions}, names
        assert all((f.read is not None) == reads and (f.write is not None) == writes for f in fmts), names


def test_readme_opens_with_the_two_commands() -> None:
    quick = README.split("## Quick start", 1)[1].split("\n## ", 1)[0]
    commands = re.findall(r"```sh\n(.+?)\n```", quick)
    assert commands[0].endswith("cvconvert samples/wanru-zhao.json cv.docx")
    assert "pip install -e '.[test]'" in commands[1] and "python -m pytest -q -n 2" in commands[1]
    ci = (ROOT / ".ci" / "run").read_text()
    assert "pip install -q -e '.[test]'" in ci and "python -m pytest -q -n 2" in ci


def _size(text: str) -> int:
    number, _, unit = text.replace(",", "").partition(" ")
    return int(number) * {"": 1, "MB": 2**20, "GB": 2**30}[unit.strip()]


def test_security_limits_table_is_the_limits_in_force() -> None:
    # SECURITY.md is a promise: its table must name every limit, with the default in force.
    import dataclasses

    from cvconvert.limits import Limits

    security = (ROOT / "SECURITY.md").read_text(encoding="utf-8")
    table = security.split("## Limits", 1)[1].split("\n## ", 1)[0]
    documented = {
        cells[0].strip("`"): _size(cells[1])
        for line in table.splitlines()
        if line.startswith("| `")
        for cells in [[c.strip() for c in line.strip().strip("|").split("|")]]
    }
    assert documented == {f.name: f.default for f in dataclasses.fields(Limits)}
    assert "1 GiB" in security and "60 s" in security
