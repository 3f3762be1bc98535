"""Batch throughput per output format with 1 and 2 worker processes, and peak memory vs. batch size.

    python bench/bench_batch.py [--files 2000] [--repeat 3] [--formats docx,xlsx,...] [--jobs 1,2] [--cli]
                                [--memory-format docx] [--skip-memory]

For every output format that can be written, converts the same generated résumés with
``convert_many`` (the engine of ``cvconvert batch``) with one and two worker processes and
prints the median throughput (résumés per second) and the speed-up of two workers over one
(target: at least 1.8x on a 2-core machine, and 500 résumés per second on one). ``--cli``
adds rows for ``cvconvert batch ... --report FILE -q`` run as a whole process, start-up
included. The runs of one and two workers alternate, so load from other programs falls on
both alike; the load average is printed beside the table, and so are the CPU milliseconds per
résumé (all processes, pool workers included), which other programs' load barely moves. Then
runs a 1,000- and a 10,000-file batch and prints the peak resident memory of each (the
largest process, via RUSAGE_CHILDREN): memory must not grow with the number of files.
``--jobs 1`` times one worker only (issue 13's figure), in half the time and with no pool
beside it to share the machine with.
"""

from __future__ import annotations

import argparse
import json
import os
import random
import resource
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def make_inputs(folder: Path, count: int) -> None:
    """``count`` résumés shaped like the sample, with different names and job counts."""
    base = json.loads((ROOT / "samples" / "wanru-zhao.json").read_text(encoding="utf-8"))
    rng = random.Random(7)
    folder.mkdir(parents=True, exist_ok=True)
    for i in range(count):
        cv = json.loads(json.dumps(base))
        cv["basics"]["name"] = f"Candidate {i}"
        cv["work"] = cv["work"] * rng.randint(1, 3)
        (folder / f"cv{i:05d}.json").write_text(json.dumps(cv, ensure_ascii=False), encoding="utf-8")


def cpu_seconds() -> float:
    """User and system CPU of this process and its ended children (the pool's workers)."""
    me, children = resource.getrusage(resource.RUSAGE_SELF), resource.getrusage(resource.RUSAGE_CHILDREN)
    return me.ru_utime + me.ru_stime + children.ru_utime + children.ru_stime


def run_batch(inputs: Path, out: Path, fmt: str, jobs: int) -> float:
    """Seconds for one batch through the library (``convert_many``), pool start-up included.

    ``out`` must not exist. Outputs are removed only after all the timing: ext4 without a
    journal (this machine's) skips inodes freed in the last 30 seconds when it makes a file,
    one by one, so deleting the last run's 2,000 outputs right before a run made each create
    take a millisecond (30% of the CPU in the kernel's ``recently_deleted``).
    """
    from cvconvert import batch

    start = time.perf_counter()
    results = list(batch.convert_many([str(inputs)], out, to=fmt, jobs=jobs))
    seconds = time.perf_counter() - start
    failed = [r.error for r in results if r.status != "ok"]
    if failed:
        raise SystemExit(f"batch to {fmt} failed: {failed[0]}")
    return seconds


def run_cli(inputs: Path, out: Path, fmt: str, jobs: int) -> float:
    """Seconds for ``cvconvert batch`` as a new process, with a report and no progress lines."""
    command = [sys.executable, "-m", "cvconvert", "batch", str(inputs), "--to", fmt, "--out", str(out)]
    command += ["--jobs", str(jobs), "--report", f"{out}.report.json", "-q"]
    start = time.perf_counter()
    subprocess.run(command, check=True, capture_output=True)
    return time.perf_counter() - start


def peak_rss(inputs: Path, out: Path, fmt: str) -> int:
    """Peak RSS (KiB) of the largest process of one batch, measured in a fresh child."""
    code = (
        "import resource, subprocess, sys\n"
        f"subprocess.run([sys.executable, '-m', 'cvconvert', 'batch', {str(inputs)!r}, '--to', {fmt!r},"
        f" '--out', {str(out)!r}, '--jobs', '2', '-q'], check=True, capture_output=True)\n"
        "print(resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss)\n"
    )
    shutil.rmtree(out, ignore_errors=True)
    proc = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    return int(proc.stdout.strip())


