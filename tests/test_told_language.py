"""The language a document writer uses when none is given: the résumé's own prose."""

from __future__ import annotations

import pytest

from cvconvert.formats._docx import i18n

GERMAN = "Entwicklerin mit zehn Jahren Erfahrung in verteilten Systemen und der Barrierefreiheit von Webseiten."
CHINESE = "十年分布式系统开发经验，负责数据平台的架构设计与团队管理，推动无障碍标准在全公司落地。" * 3


@pytest.mark.parametrize(
    ("data", "told"),
    [
        ({"basics": {"summary": GERMAN * 2}}, "de"),
        ({"work": [{"name": "Nordwind Ltd", "highlights": [GERMAN, GERMAN]}]}, "de"),
        ({"basics": {"summary": CHINESE}}, "zh"),
        ({"basics": {"name": "Ada Example", "summary": "Engineer."}}, None),  # too little to tell
        ({"basics": {"name": "Zhao Wanru Müller Dubois Lefèvre " * 20}}, None),  # names tell nothing
        ({"x-notes": GERMAN * 3, "basics": {"summary": "Short."}}, None),  # x- fields are no prose
        ({}, None),
    ],
)
def test_the_language_is_told_from_prose_fields_only(data: dict[str, object], told: str | None) -> None:
    assert i18n.told(data) == told


def test_telling_reads_a_bounded_amount_of_a_huge_resume() -> None:
    data = {"work": [{"summary": GERMAN} for _ in range(100_000)]}
    assert i18n.told(data) == "de"


def test_a_docx_without_lang_speaks_the_resumes_language_and_reads_back_exactly() -> None:
    import io
    import zipfile

    import cvconvert

    french = {
        "basics": {
            "name": "Ada Exemple",
            "summary": "Ingénieure passionnée par les systèmes distribués et l'accessibilité numérique. "
            "Dix ans d'expérience à concevoir des services fiables, de la maquette à la mise en production.",
        },
        "work": [{"name": "Nordvent SARL", "position": "Développeuse", "startDate": "2019-09"}],
    }
    resume = cvconvert.Resume.model_validate(french)
    data, _ = cvconvert.dumps(resume, "docx")
    document = zipfile.ZipFile(io.BytesIO(data)).read("word/document.xml").decode()
    assert "Expérience professionnelle" in document and "sept." in document
    assert cvconvert.read(data, "docx").to_data() == french
    english, _ = cvconvert.dumps(resume, "docx", lang="en")
    assert "Experience" in zipfile.ZipFile(io.BytesIO(english)).read("word/document.xml").decode()
