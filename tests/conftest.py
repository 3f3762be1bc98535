"""Shared fixtures: where ../shared is, and Hypothesis profiles (CI runs the "ci" one)."""

from __future__ import annotations

import os
from pathlib import Path

import pytest
from hypothesis import HealthCheck, settings

ROOT = Path(__file__).resolve().parent.parent
SAMPLES = ROOT / "samples"
SHARED = Path(os.environ.get("CVCONVERT_SHARED", ROOT.parent / "shared"))

settings.register_profile("dev", max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
settings.register_profile(
    "ci", max_examples=100, deadline=None, suppress_health_check=[HealthCheck.too_slow], derandomize=True
)
settings.load_profile(os.environ.get("HYPOTHESIS_PROFILE", "ci" if os.environ.get("CI") else "dev"))


def shared_path(*parts: str) -> Path:
    """A path under ../shared; the calling test is skipped when it is not there."""
    path = SHARED.joinpath(*parts)
    if not path.exists():
        pytest.skip(f"{path} not available (../shared is absent)")
    return path


def shared_files(folder: str, pattern: str) -> list[Path]:
    """Files for parametrised tests; empty (so tests are skipped) when ../shared is absent."""
    base = SHARED / folder
    return sorted(base.glob(pattern)) if base.is_dir() else []


def corpus_resumes() -> tuple[list[Path], list[Path]]:
    """The JSON Resume corpus split in two: files that hold a résumé field at the top level, and
    the few that are no JSON Resume: a dialect with keys of its own, or a Reactive Resume export
    (``sections`` and ``metadata`` objects beside its ``basics``), which its own reader reads.
    An oracle of its own, not our reader: only the top-level keys are looked at."""
    import json

    import pyjson5

    from cvconvert.model import SECTIONS

    resumes, others = [], []
    for path in shared_files("corpus/jsonresume", "*.json"):
        text = path.read_bytes().decode("utf-8-sig")
        try:
            data = json.loads(text)
        except ValueError:
            data = pyjson5.decode(text)
        holds = isinstance(data, dict) and bool(data.keys() & {"basics", "meta", *SECTIONS})
        if holds and isinstance(data.get("sections"), dict) and isinstance(data.get("metadata"), dict):
            holds = False
        (resumes if holds else others).append(path)
    return resumes, others


def sample_files() -> list[Path]:
    """Every JSON Resume sample shipped in samples/."""
    return sorted(SAMPLES.glob("*.json"))


@pytest.fixture
def shared() -> Path:
    """The ../shared folder, or skip."""
    return shared_path()
