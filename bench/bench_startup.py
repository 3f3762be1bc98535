"""Whole-process time of a JSON -> JSON conversion against the floor of any pydantic tool.

    python bench/bench_startup.py [--runs 40]

Runs, interleaved in one session, ``cvconvert samples/wanru-zhao.json out.json`` (the console
script) and ``python -c "from pydantic import BaseModel"``, and prints both medians and
their ratio. Target: the conversion within 1.5x of the pydantic import.
"""

from __future__ import annotations

import argparse
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def timed(cmd: list[str]) -> float:
    start = time.perf_counter()
    subprocess.run(cmd, check=True, stdout=subprocess.DEVNULL)
    return time.perf_counter() - start


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=40)
    args = parser.parse_args()
    script = shutil.which("cvconvert", path=str(Path(sys.executable).parent)) or "cvconvert"
    out = Path(tempfile.mkdtemp()) / "out.json"
    convert = [script, str(ROOT / "samples" / "wanru-zhao.json"), str(out)]
    floor = [sys.executable, "-c", "from pydantic import BaseModel"]
    for cmd in (convert, floor):  # warm the file cache
        timed(cmd)
    ours, base = [], []
    for _ in range(args.runs):
        ours.append(timed(convert))
        base.append(timed(floor))
    m_ours, m_base = statistics.median(ours), statistics.median(base)
    print(f"cvconvert wanru-zhao.json out.json : median {m_ours * 1000:7.1f} ms over {args.runs} runs")
    print(f"python -c 'from pydantic import BaseModel': median {m_base * 1000:7.1f} ms")
    print(f"ratio {m_ours / m_base:.2f}x (target <= 1.5x)")


if __name__ == "__main__":
    main()
