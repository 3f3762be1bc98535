"""The language a document writer uses when none is given: the résumé's own prose."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

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


# --- the fast counting in cvconvert.language gives what the plain per-character definition gives


def _detect_by_definition(text: str) -> str | None:
    """:func:`cvconvert.language.detect` as first written: every character counted and classified."""
    import re
    import unicodedata
    from collections import Counter

    from cvconvert import language

    text = text[: language.SAMPLE].lower()
    chars = Counter(text)
    scripts: Counter[str] = Counter()
    for ch, n in chars.items():
        if ch.isalpha():
            scripts[language._script(ch)] += n
    letters = sum(scripts.values())
    if not letters:
        return None
    found = language._by_script(chars, scripts, letters)
    if found is not None:
        return found
    score: Counter[str] = Counter()
    for ch, lang in language._LETTERS.items():
        score[lang] += 2 * chars[ch]
    folded = language._COMBINING.sub("", unicodedata.normalize("NFKD", text))
    for word in re.findall(r"[a-z]+", folded.replace("ı", "i")):
        for lang in language._INDEX.get(word, ()):
            score[lang] += 1
    ranked = score.most_common(2)
    return ranked[0][0] if ranked and ranked[0][1] >= 3 else None


def _words() -> list[str]:
    from cvconvert import language

    words = [w for ws in language._WORDS.values() for w in ws]
    # Accented spellings, letters of one language, other scripts, and words of no language.
    return [
        *words, "für", "expérience", "formação", "ñ", "ł", "ş", "ő", "å", "ư", "ß", "ı", "İ", "Ǆ", "ﬁ",
        "简历", "データ", "한국어", "שלום", "مرحبا", "پژوهش", "Привет", "їжак", "Ελλάδα", "Ünïcödé", "x1_y", "½",
    ]  # fmt: skip


_text_of_words = st.lists(st.one_of(st.sampled_from(_words()), st.text(max_size=6)), max_size=120).map(
    lambda ws: " ".join(ws)
)


@given(st.one_of(_text_of_words, st.text()))
@settings(max_examples=400, deadline=None)
def test_detect_counts_as_the_per_character_definition_does(text: str) -> None:
    from cvconvert import language

    assert language.detect([text]) == _detect_by_definition(text)


@given(st.one_of(_text_of_words, st.text()))
@settings(max_examples=300, deadline=None)
def test_count_letters_counts_word_characters_but_digits_and_underscores(text: str) -> None:
    import re

    from cvconvert import language

    assert language.count_letters(text) == len(re.findall(r"[^\W\d_]", text))


def test_a_tie_between_languages_goes_to_the_first_scored() -> None:
    from cvconvert import language

    # "en" (Dutch, Hungarian...) and "de" score alike: ties keep the order languages were first scored in.
    for text in ("und der die en het van", "the and of und der die", "van het een met the and of"):
        assert language.detect([text]) == _detect_by_definition(text)


def _prose_by_definition(data: object) -> str:
    """The prose :func:`i18n.told` reads, as first written: a stack of copied (key, value) lists."""
    texts: list[str] = []
    size = 0
    stack: list[tuple[object, object]] = [("", data)]
    while stack and size < i18n._TELL_CHARS:
        key, value = stack.pop()
        if isinstance(value, dict):
            stack.extend(reversed([(k, v) for k, v in value.items() if not str(k).startswith("x-")]))
        elif isinstance(value, list):
            stack.extend(reversed([(key, v) for v in value]))
        elif isinstance(value, str) and key in i18n._PROSE:
            texts.append(value)
            size += len(value)
    return "\n".join(texts)[: i18n._TELL_CHARS]


_prose_values = st.recursive(
    st.text(max_size=300) | st.integers() | st.none(),
    lambda inner: (
        st.lists(inner, max_size=4)
        | st.dictionaries(st.sampled_from([*i18n._PROSE, "name", "x-note", "x-summary", "work"]), inner, max_size=5)
    ),
    max_leaves=40,
)


@given(_prose_values)
@settings(max_examples=300, deadline=None)
def test_told_reads_the_prose_the_plain_walk_reads(data: object) -> None:
    assert i18n._prose(data) == _prose_by_definition(data)


def test_telling_survives_data_nested_deeper_than_pythons_recursion() -> None:
    deep: object = {"summary": GERMAN * 2}
    for _ in range(5_000):
        deep = {"work": [deep]}
    assert i18n.told(deep) == "de"
