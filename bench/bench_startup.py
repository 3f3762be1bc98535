"""Whole-process time of a JSON -> JSON conversion against the floor of any pydantic tool.

    python bench/bench_startup.py [--runs 40]

Runs, interleaved in one session, ``cvconvert samples/wanru-zhao.json out.json`` (the console
script) and ``python -c "from pydantic import BaseModel"``, and prints both medians and their
ratio. Target: the conversion within 1.5x of the pydantic import.

Two more rows put the ratio in context, measured in the same loop:

- the smallest pydantic program that does any work: one model with one field, one
  ``model_validate`` and one ``model_dump_json`` (plug-ins disabled, as the CLI does). Building a
  validator makes pydantic import its plug-in loader and with it ``importlib.metadata``;
- ``import cvconvert.cli``: what our code costs before it reads a byte.

The package's bytecode is compiled first, as ``pip install`` does: an editable install under
``PYTHONDONTWRITEBYTECODE=1`` would otherwise compile our sources again in every run.
"""

from __future__ import annotations

import argparse
import compileall
import os
import resource
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent

ONE_MODEL = """\
from pydantic import BaseModel
class A(BaseModel):
    x: str
A.model_validate({"x": "1"}).model_dump_json()
"""


def timed(cmd: list[str], env: dict[str, str]) -> tuple[float, float]:
    """Wall seconds and CPU seconds (user + system of the child) of one run."""
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    start = time.perf_counter()
    subprocess.run(cmd, check=True, stdout=subprocess.DEVNULL, env=env)
    wall = time.perf_counter() - start
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    return wall, (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=40)
    args = parser.parse_args()
    import cvconvert

    compileall.compile_dir(Path(cvconvert.__file__).parent, quiet=1)
    script = shutil.which("cvconvert", path=str(Path(sys.executable).parent)) or "cvconvert"
    out = Path(tempfile.mkdtemp()) / "out.json"
    env = {**os.environ, "PYDANTIC_DISABLE_PLUGINS": "__all__"}
    floor_name = "python -c 'from pydantic import BaseModel' (floor)"
    rows = {
        floor_name: [sys.executable, "-c", "from pydantic import BaseModel"],
        "one pydantic model: validate + dump": [sys.executable, "-c", ONE_MODEL],
        "python -c 'import cvconvert.cli'": [sys.executable, "-c", "import cvconvert.cli"],
        "cvconvert wanru-zhao.json out.json": [script, str(ROOT / "samples" / "wanru-zhao.json"), str(out)],
    }
    times: dict[str, list[float]] = {name: [] for name in rows}
    cpu: dict[str, list[float]] = {name: [] for name in rows}
    for cmd in rows.values():  # warm the file cache
        timed(cmd, env)
    for _ in range(args.runs):
        for name, cmd in rows.items():
            wall, used = timed(cmd, env)
            times[name].append(wall)
            cpu[name].append(used)
    medians = {name: statistics.median(ts) for name, ts in times.items()}
    cpus = {name: statistics.median(ts) for name, ts in cpu.items()}
    floor, cpu_floor = medians[floor_name], cpus[floor_name]
    # CPU time is the steadier figure on a shared machine: waiting for a core is not counted.
    for name, median in medians.items():
        print(
            f"{name:52} median {median * 1000:6.1f} ms wall {median / floor:4.2f}x, "
            f"{cpus[name] * 1000:6.1f} ms CPU {cpus[name] / cpu_floor:4.2f}x"
        )
    run = "cvconvert wanru-zhao.json out.json"
    print(
        f"ratio {medians[run] / floor:.2f}x wall, {cpus[run] / cpu_floor:.2f}x CPU over {args.runs} runs "
        "(target <= 1.5x)"
    )


if __name__ == "__main__":
    main()
