"""The JSON Schema of the model, as checked in under schemas/.

Regenerate with ``python -m cvconvert.schema > schemas/resume.schema.json``; a test fails
when the checked-in file is stale.
"""

from __future__ import annotations

import json
from typing import Any

from cvconvert.model import Resume


def json_schema() -> dict[str, Any]:
    """The model's JSON Schema (draft 2020-12, as pydantic writes it), with a title and id."""
    schema = Resume.model_json_schema(by_alias=True, mode="validation")
    return {
        "$schema": "https://json-schema.org/draft/2020-12/schema",
        "$id": "https://github.com/cvconvert/cvconvert/schemas/resume.schema.json",
        **schema,
        "title": "cvconvert Resume (JSON Resume 1.2.1 with unknown fields kept)",
    }


def render() -> str:
    """The schema as the text checked in (2-space indent, sorted nowhere, final newline)."""
    return json.dumps(json_schema(), ensure_ascii=False, indent=2) + "\n"


if __name__ == "__main__":
    print(render(), end="")
