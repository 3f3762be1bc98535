"""DOCX: a value the page cannot show whole reads back exactly through its fix, and no other value does."""

from __future__ import annotations

import pytest

import cvconvert
from cvconvert.model import Resume


@pytest.mark.parametrize(
    ("highlights", "lang"),
    [
        (["00", "00\x1f"], "en"),  # found by Hypothesis: the first took the second's fix
        (["a : b", "a : b\x1f", "a : b"], "fr"),  # French spacing on the page, none in the value
        (["a\u00a0b :", "a\u00a0b :\x01"], "fr"),  # a no-break space of the value's own, and French spacing
        (["same", "same\r\n", "other", "same"], "de"),
    ],
)
def test_bullets_showing_the_same_text_each_read_back_as_themselves(highlights: list[str], lang: str) -> None:
    resume = Resume.model_validate({"projects": [{"name": "Northwind Ltd", "highlights": highlights}]})
    data, _ = cvconvert.dumps(resume, "docx", lang=lang)
    assert cvconvert.read(data, "docx").to_data() == resume.to_data()
