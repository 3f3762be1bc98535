"""Fuzzing every reader with mutated real files: only CvConvertError may escape, in bounded time.

Seeds are our own writers' output for every sample and, where ../shared is present, the real
files of the corpus and the reference examples. Mutations flip, cut, insert and repeat bytes;
for zip packages (DOCX, XLSX) they also mutate a member's XML and re-pack it, so that the
parsers behind the zip layer are reached too.
"""

from __future__ import annotations

import io
import time
import zipfile
from functools import cache

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

import cvconvert
from cvconvert.errors import CvConvertError
from tests.conftest import SHARED, sample_files

READERS = sorted(name for name, fmt in cvconvert.available_formats().items() if fmt.read is not None)

# Real files by the format that reads them (read from ../shared, never copied).
SHARED_SEEDS = {
    "docx": ("corpus/docx", "*.docx"),
    "xlsx": ("corpus/xlsx", "*.xlsx"),
    "json": ("corpus/jsonresume", "*.json"),
    "europass": ("reference/europass/candidate-2020/examples", "*.xml"),
    "europass-v3": ("reference/europass/legacy-v3/examples", "*.xml"),
    "europass-pdf": ("reference/europass", "**/*.pdf"),
    "pdf": ("corpus/pdf", "*.pdf"),
}


@cache
def seeds(fmt: str) -> tuple[bytes, ...]:
    found: list[bytes] = []
    writer = cvconvert.available_formats()[fmt].write
    if writer is not None:
        for path in sample_files():
            found.append(cvconvert.dumps(cvconvert.read(path), fmt)[0])
    if fmt in SHARED_SEEDS:
        folder, pattern = SHARED_SEEDS[fmt]
        paths = sorted((SHARED / folder).glob(pattern))[:8]
        found += [p.read_bytes() for p in paths if p.stat().st_size < 3_000_000]
    if fmt == "text":
        # A pasted CV: the sample's JSON as lines of text, headings and bullets.
        data = cvconvert.read(sample_files()[0]).to_data()
        lines = [f"# {data['basics']['name']}", ""] + [
            f"## {key}\n" + "\n".join(f"- {entry}" for entry in value)
            for key, value in data.items()
            if isinstance(value, list)
        ]
        found.append("\n".join(lines).encode())
    if fmt == "europass-v2":
        from tests.formats.test_europass_v2 import V2

        found.append(V2.encode())
    if fmt == "linkedin":
        from tests.helpers import zip_of

        found.append(
            zip_of(
                {
                    "Profile.csv": b'First Name,Last Name,Headline,Geo Location\nAda,Lovelace,Analyst,"London, UK"\n',
                    "Positions.csv": b"Company Name,Title,Started On,Finished On\nEngines,Analyst,Mar 1842,1843\n",
                }
            )
        )
    if fmt == "html":
        jsonld = cvconvert.dumps(cvconvert.read(sample_files()[0]), "jsonld")[0].decode()
        found.append(f'<html><script type="application/ld+json">{jsonld}</script></html>'.encode())
    return tuple(found)


# Edits are drawn as small tuples and applied afterwards, so that a failing example prints
# the edits and the seed's index, never the seed's bytes (real files hold personal data).
OPS = st.tuples(
    st.sampled_from(["flip", "cut", "insert", "repeat", "truncate"]),
    st.floats(0, 1, exclude_max=True),
    st.integers(1, 255),
)
INSERTS = [b"<", b"&", b'"', b"{", b"]]>", b"\x00", b"\xff", b"&lol;", b"[" * 50, b"<!DOCTYPE x>"]


def apply_ops(data: bytes, ops: list[tuple[str, float, int]]) -> bytes:
    buf = bytearray(data)
    for op, where, n in ops:
        if not buf:
            break
        i = int(where * len(buf))
        if op == "flip":
            buf[i] ^= n
        elif op == "cut":
            del buf[i : i + n // 4 + 1]
        elif op == "insert":
            buf[i:i] = INSERTS[n % len(INSERTS)]
        elif op == "repeat":
            buf[i:i] = bytes(buf[i : i + n]) * (2 + n % 19)
        else:
            del buf[i:]
    return bytes(buf)


def mutate_member(data: bytes, member: float, ops: list[tuple[str, float, int]]) -> bytes:
    """Apply the edits to one XML member of a zip package and pack it again."""
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as package:
            members = [(info.filename, package.read(info)) for info in package.infolist()]
    except (zipfile.BadZipFile, OSError, ValueError):
        return apply_ops(data, ops)
    xml = [i for i, (name, _) in enumerate(members) if name.endswith((".xml", ".rels"))]
    if not xml:
        return apply_ops(data, ops)
    target = xml[int(member * len(xml))]
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as package:
        for i, (name, body) in enumerate(members):
            package.writestr(name, apply_ops(body, ops) if i == target else body)
    return out.getvalue()


@pytest.mark.parametrize("fmt", READERS)
@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(
    seed=st.integers(0, 10**6),
    inside=st.booleans(),
    member=st.floats(0, 1, exclude_max=True),
    ops=st.lists(OPS, min_size=1, max_size=4),
)
def test_reader_survives_mutated_real_files(
    fmt: str, seed: int, inside: bool, member: float, ops: list[tuple[str, float, int]]
) -> None:
    pool = seeds(fmt)
    if not pool:
        pytest.skip(f"no seed for {fmt}")
    original = pool[seed % len(pool)]
    sample = mutate_member(original, member, ops) if inside and original.startswith(b"PK") else apply_ops(original, ops)
    found = cvconvert.available_formats()[fmt]
    reader, options = found.read, found.read_options()
    assert reader is not None
    start = time.perf_counter()
    try:
        reader(sample, options)  # the format's own reader: the API's safety net must not hide its bugs
    except CvConvertError as exc:
        assert "\n" not in str(exc)
    assert time.perf_counter() - start < 20, "a reader took too long on a mutated file"
