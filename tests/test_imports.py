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


def _full_names(body: str, env: dict[str, str]) -> set[str]:
    import os

    code = f"import json, sys\n{body}\nprint(json.dumps(sorted(sys.modules)))"
    proc = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, timeout=120, check=True, env={**os.environ, **env}
    )
    return set(json.loads(proc.stdout.splitlines()[-1]))


def test_cli_json_to_json_imports_no_package_metadata() -> None:
    # pydantic's plug-in loader imports importlib.metadata (and email, tempfile, ...) only to
    # find no plug-in when they are off, as the CLI turns them off.
    loaded = _full_names(
        "import tempfile, os\n"
        "from cvconvert.cli import run\n"
        f"assert run([{str(SAMPLES / 'wanru-zhao.json')!r}, os.path.join(tempfile.mkdtemp(), 'out.json')]) == 0",
        {"PYDANTIC_DISABLE_PLUGINS": "__all__"},
    )
    assert "importlib.metadata" not in loaded
    assert "email" not in loaded


MODEL_AFTER_SWITCH = """
import os, sys
import cvconvert._startup
from pydantic import BaseModel
class A(BaseModel):
    x: int
stand_in = sys.modules["pydantic.plugin._loader"]
assert stand_in.get_plugins() == ()
os.environ["PYDANTIC_DISABLE_PLUGINS"] = ""
class B(BaseModel):
    y: int
assert B(y=1).y == 1
assert sys.modules["pydantic.plugin._loader"] is not stand_in
assert hasattr(sys.modules["pydantic.plugin._loader"], "entry_points")
print("handed over")
"""


def test_the_plugin_loader_stand_in_hands_over_when_plugins_are_turned_on() -> None:
    loaded = _full_names(MODEL_AFTER_SWITCH, {"PYDANTIC_DISABLE_PLUGINS": "__all__"})
    assert "importlib.metadata" in loaded


def test_with_plugins_on_pydantic_loads_its_own_plugin_loader() -> None:
    loaded = _full_names(
        "import cvconvert._startup\n"
        "from pydantic import BaseModel\n"
        "class A(BaseModel):\n    x: int\n"
        "assert hasattr(sys.modules['pydantic.plugin._loader'], 'entry_points')",
        {"PYDANTIC_DISABLE_PLUGINS": ""},
    )
    assert "importlib.metadata" in loaded


def test_importing_the_cli_leaves_the_collector_on_with_the_imports_frozen() -> None:
    code = (
        "import gc\nimport cvconvert.cli\n"
        "assert gc.isenabled()\nassert gc.get_freeze_count() > 10_000, gc.get_freeze_count()\nprint('ok')"
    )
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=120, check=True)
    assert done.stdout.strip() == "ok"


def test_writing_a_document_tells_its_language_without_loading_the_reading_engine() -> None:
    # The engine that reads other people's CVs is a large package; a writer asks the language of a
    # résumé's prose only (cvconvert.language).
    code = (
        "import json, sys, cvconvert\n"
        "r = cvconvert.Resume.model_validate({'basics': {'summary': 'Entwicklerin mit zehn Jahren Erfahrung "
        "in verteilten Systemen und der Barrierefreiheit von Webseiten und Anwendungen.' * 2}})\n"
        "data, _ = cvconvert.dumps(r, 'docx')\n"
        "print(json.dumps(sorted(sys.modules)))"
    )
    proc = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=120, check=True)
    loaded = set(json.loads(proc.stdout.splitlines()[-1]))
    assert "cvconvert.language" in loaded
    assert "cvconvert.extract" not in loaded
