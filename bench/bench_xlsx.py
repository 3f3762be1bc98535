"""XLSX benchmark: per-résumé write/read medians, and 10,000 résumés in one workbook against
openpyxl's own write-only baseline (the same cells appended, no styles) in the same run.

    .venv/bin/python bench/bench_xlsx.py [--quick]
    .venv/bin/python bench/bench_xlsx.py --synthetic 200 people.xlsx   # invented résumés, to print

Each many-résumé run is a fresh subprocess, so its peak memory (ru_maxrss) is its own. The
résumés are the samples (and ../shared/corpus/jsonresume when present), cycled lazily so the
input does not grow with the count: what grows is what the writer keeps.
"""

from __future__ import annotations

import gc
import io
import itertools
import json
import os
import resource
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from collections.abc import Iterator
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from _timing import median_ms, resumes_in  # noqa: E402

import cvconvert  # noqa: E402
from cvconvert.formats import _xlsx  # noqa: E402
from cvconvert.model import Resume  # noqa: E402

SHARED = Path(os.environ.get("CVCONVERT_SHARED", ROOT.parent / "shared"))


def resumes() -> list[Resume]:
    """The samples, plus the corpus when ../shared is there."""
    paths = sorted((ROOT / "samples").glob("*.json"))
    paths += sorted((SHARED / "corpus" / "jsonresume").glob("*.json"))
    return [cvconvert.read(p) for p in resumes_in(paths)]


_FIRST = ("Alex", "Sam", "Noor", "Jules", "Mika", "Ren", "Tove", "Ilya", "Aiko", "Dara", "Lior", "Ines")
_LAST = ("Example", "Sample", "Placeholder", "Testperson", "Mock", "Fictive", "Demo", "Specimen")
_CITIES = (("Lyon", "FR"), ("Porto", "PT"), ("Leeds", "GB"), ("Graz", "AT"), ("Osaka", "JP"), ("Austin", "US"))
_ROLES = ("Data Engineer", "Backend Developer", "QA Analyst", "Product Designer", "Site Reliability Engineer")
_FIRMS = ("Acme Widgets", "Initech", "Globex Labs", "Umbrella Logistics", "Hooli Cloud", "Vandelay Import")
_KEYWORDS = (
    ("Languages", ("Python", "Go", "TypeScript", "Java", "Rust", "SQL", "Kotlin", "C#")),
    ("Data", ("PostgreSQL", "Kafka", "Spark", "dbt", "Airflow", "Redis", "BigQuery")),
    ("Operations", ("Kubernetes", "Terraform", "Docker", "Prometheus", "AWS", "GCP", "Linux")),
)
_DEGREES = ("Bachelor of Science", "Master of Engineering", "PhD", "BA", "MSc")
_AREAS = ("Computer Science", "Mathematics", "Physics", "Information Systems")
_LANGS = (("English", "Native"), ("French", "B2"), ("German", "C1"), ("Spanish", "A2"), ("Japanese", "N3"))


def synthetic(count: int, seed: int = 18) -> list[Resume]:
    """Invented résumés (no real person): for printing checks and the documentation's picture."""
    import random

    rng = random.Random(seed)
    people = []
    for i in range(count):
        city, country = rng.choice(_CITIES)
        first, last = rng.choice(_FIRST), rng.choice(_LAST)
        year = rng.randint(2004, 2018)
        work = []
        for j in range(rng.randint(1, 3)):
            start, end = year + 3 * j, year + 3 * j + rng.randint(2, 4)
            job = {
                "name": rng.choice(_FIRMS),
                "position": rng.choice(_ROLES),
                "startDate": f"{start}-0{rng.randint(1, 9)}",
            }
            if end < 2025:
                job["endDate"] = f"{end}-0{rng.randint(1, 9)}"
            work.insert(0, job)
        skills = [
            {"name": group, "keywords": rng.sample(words, rng.randint(2, len(words)))}
            for group, words in rng.sample(_KEYWORDS, rng.randint(1, 3))
        ]
        data = {
            "basics": {
                "name": f"{first} {last}",
                "label": rng.choice(_ROLES),
                "email": f"{first.lower()}.{last.lower()}{i}@example.org",
                "phone": f"+1 555 01{i % 100:02d}",
                "location": {"city": city, "countryCode": country},
            },
            "work": work,
            "education": [
                {"institution": "Example University", "studyType": rng.choice(_DEGREES), "area": rng.choice(_AREAS)}
            ],
            "skills": skills,
            "languages": [{"language": n, "fluency": f} for n, f in rng.sample(_LANGS, rng.randint(1, 3))],
        }
        people.append(Resume.model_validate(data))
    return people


