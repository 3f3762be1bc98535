"""Places and street addresses: recognising them in a line and splitting them into JSON Resume fields."""

from __future__ import annotations

import re

from cvconvert.extract.lines import _words
from cvconvert.extract.vocab import _COUNTRIES, _DEGREE, _ORG


def _is_place(text: str) -> bool:
    text = text.strip()
    if len(text) > 80 or (_ORG.search(text) and not _COUNTRIES.search(text)) or _DEGREE.search(text):
        return False
    if re.fullmatch(r"[A-ZÀ-Ý][\w .'-]+,\s*[A-Z]{2}", text):
        return True
    parts = [p.strip() for p in text.split(",") if p.strip()]
    if 2 <= len(parts) <= 4 and all(_words(p) <= 3 and p[:1].isupper() for p in parts):
        return True
    return bool(
        re.fullmatch(r"г\.\s*[А-ЯЁ][а-яё-]+", text) or re.fullmatch(r"[А-ЯЁ][а-яё-]+(?:,\s*[А-ЯЁ][а-яё-]+)+", text)
    )


def _is_address(text: str) -> bool:
    # A street with a number and a postal code, in either order.
    return (
        bool(re.search(r"\d", text))
        and not _DEGREE.search(text)
        and bool(
            re.search(r"(?i)\b\d{4,6}\b\s+[^\W\d]", text)
            or re.search(
                r"(?i)(?:\b(?:str\.|street|st\.|road|rd\.|avenue|ave\.|rue|via|calle|avenida|rua|lane|boulevard|"
                r"blvd|plot|sector|ул\.|улица|проспект)\b|(?:strasse|straße|weg|platz|allee|gasse|ring|damm)\b|路|街)",
                text,
            )
        )
    )


def _parse_place(text: str) -> dict[str, str]:
    text = text.strip().rstrip(".")
    m = re.search(r"(?P<pc>\b\d{4,6}\b)\s+(?P<city>[^\W\d][\w .'-]*?)(?:,|$)", text)
    if m:
        out = {"address": text[: m.start()].strip(" ,"), "postalCode": m.group("pc"), "city": m.group("city").strip()}
        return {k: v for k, v in out.items() if v}
    if _is_address(text):
        return {"address": text}
    parts = [p.strip() for p in text.split(",") if p.strip()]
    if len(parts) >= 2 and re.search(r"\d", parts[0]) and not re.search(r"\d", parts[1]):
        # "Europa 5620, Gral. Alvear, Mendoza": street and number first.
        out = {"address": parts[0], "city": parts[1]}
        if len(parts) > 2:
            out["region"] = parts[2]
        return out
    while len(parts) > 1 and _ORG.search(parts[0]):
        parts.pop(0)  # "Alibaba Group, Beijing China": where the employer is
    if len(parts) >= 2 and _COUNTRIES.fullmatch(parts[0]):
        parts.reverse()  # "Россия, Москва": country first
    if len(parts) >= 2:
        return {"city": parts[0], "region": parts[1]}
    return {"city": text}
