"""Hostile input against every reader: each ends in one line or a correct result, safely.

Every file is built here (no bomb is committed) and converted by the real command in a
subprocess with an address-space limit and a timeout, while a canary server on 127.0.0.1
records any connection. A case passes when the command exits 0 (a correct result) or 1 with
one line on stderr naming the file, without a traceback, in bounded time and memory, with no
connection made and no local file's content in the output.
"""

from __future__ import annotations

import io
import json
import resource
import subprocess
import sys
import time
import zipfile
from collections.abc import Callable
from pathlib import Path

import pytest

from tests.canary import canary
from tests.conftest import SAMPLES
from tests.helpers import zip_of

SECRET = Path("/etc/hostname") if Path("/etc/hostname").is_file() else Path("/etc/passwd")
MEMORY_LIMIT = 3 * 2**30
TIME_LIMIT = 90


def _limit_memory() -> None:
    resource.setrlimit(resource.RLIMIT_AS, (MEMORY_LIMIT, MEMORY_LIMIT))


def convert(path: Path, *args: str) -> tuple[int, str, bytes | None, float]:
    """Run ``cvconvert [args] path out.json``: exit code, stderr, output bytes, seconds."""
    out = path.with_name(path.name + ".out.json")
    start = time.monotonic()
    proc = subprocess.run(
        [sys.executable, "-m", "cvconvert", *args, str(path), str(out)],
        capture_output=True,
        text=True,
        timeout=TIME_LIMIT,
        preexec_fn=_limit_memory,
    )
    return proc.returncode, proc.stderr, out.read_bytes() if out.exists() else None, time.monotonic() - start


def assert_safe(path: Path, *args: str, canary_hits: list[bytes] | None = None) -> tuple[int, str]:
    code, err, output, seconds = convert(path, *args)
    assert "Traceback" not in err, err[-2000:]
    assert code in (0, 1), (code, err[-500:])
    if code == 1:
        assert len(err.strip().splitlines()) == 1, err
        assert err.startswith("error: ") and str(path) in err
        assert output is None
    if output is not None:
        assert SECRET.read_bytes().strip() not in output
    assert seconds < TIME_LIMIT
    if canary_hits is not None:
        assert canary_hits == []
    return code, err


# --- XML ---------------------------------------------------------------------------------

LAUGHS = "\n".join(
    ['<!DOCTYPE lolz [<!ENTITY lol0 "lol">']
    + [f'<!ENTITY lol{i} "{f"&lol{i - 1};" * 10}">' for i in range(1, 10)]
    + ["]>"]
)


def xml_cases(url: str) -> dict[str, str]:
    """Hostile XML documents by name; ``{root}`` is filled with each reader's root element."""
    blob = "x" * 100_000
    return {
        "billion-laughs": f"{LAUGHS}\n<{{root}}>&lol9;</{{root}}>",
        "quadratic": f'<!DOCTYPE q [<!ENTITY a "{blob}">]>\n<{{root}}>{"&a;" * 20_000}</{{root}}>',
        "xxe-file": f'<!DOCTYPE x [<!ENTITY s SYSTEM "file://{SECRET}">]>\n<{{root}}>&s;</{{root}}>',
        "xxe-url": f'<!DOCTYPE x [<!ENTITY s SYSTEM "{url}/xxe">]>\n<{{root}}>&s;</{{root}}>',
        "external-dtd": f'<!DOCTYPE x SYSTEM "{url}/evil.dtd">\n<{{root}}>text</{{root}}>',
        "parameter-entity": f'<!DOCTYPE x [<!ENTITY % p SYSTEM "{url}/p.dtd"> %p;]>\n<{{root}}/>',
        "deep": "<{root}>" + "<a>" * 100_000 + "</a>" * 100_000 + "</{root}>",
    }


XML_ROOTS = {
    "europass": '<Candidate xmlns="http://www.europass.eu/1.0"',
    "europass-v3": '<SkillsPassport xmlns="http://europass.cedefop.europa.eu/Europass"',
    "rdfxml": '<rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#"',
}


