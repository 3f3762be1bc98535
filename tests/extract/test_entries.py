"""Entries of work and education: how a section is cut into entries and how an entry head splits
into organisation, title (or degree), field and place (cvconvert.extract.entries and .heads).

Every test is synthetic: invented names on Line records, one rule each.
"""

from __future__ import annotations

import pytest

from cvconvert.extract import extract
from cvconvert.extract.heads import _fragment_kind, _split_head
from cvconvert.extract.lines import Line


def head(*texts: str, key: str = "work") -> dict[str, str]:
    """The fields of an entry head made of these lines."""
    return _split_head([Line(t) for t in texts], key)[0]


# -- vocabularies per language -------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "kind"),
    [
        ("Liceo Scientifico Nordvia", "org"),  # it
        ("Hogeschool Zandvoort", "org"),  # nl
        ("Uniwersytet Przykładowy", "org"),  # pl
        ("Örnek Üniversitesi", "org"),  # tr
        ("Példa Egyetem", "org"),  # hu
        ("Πανεπιστήμιο Δοκιμής", "org"),  # el
        ("Exempel Högskola", "org"),  # sv
        ("Sekolah Contoh", "org"),  # id
        ("Công ty Mẫu", "org"),  # vi
        ("株式会社サンプル", "org"),  # ja
        ("샘플 주식회사", "org"),  # ko
        ("אוניברסיטת דוגמה", "org"),  # he
        ("شرکت نمونه", "org"),  # fa
        ("Sviluppatore Java", "role"),  # it
        ("Ontwikkelaar", "role"),  # nl
        ("Programista Java", "role"),  # pl
        ("Yazılım Mühendisi", "role"),  # tr
        ("Fejlesztő", "role"),  # hu
        ("Μηχανικός λογισμικού", "role"),  # el
        ("Utvecklare", "role"),  # sv
        ("Pengembang perangkat lunak", "role"),  # id
        ("Lập trình viên", "role"),  # vi
        ("クライアントプログラマー", "role"),  # ja
        ("백엔드 개발자", "role"),  # ko
        ("מפתח תוכנה", "role"),  # he
        ("برنامه‌نویس", "role"),  # fa
        ("Programador", "role"),  # es
    ],
)
def test_organisation_and_title_words_per_language(text: str, kind: str | None) -> None:
    assert _fragment_kind(text, "work") == kind


@pytest.mark.parametrize(
    "text",
    [
        "Laurea in Ingegneria",  # it
        "Licencjat z informatyki",  # pl
        "Yüksek Lisans",  # tr
        "Πτυχίο Πληροφορικής",  # el
        "Kandidatexamen i datavetenskap",  # sv
        "Sarjana Komputer",  # id
        "Cử nhân Tin học",  # vi
        "修士（工学）",  # ja
        "컴퓨터공학 학사",  # ko
        "תואר ראשון במדעי המחשב",  # he
        "کارشناسی مهندسی کامپیوتر",  # fa
        "Диплом инженера",  # ru
        "Propedeuse Informatica",  # nl
    ],
)
def test_degree_words_per_language(text: str) -> None:
    assert _fragment_kind(text, "education") == "role"
