"""Benchmark: JSON-LD write and read per résumé, against rdflib alone on the same graph.

Run: .venv/bin/python bench/bench_jsonld.py [--repeat N] [--no-profile]

For each résumé (samples/*.json and, when present, ../shared/corpus/jsonresume/*.json):
- write: cvconvert.dumps(resume, "jsonld"), i.e. build the graph with rdflib and compact it;
- read: cvconvert.read(bytes, "jsonld"), i.e. inline the context, rdflib's parse, the mapping walk;
- baseline write: rdflib serialising the same graph as JSON-LD (its own flat form);
- baseline read: rdflib parsing our JSON-LD (context already inline) into a graph, nothing more.
The medians over résumés of the per-résumé medians are printed with their ratios, then a
cProfile of one write and one read of every résumé, to show where the time goes.
"""

from __future__ import annotations

import argparse
import cProfile
import json
import pstats
import statistics
import sys
import warnings
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from _timing import median_ms, resumes_in  # noqa: E402

import cvconvert  # noqa: E402
from cvconvert.formats._jsonld.build import build  # noqa: E402
from cvconvert.formats._jsonld.context import inline  # noqa: E402


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--repeat", type=int, default=5)
    parser.add_argument("--no-profile", action="store_true")
    args = parser.parse_args()

    import rdflib

    warnings.simplefilter("ignore", DeprecationWarning)
    paths = sorted((ROOT / "samples").glob("*.json"))
    corpus = ROOT.parent / "shared" / "corpus" / "jsonresume"
    paths += sorted(corpus.glob("*.json")) if corpus.is_dir() else []
    resumes = [cvconvert.read(p) for p in resumes_in(paths)]
    print(f"{len(resumes)} résumés, {args.repeat} runs each; rdflib {rdflib.__version__}")

    rows: dict[str, list[float]] = {"write": [], "read": [], "base_write": [], "base_read": [], "triples": []}
    for resume in resumes:
        data, _ = cvconvert.dumps(resume, "jsonld")
        graph, _ = build(resume)
        inline_text = json.dumps(inline(json.loads(data)))
        rows["triples"].append(len(graph))
        rows["write"].append(
            median_ms(lambda r=resume: cvconvert.dumps(r, "jsonld"), repeat=args.repeat, warm_up=False)
        )
        rows["read"].append(median_ms(lambda d=data: cvconvert.read(d, "jsonld"), repeat=args.repeat, warm_up=False))
        rows["base_write"].append(
            median_ms(lambda g=graph: g.serialize(format="json-ld"), repeat=args.repeat, warm_up=False)
        )
        rows["base_read"].append(
            median_ms(
                lambda t=inline_text: rdflib.Graph().parse(data=t, format="json-ld"), repeat=args.repeat, warm_up=False
            )
        )

    med = {k: statistics.median(v) for k, v in rows.items()}
    print(f"triples per résumé: median {med['triples']:.0f}, max {max(rows['triples']):.0f}")
    print(f"{'per résumé (median ms)':<34}{'cvconvert':>10}{'rdflib':>10}{'ratio':>8}")
    for name in ("write", "read"):
        base = med["base_" + name]
        print(f"{'JSON-LD ' + name:<34}{med[name]:>10.2f}{base:>10.2f}{med[name] / base:>8.2f}")
    total_ours = sum(rows["write"]) + sum(rows["read"])
    total_base = sum(rows["base_write"]) + sum(rows["base_read"])
    print(
        f"{'all résumés, write + read (ms)':<34}{total_ours:>10.1f}{total_base:>10.1f}{total_ours / total_base:>8.2f}"
    )
    for fmt in ("turtle", "ntriples", "rdfxml"):
        w = statistics.median(
            median_ms(lambda r=r, f=fmt: cvconvert.dumps(r, f), repeat=3, warm_up=False) for r in resumes[:20]
        )
        blobs = [cvconvert.dumps(r, fmt)[0] for r in resumes[:20]]
        rd = statistics.median(
            median_ms(lambda b=b, f=fmt: cvconvert.read(b, f), repeat=3, warm_up=False) for b in blobs
        )
        print(f"{fmt + ' write / read (median ms, 20 résumés)':<44}{w:>8.2f}{rd:>8.2f}")

    if args.no_profile:
        return
    blobs = [cvconvert.dumps(r, "jsonld")[0] for r in resumes]
    profile = cProfile.Profile()
    profile.enable()
    for resume, blob in zip(resumes, blobs, strict=True):
        cvconvert.dumps(resume, "jsonld")
        cvconvert.read(blob, "jsonld")
    profile.disable()
    print("\nwhere the time goes (one JSON-LD write and read of every résumé), top 20 by own time:")
    pstats.Stats(profile).strip_dirs().sort_stats("tottime").print_stats(20)
    print("top 15 by cumulative time:")
    pstats.Stats(profile).strip_dirs().sort_stats("cumulative").print_stats(15)


if __name__ == "__main__":
    main()