@pytest.mark.parametrize("fmt", sorted(XML_ROOTS))
@pytest.mark.parametrize(
    "case", ["billion-laughs", "quadratic", "xxe-file", "xxe-url", "external-dtd", "parameter-entity", "deep"]
)
def test_hostile_xml(fmt: str, case: str, tmp_path: Path) -> None:
    with canary() as (url, hits):
        opening = XML_ROOTS[fmt]
        tag = opening[1:].split()[0]
        text = xml_cases(url)[case].replace("<{root}>", opening + ">").replace("<{root}/>", opening + "/>")
        text = text.replace("</{root}>", f"</{tag}>")
        path = tmp_path / f"{case}.xml"
        path.write_text('<?xml version="1.0"?>\n' + text)
        code, err = assert_safe(path, "--from", fmt, canary_hits=hits)
    if case != "deep":
        assert code == 1 and ("DTD" in err or "DOCTYPE" in err), err


# --- zip packages --------------------------------------------------------------------------


def _own(fmt: str) -> bytes:
    import cvconvert

    return cvconvert.dumps(cvconvert.read(SAMPLES / "wanru-zhao.json"), fmt)[0]


def _bomb_member(size: int) -> bytes:
    """A zip whose one member inflates to ``size`` zero bytes (compressed about 1000:1)."""
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as package:
        with package.open("word/document.xml", "w") as member:
            chunk = b"\0" * 2**20
            for _ in range(size // len(chunk)):
                member.write(chunk)
    return out.getvalue()


def _with_member(data: bytes, name: str, body: bytes) -> bytes:
    with zipfile.ZipFile(io.BytesIO(data)) as package:
        members = {i.filename: package.read(i) for i in package.infolist()}
    members[name] = body
    return zip_of(members)


def _lying_sizes(data: bytes) -> bytes:
    """The same package with every member's size in the central directory understated."""
    buf = bytearray(data)
    offset = buf.rfind(b"PK\x05\x06")
    count = int.from_bytes(buf[offset + 10 : offset + 12], "little")
    pos = int.from_bytes(buf[offset + 16 : offset + 20], "little")
    for _ in range(count):
        buf[pos + 24 : pos + 28] = (10).to_bytes(4, "little")  # uncompressed size
        name_len, extra_len, comment_len = (int.from_bytes(buf[pos + i : pos + i + 2], "little") for i in (28, 30, 32))
        pos += 46 + name_len + extra_len + comment_len
    return bytes(buf)


ZIP_CASES: dict[str, Callable[[str], bytes]] = {
    "bomb-one-member": lambda fmt: _bomb_member(40 * 2**20),
    "bomb-many-members": lambda fmt: zip_of({f"m{i}.xml": b"" for i in range(60)}, zipfile.ZIP_STORED),
    "bomb-total": lambda fmt: zip_of({f"part{i}.xml": b"\0" * (8 * 2**20) for i in range(5)}),
    "dotdot-name": lambda fmt: _with_member(_own(fmt), "../../evil.xml", b"<x/>"),
    "absolute-name": lambda fmt: _with_member(_own(fmt), "/etc/evil.xml", b"<x/>"),
    "truncated": lambda fmt: _own(fmt)[: len(_own(fmt)) // 2],
    "corrupt": lambda fmt: _own(fmt)[:200] + bytes(b ^ 0x5A for b in _own(fmt)[200:400]) + _own(fmt)[400:],
    "lying-sizes": lambda fmt: _lying_sizes(_own(fmt)),
    "ole": lambda fmt: b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\0" * 4096,
    "empty": lambda fmt: b"",
    "no-main-part": lambda fmt: zip_of({"[Content_Types].xml": b"<Types/>"}),
    "xxe-in-member": lambda fmt: _with_member(
        _own(fmt),
        "word/document.xml" if fmt == "docx" else "xl/sharedStrings.xml",
        f'<?xml version="1.0"?><!DOCTYPE x [<!ENTITY s SYSTEM "file://{SECRET}">]><x>&s;</x>'.encode(),
    ),
    "laughs-in-member": lambda fmt: _with_member(
        _own(fmt),
        "word/document.xml" if fmt == "docx" else "xl/workbook.xml",
        f'<?xml version="1.0"?>{LAUGHS}<x>&lol9;</x>'.encode(),
    ),
}

# Tight limits for the zip cases, so that bombs stay small enough to build in a test.
ZIP_LIMITS = ("--limit", "max_member_bytes=10MB", "--limit", "max_package_bytes=30MB", "--limit", "max_members=50")


@pytest.mark.parametrize("fmt", ["docx", "xlsx"])
@pytest.mark.parametrize("case", sorted(ZIP_CASES))
def test_hostile_zip(fmt: str, case: str, tmp_path: Path) -> None:
    path = tmp_path / f"{case}.{fmt}"
    path.write_bytes(ZIP_CASES[case](fmt))
    code, err = assert_safe(path, *ZIP_LIMITS)
    if case.startswith(("bomb", "ole", "empty", "truncated", "no-main", "dotdot", "absolute")):
        assert code == 1, f"{case} was accepted"
    if case.startswith("bomb"):
        assert "limit" in err
    if code == 0:
        # Damage in a part the reader does not need may go unnoticed: the result must then be
        # exactly what the undamaged file gives.
        clean = tmp_path / f"clean.{fmt}"
        clean.write_bytes(_own(fmt))
        assert convert(clean)[2] == path.with_name(path.name + ".out.json").read_bytes()


def test_default_limits_refuse_a_bomb_past_them(tmp_path: Path) -> None:
    path = tmp_path / "bomb.docx"
    path.write_bytes(_bomb_member(120 * 2**20))  # past the default 100 MB per member
    code, err = assert_safe(path)
    assert code == 1 and "limit 104,857,600" in err


# --- JSON, YAML, JSON-LD, HTML ----------------------------------------------------------------


def test_jsonld_remote_context_is_refused_not_fetched(tmp_path: Path) -> None:
    with canary() as (url, hits):
        for i, doc in enumerate(
            [
                {"@context": f"{url}/context.jsonld", "@type": "Person", "name": "A"},
                {"@context": [{"@import": f"{url}/import.jsonld"}], "@type": "Person", "name": "A"},
                {
                    "@context": {"@vocab": "http://schema.org/", "x": {"@id": "x", "@context": f"{url}/c"}},
                    "@type": "Person",
                    "name": "A",
                    "x": {"y": 1},
                },
            ]
        ):
            path = tmp_path / f"remote{i}.jsonld"
            path.write_text(json.dumps(doc))
            code, err = assert_safe(path, canary_hits=hits)
            assert code == 1, err
        page = tmp_path / "page.html"
        page.write_text(
            f'<html><script type="application/ld+json">{{"@context": "{url}/ctx", "@type": "Person"}}</script></html>'
        )
        assert assert_safe(page, canary_hits=hits)[0] == 1


@pytest.mark.parametrize(
    ("name", "data"),
    [
        ("deep.json", b"[" * 200_000 + b"]" * 200_000),
        ("deep-object.json", b'{"a":' * 100_000 + b"1" + b"}" * 100_000),
        ("deep.jsonld", b'{"@context": "https://schema.org", "x": ' + b"[" * 100_000),
        ("bad-utf8.json", b'{"basics": {"name": "\xc0\xaf"}}'),
        ("bad-utf8.yaml", b"basics:\n  name: \xc0\xaf\n"),
        ("empty.yaml", b""),
        ("huge-key.json", b'{"' + b"k" * (20 * 2**20) + b'": 1}'),
        (
            "laughs.yaml",
            b"a: &a [x,x,x,x,x,x,x,x,x]\n"
            + b"".join(
                f"{chr(98 + i)}: &{chr(98 + i)} [{', '.join([f'*{chr(97 + i)}'] * 9)}]\n".encode() for i in range(9)
            ),
        ),
        ("python-tag.yaml", b"basics: !!python/object/apply:os.system ['true']\n"),
        ("nul.json", b'{"basics": {"name": "a\\u0000b"}}'),
    ],
)
def test_hostile_text_formats(name: str, data: bytes, tmp_path: Path) -> None:
    path = tmp_path / name
    path.write_bytes(data)
    assert_safe(path)


def test_huge_string_reads_correctly(tmp_path: Path) -> None:
    path = tmp_path / "huge.json"
    path.write_text(json.dumps({"basics": {"summary": "é" * (9 * 2**20)}}, ensure_ascii=False))  # 18 MB of UTF-8
    code, _, output, _ = convert(path)
    assert code == 0 and output is not None and len(output) > 18 * 2**20


# --- extensions that lie ---------------------------------------------------------------------


@pytest.mark.parametrize(
    ("real", "named"),
    [("docx", "json"), ("xlsx", "docx"), ("json", "docx"), ("yaml", "xlsx"), ("europass", "jsonld"), ("docx", "xml")],
)
def test_an_extension_that_lies_is_one_line_or_read_for_what_it_is(real: str, named: str, tmp_path: Path) -> None:
    path = tmp_path / f"cv.{named}"
    path.write_bytes(_own(real))
    assert_safe(path)
