"""A JSON -> JSON conversion imports none of the heavy optional libraries."""

from __future__ import annotations

import json
import subprocess
import sys

from tests.conftest import SAMPLES

HEAVY = [
    "docx",
    "openpyxl",
    "rdflib",
    "lxml",
    "pypdf",
    "babel",
    "pycountry",
    "dask",
    "distributed",
    "fsspec",
    "pyld",
    "typst",
]

SCRIPT = """
import json, sys
{body}
print(json.dumps(sorted(m.split(".")[0] for m in sys.modules)))
"""


def _modules(body: str) -> set[str]:
    proc = subprocess.run(
        [sys.executable, "-c", SCRIPT.format(body=body)], capture_output=True, text=True, timeout=120, check=True
    )
    return set(json.loads(proc.stdout.splitlines()[-1]))


def test_library_json_to_json_stays_light(tmp_path: object) -> None:
    loaded = _modules(
        f"import cvconvert, tempfile, os\n"
        f"d = tempfile.mkdtemp()\n"
        f"cvconvert.convert({str(SAMPLES / 'wanru-zhao.json')!r}, os.path.join(d, 'out.json'))\n"
        f"cvconvert.read(open({str(SAMPLES / 'wanru-zhao.json')!r}, 'rb').read())"
    )
    assert "cvconvert" in loaded
    assert not loaded & set(HEAVY)


def test_cli_json_to_json_stays_light() -> None:
    loaded = _modules(
        "import tempfile, os\n"
        "from cvconvert.cli import run\n"
        "d = tempfile.mkdtemp()\n"
        f"assert run([{str(SAMPLES / 'wanru-zhao.json')!r}, os.path.join(d, 'out.json')]) == 0"
    )
    assert not loaded & (set(HEAVY) | {"rich", "yaml"})


def test_listing_formats_imports_no_format_library() -> None:
    loaded = _modules("import cvconvert\ncvconvert.available_formats()")
    assert not loaded & set(HEAVY)


def test_looking_formats_up_loads_only_the_format_packages() -> None:
    # Every conversion looks formats up: their readers' and writers' modules load on use only.
    loaded = _submodules("import cvconvert.formats as f\nf.builtin()")
    assert loaded == {
        "cvconvert.formats.base",
        "cvconvert.formats._json",
        "cvconvert.formats._fresh",
        "cvconvert.formats._yaml",
        "cvconvert.formats._docx",
        "cvconvert.formats._xlsx",
        "cvconvert.formats._linkedin",
        "cvconvert.formats._reactive",
        "cvconvert.formats._jsonld",
        "cvconvert.formats._europass",
        "cvconvert.formats._pdf",
        "cvconvert.formats._text",
        "cvconvert.formats._rendercv",
    }


def _submodules(body: str) -> set[str]:
    code = (
        f"import json, sys\n{body}\nprint(json.dumps([m for m in sys.modules if m.startswith('cvconvert.formats.')]))"
    )
    proc = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=120, check=True)
    return set(json.loads(proc.stdout.splitlines()[-1]))