def write_synthetic(count: int, out: str) -> None:
    """``--synthetic N OUT``: N invented résumés in one workbook, to print or look at."""
    import datetime as dt

    from cvconvert.formats._xlsx.writing import write_book

    sources = tuple(f"cvs/candidate-{i + 1:03d}.json" for i in range(count))
    write_book(synthetic(count), out, many=True, as_of=dt.date(2025, 6, 30), sources=sources)


def baseline_rows(resume: Resume) -> Iterator[tuple[str, list[Any]]]:
    """The visible cells our writer makes for a résumé, as plain values (no styles, no links)."""
    from cvconvert.formats._xlsx import cells, overview
    from cvconvert.formats._xlsx.layout import BASICS_ROWS, BASICS_TITLE, OVERVIEW_TITLE, SHEETS
    from cvconvert.formats._xlsx.writing import experience_years, render

    data = resume.to_data()
    basics = data.get("basics") or {}
    for path, label, kind in BASICS_ROWS:
        holder = basics if len(path) == 1 else basics.get("location") or {}
        if path[-1] in holder:
            yield BASICS_TITLE, [label, render(kind, holder[path[-1]])]
    for spec in SHEETS:
        container: Any = data
        for key in spec.path:
            container = container.get(key) if isinstance(container, dict) else None
        for entry in container or ():
            row: list[Any] = []
            for col in spec.columns:
                value = entry.get(col.key)
                found = cells.date_cell(value) if col.kind == "date" and isinstance(value, str) else None
                row.append(found[0] if found else render(col.kind, value))
            yield spec.title, row
    b = resume.basics
    job = overview.latest_job(resume)
    yield (
        OVERVIEW_TITLE,
        [
            b.name if b else None,
            b.label if b else None,
            overview.location(resume),
            b.email if b else None,
            b.phone if b else None,
            None,
            job.position if job else None,
            job.name if job else None,
            experience_years(resume),
            overview.highest_degree(resume),
            overview.join_fitting(overview.languages(resume))[0] or None,
            overview.join_fitting(overview.skills(resume))[0] or None,
        ],
    )


class RssSampler:
    """Peak resident memory while a block runs, sampled from /proc every few milliseconds.

    ru_maxrss is the peak of the whole process, which here is often loading the résumés, not
    writing them; sampling shows what the writer itself holds.
    """

    def __init__(self) -> None:
        self.peak = 0
        self._stop = threading.Event()
        self._page = os.sysconf("SC_PAGE_SIZE")

    def _rss(self) -> int:
        with open("/proc/self/statm") as statm:
            return int(statm.read().split()[1]) * self._page

    def _run(self) -> None:
        while not self._stop.wait(0.005):
            self.peak = max(self.peak, self._rss())

    def __enter__(self) -> RssSampler:
        self.peak = self._rss()
        self._thread = threading.Thread(target=self._run, daemon=True)
        self._thread.start()
        return self

    def __exit__(self, *_: object) -> None:
        self._stop.set()
        self._thread.join()
        self.peak = max(self.peak, self._rss())


def child(kind: str, n: int, out: str) -> None:
    """One measured run: write n résumés to ``out``; prints seconds, cpu and peak memory."""
    from openpyxl import Workbook  # import before timing, for both sides alike

    pool = resumes()
    gc.collect()

    def stream_(count: int) -> Iterator[Resume]:
        return itertools.islice(itertools.cycle(pool), count)

    with RssSampler() as sampler:
        start = time.perf_counter()
        cpu = time.process_time()
        if kind == "ours":
            from cvconvert.formats._xlsx.writing import write_book

            write_book(stream_(n), out, many=True)
        elif kind == "ours-bytes":
            buffer = io.BytesIO()
            _xlsx.write_many(stream_(n), buffer, _xlsx.XlsxWriteOptions())
            Path(out).write_bytes(buffer.getvalue())
            del buffer
        else:
            book = Workbook(write_only=True)
            sheets: dict[str, Any] = {}
            for i, resume in enumerate(stream_(n)):
                for title, row in baseline_rows(resume):
                    if title not in sheets:
                        sheets[title] = book.create_sheet(title)
                    sheets[title].append([i + 1, *row])
            book.save(out)
        seconds = time.perf_counter() - start
        cpu = time.process_time() - cpu
    result = {
        "seconds": seconds,
        "cpu": cpu,
        "rss_mib": sampler.peak / 2**20,
        "maxrss_mib": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024,  # KiB on Linux
        "bytes": os.path.getsize(out),
    }
    print(json.dumps(result))


