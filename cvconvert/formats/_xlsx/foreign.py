"""Other people's candidate workbooks, best effort: a header row naming columns such as Name,
Email, Phone, Company or Education (in several languages) makes each row below it a résumé.
"""

from __future__ import annotations

from typing import Any

from cvconvert.formats._xlsx.layout import norm
from cvconvert.formats._xlsx.reading import rows, text_of
from cvconvert.report import Report

# Where a column's cells go: a path into the résumé (work/education fields go to one entry).
_SYNONYMS: dict[tuple[str, ...], tuple[str, ...]] = {
    ("basics", "name"): (
        "name",
        "full name",
        "fullname",
        "candidate",
        "candidate name",
        "applicant",
        "applicant name",
        "username",
        "nom",
        "nom complet",
        "vorname nachname",
        "nombre",
        "nome",
        "фио",
        "имя",
        "姓名",
        "名字",
        "候选人",
        "지원자명",
        "이름",
        "성명",
        "氏名",
    ),
    ("basics", "email"): (
        "email",
        "e-mail",
        "mail",
        "email address",
        "courriel",
        "correo",
        "correo electrónico",
        "почта",
        "электронная почта",
        "邮箱",
        "电子邮件",
        "이메일",
        "メール",
    ),
    ("basics", "phone"): (
        "phone",
        "phone number",
        "mobile",
        "telephone",
        "tel",
        "téléphone",
        "telefon",
        "teléfono",
        "telefone",
        "телефон",
        "телефон 1",
        "电话",
        "手机",
        "联系电话",
        "전화번호",
        "연락처",
        "휴대폰",
        "電話",
    ),
    ("basics", "label"): ("title", "headline", "label", "desired position", "wunschposition", "желаемая должность"),
    ("basics", "url"): ("url", "link", "website", "profile", "resume link", "ссылка", "链接", "링크"),
    ("basics", "location", "city"): ("city", "location", "ville", "stadt", "ciudad", "cidade", "город", "城市", "도시"),
    ("work", "name"): (
        "company",
        "current company",
        "employer",
        "organisation",
        "organization",
        "entreprise",
        "firma",
        "empresa",
        "компания",
        "организация",
        "公司",
        "单位",
        "회사",
        "회사명",
        "소속",
    ),
    ("work", "position"): (
        "position",
        "job title",
        "current position",
        "role",
        "poste",
        "stelle",
        "puesto",
        "cargo",
        "должность",
        "职位",
        "岗位",
        "직위",
        "직책",
    ),
    ("education", "institution"): (
        "education",
        "school",
        "university",
        "college",
        "institution",
        "bachelor school",
        "école",
        "hochschule",
        "universidad",
        "universidade",
        "образование",
        "вуз",
        "学校",
        "毕业院校",
        "学历",
        "최종학력(학교)",
        "학교",
        "출신학교",
    ),
    ("education", "area"): ("major", "field of study", "area", "specialty", "спец", "специальность", "专业", "전공"),
    ("education", "studyType"): (
        "degree",
        "diploma",
        "qualification",
        "diplôme",
        "abschluss",
        "степень",
        "学位",
        "최종학력(학사 등)",
        "학위",
    ),
    # A name given in two columns: joined into basics.name (given name first).
    ("basics", "x-given"): (
        "first name",
        "firstname",
        "given name",
        "givenname",
        "forename",
        "prénom",
        "prenom",
        "vorname",
        "nombre de pila",
        "primeiro nome",
        "nome próprio",
        "名",
        "이름(名)",
    ),
    ("basics", "x-family"): (
        "last name",
        "lastname",
        "family name",
        "familyname",
        "surname",
        "nom de famille",
        "nachname",
        "familienname",
        "apellido",
        "apellidos",
        "sobrenome",
        "cognome",
        "фамилия",
        "姓",
        "성",
    ),
    ("skills", "name"): ("skills", "skill", "compétences", "kenntnisse", "habilidades", "навыки", "技能", "기술"),
}
_LOOKUP: dict[str, tuple[str, ...]] = {norm(name): path for path, names in _SYNONYMS.items() for name in names}
# A header row needs a name column and at least one more known column; a data row needs a
# name, e-mail, phone or link.
_PEOPLE = {("basics", "name"), ("basics", "x-given"), ("basics", "x-family")}
HEADER_SCAN = 10


def read_foreign(book: Any, report: Report) -> list[dict[str, Any]]:
    """Résumés from every sheet with a recognisable header row; [] when there is none."""
    found: list[dict[str, Any]] = []
    for ws in book.worksheets:
        sheet_rows = rows(ws)
        header: dict[int, tuple[str, ...] | str] | None = None
        for n, row in enumerate(sheet_rows):
            if header is None:
                if n >= HEADER_SCAN:
                    break
                header = _header(row)
                continue
            data = _resume(row, header)
            if data:
                found.append(data)
    if found:
        report.warn(
            "",
            f"a foreign workbook (not written by cvconvert): {len(found)} row(s) read as résumés "
            "from their column headers, best effort",
        )
    return found


def _header(row: list[Any]) -> dict[int, tuple[str, ...] | str] | None:
    mapped: dict[int, tuple[str, ...] | str] = {}
    used: set[tuple[str, ...]] = set()
    for i, cell in enumerate(row):
        if not isinstance(cell.value, str) or not cell.value.strip():
            continue
        path = _LOOKUP.get(norm(cell.value))
        if path is not None and path not in used:
            mapped[i] = path
            used.add(path)
        else:
            mapped[i] = cell.value.strip()
    if not (used & _PEOPLE) or len(used) < 2:
        return None
    return mapped


def _resume(row: list[Any], header: dict[int, tuple[str, ...] | str]) -> dict[str, Any]:
    data: dict[str, Any] = {}
    extra: dict[str, str] = {}
    for i, target in header.items():
        if i >= len(row):
            continue
        cell = row[i]
        value = text_of(cell.value, getattr(cell, "number_format", None))
        if value is None or not value.strip():
            continue
        value = value.strip()
        if isinstance(target, str):
            extra.setdefault(target, value)
            continue
        section, *rest = target
        if section == "basics":
            holder = data.setdefault("basics", {})
            for part in rest[:-1]:
                holder = holder.setdefault(part, {})
            holder[rest[-1]] = value
        else:
            entries = data.setdefault(section, [{}])
            entries[0][rest[-1]] = value
    basics = data.get("basics") or {}
    parts = [basics.pop(k) for k in ("x-given", "x-family") if k in basics]
    if parts and "name" not in basics:
        basics["name"] = " ".join(parts)
    elif parts:
        extra.update(zip(("given name", "family name"), parts, strict=False))
    if not any(basics.get(k) for k in ("name", "email", "phone", "url")):
        return {}  # a row about no one (a legend, a total, a note under the table)
    if extra:
        data["x-columns"] = extra
    return data
