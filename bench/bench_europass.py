"""Europass read and write speed, against JSON on the same résumés in the same run.

    python bench/bench_europass.py [--repeat 30]

For each sample in samples/ (and the portal's real export from ../shared when present),
times writing and reading the current Candidate XML and the legacy V3 XML, and writing and
reading JSON as the baseline. Prints the median time per call (milliseconds) and the ratio
to JSON, then the share of leaf fields that come back unchanged from JSON -> Europass -> JSON
over the samples and the corpus (the rest is named in the loss report). XML work (lxml
build and parse, rich-text HTML, code-list look-ups) is expected to cost a small multiple of
JSON; a ratio growing with document size would point at quadratic work.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from _timing import median_ms, resumes_in  # noqa: E402

import cvconvert  # noqa: E402
from cvconvert.formats import _europass, _json  # noqa: E402
from cvconvert.model import Resume  # noqa: E402
from cvconvert.options import ReadOptions  # noqa: E402

READ, WRITE = ReadOptions(), _europass.EuropassWriteOptions()

EXPORT = ROOT.parent / "shared" / "reference" / "europass" / "candidate-2020" / "examples" / "FATelarico-sample.xml"


def bench(name: str, resume: Resume, repeat: int) -> None:
    json_bytes = _json.FORMAT.write(resume, _json.FORMAT.write_options())[0]  # type: ignore[misc]
    json_write = median_ms(lambda: _json.FORMAT.write(resume, _json.FORMAT.write_options()), repeat=repeat)  # type: ignore[misc]
    json_read = median_ms(lambda: _json.FORMAT.read(json_bytes, READ), repeat=repeat)  # type: ignore[misc]
    for label, writer in (("europass", _europass.write_candidate), ("europass-v3", _europass.write_v3)):
        data = writer(resume, WRITE)[0]
        write = median_ms(lambda w=writer: w(resume, WRITE), repeat=repeat)  # type: ignore[misc]
        read = median_ms(lambda d=data: _europass.read_xml(d, READ), repeat=repeat)  # type: ignore[misc]
        print(
            f"{name:<22} {label:<12} write {write:7.2f} ms ({write / json_write:5.1f}x json {json_write:.2f} ms)"
            f"   read {read:7.2f} ms ({read / json_read:5.1f}x json {json_read:.2f} ms)   {len(data):,} bytes"
        )


def _leaves(value: object, path: str = "") -> list[str]:
    if isinstance(value, dict):
        return [p for k, v in value.items() for p in _leaves(v, f"{path}/{k}")]
    if isinstance(value, list):
        return [p for i, v in enumerate(value) for p in _leaves(v, f"{path}/{i}")] or [path]
    return [path]


def fidelity(paths: list[Path]) -> None:
    """Share of leaf fields that come back unchanged after JSON -> Europass -> JSON, per format."""
    resumes = [cvconvert.read(p) for p in paths]
    for label, writer in (("europass", _europass.write_candidate), ("europass-v3", _europass.write_v3)):
        total = kept = 0
        for resume in resumes:
            before = resume.to_data()
            back = _europass.read_xml(writer(resume, WRITE)[0], READ)[0].to_data()
            for leaf in _leaves(before):
                total += 1
                value: object = back
                for part in leaf.split("/")[1:]:
                    if isinstance(value, dict):
                        value = value.get(part, KeyError)
                    elif isinstance(value, list) and part.isdigit() and int(part) < len(value):
                        value = value[int(part)]
                    else:
                        value = KeyError
                original: object = before
                for part in leaf.split("/")[1:]:
                    original = original[part] if isinstance(original, dict) else original[int(part)]  # type: ignore[index]
                kept += value == original
        print(
            f"fidelity {label:<12} {kept:,} of {total:,} leaf fields unchanged ({kept / total:.1%})"
            f" over {len(paths)} files"
        )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--repeat", type=int, default=30)
    args = parser.parse_args()
    for path in sorted((ROOT / "samples").glob("*.json")):
        bench(path.stem, cvconvert.read(path), args.repeat)
    if EXPORT.exists():
        bench("portal export", _europass.read_xml(EXPORT.read_bytes(), READ)[0], args.repeat)
    corpus = resumes_in(sorted((ROOT.parent / "shared" / "corpus" / "jsonresume").glob("*.json")))
    fidelity(sorted((ROOT / "samples").glob("*.json")))
    if corpus:
        fidelity(corpus)


if __name__ == "__main__":
    main()