def measure(kind: str, n: int) -> dict[str, float]:
    with tempfile.TemporaryDirectory() as tmp:
        out = str(Path(tmp) / "book.xlsx")
        done = subprocess.run(
            [sys.executable, __file__, "--child", kind, str(n), out], capture_output=True, text=True, check=True
        )
    result: dict[str, float] = json.loads(done.stdout.strip().splitlines()[-1])
    return result


def main() -> None:
    quick = "--quick" in sys.argv
    pool = resumes()
    print(f"résumés: {len(pool)} (samples + corpus)")
    written = [cvconvert.dumps(r, "xlsx")[0] for r in pool]

    def baseline_one(resume: Resume) -> None:
        import io

        from openpyxl import Workbook

        book = Workbook(write_only=True)
        sheets: dict[str, Any] = {}
        for title, row in baseline_rows(resume):
            if title not in sheets:
                sheets[title] = book.create_sheet(title)
            sheets[title].append(row)
        book.save(io.BytesIO())

    repeat = 3 if quick else 7
    write_ms = [median_ms(lambda r=r: cvconvert.dumps(r, "xlsx"), repeat=repeat, warm_up=False) for r in pool]
    read_ms = [
        median_ms(lambda d=d: cvconvert.read_with_report(d, "xlsx"), repeat=repeat, warm_up=False) for d in written
    ]
    json_ms = [median_ms(lambda r=r: cvconvert.dumps(r, "json"), repeat=repeat, warm_up=False) for r in pool]
    base_ms = [median_ms(lambda r=r: baseline_one(r), repeat=repeat, warm_up=False) for r in pool]
    print(f"per résumé, median over résumés of median of {repeat}:")
    print(
        f"  write xlsx {statistics.median(write_ms):7.2f} ms   (openpyxl write-only, same cells: "
        f"{statistics.median(base_ms):.2f} ms; json {statistics.median(json_ms):.2f} ms)"
    )
    print(f"  read  xlsx {statistics.median(read_ms):7.2f} ms")

    counts = (1_000, 10_000) if not quick else (200, 2_000)
    runs = 3 if not quick else 1
    table: dict[tuple[str, int], dict[str, float]] = {}
    kinds = ("baseline", "ours", "ours-bytes")
    for n in counts:
        # Interleaved runs, so that a busy machine slows every kind alike.
        results: dict[str, list[dict[str, float]]] = {k: [] for k in kinds}
        for _ in range(runs):
            for kind in kinds:
                results[kind].append(measure(kind, n))
        for kind in kinds:
            got = results[kind]
            table[kind, n] = {key: statistics.median(r[key] for r in got) for key in got[0]}
            r = table[kind, n]
            print(
                f"{n:>6} résumés  {kind:<10} {r['seconds']:7.2f} s (cpu {r['cpu']:6.2f} s)  "
                f"peak while writing {r['rss_mib']:6.1f} MiB (process {r['maxrss_mib']:6.1f})  "
                f"file {r['bytes'] / 2**20:5.1f} MiB  (median of {runs})"
            )
    small, big = counts
    ratio_time = table["ours", big]["seconds"] / table["baseline", big]["seconds"]
    ratio_cpu = table["ours", big]["cpu"] / table["baseline", big]["cpu"]
    ratio_mem = table["ours", big]["rss_mib"] / table["ours", small]["rss_mib"]
    ratio_mem_bytes = table["ours-bytes", big]["rss_mib"] / table["ours-bytes", small]["rss_mib"]
    base_mem = table["baseline", big]["rss_mib"] / table["baseline", small]["rss_mib"]
    print(
        f"time, ours / openpyxl write-only baseline at {big:,}: wall {ratio_time:.2f}x, cpu {ratio_cpu:.2f}x "
        "(target <= 1.3x)"
    )
    print(
        f"peak memory, ours {big:,} / {small:,} (to a file): {ratio_mem:.2f}x "
        f"(target <= 1.2x; baseline {base_mem:.2f}x)"
    )
    print(f"peak memory, write_many() returning bytes, {big:,} / {small:,}: {ratio_mem_bytes:.2f}x")


if __name__ == "__main__":
    if len(sys.argv) > 1 and sys.argv[1] == "--child":
        child(sys.argv[2], int(sys.argv[3]), sys.argv[4])
    elif len(sys.argv) > 1 and sys.argv[1] == "--synthetic":
        write_synthetic(int(sys.argv[2]), sys.argv[3])
    else:
        main()