def writable_formats() -> list[str]:
    import cvconvert

    return [name for name, fmt in cvconvert.available_formats().items() if fmt.write is not None]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--files", type=int, default=2000)
    parser.add_argument("--repeat", type=int, default=3)
    parser.add_argument("--formats", default="")
    parser.add_argument("--memory-format", default="docx")
    parser.add_argument("--skip-memory", action="store_true")
    parser.add_argument("--jobs", default="1,2", help="worker counts to time: 1, 2 or 1,2 (default)")
    parser.add_argument("--cli", action="store_true", help="also time `cvconvert batch` as a whole process")
    args = parser.parse_args()
    work = Path(tempfile.mkdtemp(prefix="cvbench-"))
    try:
        inputs = work / "in"
        make_inputs(inputs, args.files)
        names = args.formats.split(",") if args.formats else writable_formats()
        counts = [int(n) for n in args.jobs.split(",")]
        if not counts or any(n not in (1, 2) for n in counts):
            raise SystemExit("--jobs takes 1, 2 or 1,2")
        print(f"{args.files} résumés per run, median of {args.repeat} runs (convert_many, engine of `cvconvert batch`)")
        print(
            f"{'format':12} {'jobs 1 (cv/s)':>14} {'jobs 2 (cv/s)':>14} {'speed-up':>9}"
            f" {'cpu ms/cv 1':>12} {'cpu ms/cv 2':>12}  load average"
        )
        runs = [(fmt, run_batch) for fmt in names] + ([(f"{fmt} (cli)", run_cli) for fmt in names] if args.cli else [])
        for label, runner in runs:
            fmt = label.split()[0]
            times: dict[int, list[float]] = {n: [] for n in counts}
            cpu: dict[int, list[float]] = {n: [] for n in counts}
            for i in range(args.repeat):
                for jobs in counts:
                    out = work / f"out-{fmt}-{runner.__name__}-{jobs}-{i}"
                    before = cpu_seconds()
                    times[jobs].append(runner(inputs, out, fmt, jobs))
                    cpu[jobs].append(cpu_seconds() - before)
            rates = {jobs: args.files / statistics.median(t) for jobs, t in times.items()}
            load = ", ".join(f"{x:.1f}" for x in os.getloadavg())
            # CPU per résumé, all processes: unlike the rates, barely moved by other programs' load.
            per_cv = {jobs: 1000 * statistics.median(c) / args.files for jobs, c in cpu.items()}
            rate = {n: f"{rates[n]:14.1f}" if n in rates else f"{'-':>14}" for n in (1, 2)}
            ms = {n: f"{per_cv[n]:12.2f}" if n in per_cv else f"{'-':>12}" for n in (1, 2)}
            both = f"{rates[2] / rates[1]:8.2f}x" if len(rates) == 2 else f"{'-':>9}"
            print(f"{label:12} {rate[1]} {rate[2]} {both} {ms[1]} {ms[2]}  {load}")
        if not args.skip_memory:
            small, big = work / "in1k", work / "in10k"
            make_inputs(small, 1_000)
            make_inputs(big, 10_000)
            rss_small = peak_rss(small, work / "out1k", args.memory_format)
            rss_big = peak_rss(big, work / "out10k", args.memory_format)
            print(
                f"peak RSS, batch to {args.memory_format}: 1,000 files {rss_small / 1024:.0f} MiB, "
                f"10,000 files {rss_big / 1024:.0f} MiB, ratio {rss_big / rss_small:.2f}x (target: no growth)"
            )
    finally:
        shutil.rmtree(work, ignore_errors=True)


if __name__ == "__main__":
    main()
