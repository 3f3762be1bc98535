"""PDF writing: in one process with a warm compiler, whole processes against RenderCV, and batch.

Run: .venv/bin/python bench/bench_pdf_write.py [--quick] [--rendercv PATH]

In process: the median time of ``cvconvert.dumps(resume, "pdf")`` for the sample and for a
generated résumé of 300 jobs (5 bullets each), after one warm-up call (fonts scanned, template
parsed). Each call gets a résumé with another name: Typst memoises, and the same input twice
would time its cache, not the work.
Whole process: ``cvconvert samples/wanru-zhao.json cv.pdf``, and, when RenderCV is installed
(``--rendercv``, default /tmp/rcv/bin/rendercv: a scratch venv, never the project's),
``rendercv render`` of the same person (its YAML written by cvconvert's rendercv writer), PDF
only (no PNG, Markdown or HTML). RenderCV's template imports ``@preview/fontawesome``: without
the network, its package cache must hold it (set XDG_CACHE_HOME to a folder that does).
Batch: ``cvconvert batch`` of 100 small résumés to PDF with ``--jobs 2``, in résumés per second.
"""

from __future__ import annotations

import argparse
import json
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from _timing import timed_runs  # noqa: E402
from bench_docx import big_resume  # noqa: E402

import cvconvert  # noqa: E402
from cvconvert.model import Resume  # noqa: E402

SAMPLE = ROOT / "samples" / "wanru-zhao.json"


def renamed(resume: Resume) -> list[Resume]:
    """A supply of copies of ``resume`` that differ in the name only (Typst memoises)."""
    data = resume.to_data()
    out = []
    for n in range(400):
        copy = json.loads(json.dumps(data))
        copy.setdefault("basics", {})["name"] = f"{copy.get('basics', {}).get('name', 'CV')} {n}"
        out.append(Resume.model_validate(copy))
    return out


def in_process(resume: Resume, seconds: float) -> tuple[float, float, int]:
    """Median wall ms, median CPU ms (every thread of this process: Typst's too), run count."""
    copies = iter(renamed(resume))
    cpu: list[float] = []

    def one() -> None:
        start = time.process_time()
        cvconvert.dumps(next(copies), "pdf")
        cpu.append((time.process_time() - start) * 1000)

    runs = timed_runs(one, seconds=seconds)
    return statistics.median(runs), statistics.median(cpu[1:]), len(runs)


def whole_process(
    command: list[str], repeat: int, cwd: Path, env: dict[str, str] | None = None
) -> tuple[float, float] | None:
    """Median wall ms and median CPU ms (user + system, the process and its children) of a command."""
    import resource

    times, cpu = [], []
    for _ in range(repeat):
        before = resource.getrusage(resource.RUSAGE_CHILDREN)
        start = time.perf_counter()
        done = subprocess.run(command, capture_output=True, cwd=cwd, env=env, timeout=300)
        times.append((time.perf_counter() - start) * 1000)
        after = resource.getrusage(resource.RUSAGE_CHILDREN)
        cpu.append((after.ru_utime - before.ru_utime + after.ru_stime - before.ru_stime) * 1000)
        if done.returncode != 0:
            print(f"  {command[0]} failed: {done.stderr.decode(errors='replace').strip().splitlines()[-1:]}")
            return None
    return statistics.median(times), statistics.median(cpu)


def batch(count: int, jobs: int, tmp: Path) -> tuple[float, float]:
    """Résumés per second of wall time, and per second of CPU time (all processes) times ``jobs``:
    the rate on a machine whose cores are free (this one may be shared)."""
    source = tmp / "in"
    source.mkdir()
    sample = cvconvert.read(SAMPLE).to_data()
    for n in range(count):
        sample["basics"]["name"] = f"Ada Example {n}"
        (source / f"cv{n:04d}.json").write_text(json.dumps(sample), encoding="utf-8")
    import resource

    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    start = time.perf_counter()
    command = [sys.executable, "-m", "cvconvert", "batch", str(source), "--to", "pdf", "--out", str(tmp / "out")]
    subprocess.run([*command, "--jobs", str(jobs), "-q"], check=True, capture_output=True, timeout=600)
    wall = time.perf_counter() - start
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    cpu = (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)
    return count / wall, count / cpu * jobs


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--quick", action="store_true", help="fewer runs")
    parser.add_argument("--rendercv", default="/tmp/rcv/bin/rendercv", help="RenderCV's command (skipped if absent)")
    args = parser.parse_args()
    seconds, repeat = (1.0, 3) if args.quick else (4.0, 7)

    print("in process, warm compiler (median wall ms / CPU ms):")
    sample = cvconvert.read(SAMPLE)
    for name, resume in (("sample", sample), ("300 jobs", big_resume())):
        median, cpu, runs = in_process(resume, seconds)
        size = len(cvconvert.dumps(resume, "pdf")[0])
        print(f"  {name:9} {median:8.1f} ms wall {cpu:8.1f} ms CPU  ({runs} runs, {size / 1024:.0f} kB)")

    with tempfile.TemporaryDirectory() as folder:
        tmp = Path(folder)
        ours = whole_process([sys.executable, "-m", "cvconvert", str(SAMPLE), str(tmp / "cv.pdf")], repeat, tmp)
        assert ours is not None
        print(
            f"whole process, cvconvert sample.json cv.pdf: {ours[0]:.0f} ms wall, {ours[1]:.0f} ms CPU "
            f"(median of {repeat})"
        )
        if shutil.which(args.rendercv) or Path(args.rendercv).exists():
            yaml = tmp / "Sample.rendercv.yaml"
            cvconvert.convert(SAMPLE, yaml)
            command = [args.rendercv, "render", str(yaml), "-nopng", "-nomd", "-nohtml"]
            theirs = whole_process(command, repeat, tmp, env=dict(os.environ))
            if theirs is not None:
                print(
                    f"whole process, rendercv render (PDF only): {theirs[0]:.0f} ms wall, {theirs[1]:.0f} ms CPU; "
                    f"ratio {theirs[0] / ours[0]:.1f}x wall, {theirs[1] / ours[1]:.1f}x CPU"
                )
        else:
            print(f"rendercv: not found at {args.rendercv} (skipped)")
        count = 40 if args.quick else 100
        rate, free = batch(count, 2, tmp)
        print(f"batch, {count} résumés to PDF, --jobs 2: {rate:.1f} résumés/s ({free:.1f}/s by CPU time, 2 free cores)")


if __name__ == "__main__":
    main()
