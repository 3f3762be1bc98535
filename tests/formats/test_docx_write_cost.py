"""The DOCX writer's shortcuts for speed (a batch writes thousands) give what the plain way gives."""

from __future__ import annotations

import io
import json
import subprocess
import sys
import zipfile
import zlib

from hypothesis import given, settings
from hypothesis import strategies as st

import cvconvert
from cvconvert.formats._docx import i18n, package
from cvconvert.model import Resume


@given(st.binary(max_size=40_000) | st.text(max_size=20_000).map(lambda t: t.encode("utf-8", "surrogatepass")))
@settings(max_examples=150, deadline=None)
def test_a_member_inflates_to_its_bytes_and_is_no_bigger_than_with_zlibs_full_window(data: bytes) -> None:
    member = package.deflate("word/x.xml", data)
    assert zlib.decompress(member.data, -15) == data
    assert member.crc == zlib.crc32(data) and member.size == len(data)
    full = zlib.compressobj(package.PER_RESUME_LEVEL, zlib.DEFLATED, -15)
    # A small part's window holds all of it: no match is lost (its smaller hash table may cost a byte or two).
    assert len(member.data) <= len(full.compress(data) + full.flush()) + 8
    with zipfile.ZipFile(io.BytesIO(package.build_zip([member]))) as archive:
        assert archive.read("word/x.xml") == data


def test_a_part_many_resumes_share_is_compressed_once_and_the_cache_stays_small() -> None:
    first = package.deflate_repeated("docProps/core.xml", b"<core>en-US</core>")
    assert package.deflate_repeated("docProps/core.xml", b"<core>en-US</core>") is first
    assert package.deflate_repeated("docProps/core.xml", b"<core>de-DE</core>") is not first
    for n in range(500):
        package.deflate_repeated("word/header1.xml", f"<hdr>{n}</hdr>".encode())
    assert len(package._repeated) <= 64


def test_dates_are_written_once_per_language_and_the_memory_of_them_is_bounded() -> None:
    lang = i18n.language("de")
    assert lang.date("2017-09") == lang._date("2017-09") == "Sept. 2017"
    assert lang.date("2017-09") == "Sept. 2017"  # from the memory: the same text
    for year in range(1000, 10_000):
        lang.date(f"{year}-03")
    assert len(lang._written) <= i18n._WRITTEN_MAX
    assert lang.date("not a date") == "not a date" and lang.date("2019") == "2019"


def test_a_bullet_the_page_cannot_show_whole_is_reported_as_any_other_field_is() -> None:
    # One rule for every shown value (one helper): what the page cannot hold, a value that is no
    # text; French spacing of a value's own no-break space is typography, not a value kept.
    resume = Resume.model_validate(
        {
            "basics": {"name": "Ada Example"},
            "work": [
                {
                    "name": "Northwind Ltd",
                    "summary": "Paris\u00a0Est : ventes",
                    "highlights": ["Paris\u00a0Est : ventes", "a\x0bb", "plain"],
                }
            ],
        }
    )
    data, report = cvconvert.dumps(resume, "docx", lang="fr")
    assert [(n.kind, n.path, n.message) for n in report] == [
        (
            "hidden",
            "/work/0/highlights/1",
            "characters a Word page cannot hold (control characters, CR): kept in the data part",
        )
    ]
    assert cvconvert.read(data, "docx").to_data() == resume.to_data()
    _, lost = cvconvert.dumps(resume, "docx", lang="fr", embed=False)
    assert [(n.kind, n.path) for n in lost] == [("loss", "/work/0/highlights/1")]


def test_a_resumes_bytes_do_not_depend_on_what_was_written_before() -> None:
    # The writer keeps run properties, separators, dates and shared parts across résumés (per
    # template and language): each résumé's bytes must be those a fresh process writes.
    resumes = [
        {"basics": {"name": "Ada Example", "summary": "Plain text & <tags> : fin."}},
        {"basics": {"name": "王小明", "label": "工程师"}, "work": [{"name": "北风公司", "startDate": "2020-01"}]},
        {"basics": {"name": "דנה לוי"}, "work": [{"name": "Northwind Ltd", "highlights": ["a · b", "x\x0by"]}]},
    ]
    written = {}
    for i in (2, 0, 1, 0, 2, 1):
        data = cvconvert.dumps(Resume.model_validate(resumes[i]), "docx", lang="fr")[0]
        assert written.setdefault(i, data) == data
    code = (
        "import sys, json, cvconvert\n"
        "for data in json.loads(sys.stdin.read()):\n"
        "    out = cvconvert.dumps(cvconvert.Resume.model_validate(data), 'docx', lang='fr')[0]\n"
        "    sys.stdout.write(out.hex() + '\\n')\n"
    )
    fresh = subprocess.run(
        [sys.executable, "-c", code], input=json.dumps(resumes[::-1]), capture_output=True, check=True, text=True
    ).stdout.split()
    assert [bytes.fromhex(h) for h in fresh] == [written[i] for i in (2, 1, 0)]


@given(st.lists(st.binary(max_size=300), min_size=1, max_size=6), st.integers(min_value=0, max_value=6))
@settings(max_examples=50, deadline=None)
def test_a_zip_after_members_laid_out_once_is_the_zip_of_all_of_them(parts: list[bytes], split: int) -> None:
    members = [package.deflate(f"part{n}.xml", data) for n, data in enumerate(parts)]
    head, tail = members[:split], members[split:]
    assert package.build_zip(tail, package.pack(head)) == package.build_zip(members)
    with zipfile.ZipFile(io.BytesIO(package.build_zip(tail, package.pack(head)))) as archive:
        assert [archive.read(m.name) for m in members] == parts


def test_a_resumes_bytes_do_not_depend_on_the_xml_prefixes_another_library_registered() -> None:
    # Regression: openpyxl (read or written before in a batch) registers lxml prefixes for the
    # whole process, and the running header's reference came out as "r:id" instead of "ns1:id".
    code = (
        "import sys, cvconvert\n"
        "if sys.argv[1] == 'xlsx':\n"
        "    import openpyxl  # noqa: F401\n"
        "resume = cvconvert.Resume.model_validate({'basics': {'name': 'Ada Example'}})\n"
        "sys.stdout.write(cvconvert.dumps(resume, 'docx', lang='fr')[0].hex())\n"
    )
    written = [
        subprocess.run([sys.executable, "-c", code, first], capture_output=True, check=True, text=True).stdout
        for first in ("nothing", "xlsx")
    ]
    assert written[0] == written[1]
