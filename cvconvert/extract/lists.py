"""The list sections (skills, languages, interests, awards, certificates, publications, references)."""

from __future__ import annotations

import re
from typing import Any

from cvconvert.extract.daterange import _without_dates, find_dates
from cvconvert.extract.lines import Line, _is_bullet, _strip_bullet
from cvconvert.extract.vocab import _split_key

_LANGUAGE_NAMES = re.compile(
    r"(?i)^(?:english|german|french|spanish|portuguese|italian|dutch|russian|chinese|mandarin|cantonese|japanese|"
    r"korean|arabic|hindi|urdu|bengali|odia|oriya|tamil|telugu|marathi|turkish|polish|ukrainian|greek|swedish|"
    r"norwegian|danish|finnish|czech|hungarian|romanian|persian|hebrew|deutsch|englisch|französisch|spanisch|"
    r"italienisch|russisch|anglais|allemand|français|espagnol|italien|inglés|alemán|francés|español|inglês|"
    r"alemão|francês|português|английский|немецкий|французский|русский|испанский|英语|汉语|中文|日语|德语|法语)\b"
)


def _is_language_name(text: str) -> bool:
    """True when the text starts with a language's name ("English (fluent)", "Deutsch")."""
    return bool(_LANGUAGE_NAMES.match(text))


def _list_items(lines: list[Line]) -> list[str]:
    out = []
    for line in lines:
        for part in line.text.split("\t"):
            text = _strip_bullet(part)
            # Rating glyphs (★★★, private-use symbols) carry no words.
            if text and re.search(r"\w", text) and not re.fullmatch(r"[\W\u2605\u2606\uf000-\uf0ff]+", text):
                out.append(text.strip())
    return out


def _list_section(key: str, lines: list[Line]) -> list[dict[str, Any]]:
    items = _list_items(lines)
    out: list[dict[str, Any]] = []
    if key == "skills":
        for line in lines:
            text = _strip_bullet(line.text.replace("\t", " "))
            text = re.sub(r"[\uf000-\uf0ff★☆●○]+", "", text).strip()
            if not text:
                continue
            kv = _split_key(text) if ":" in text or "：" in text else None
            if kv and kv[1]:
                words = [w.strip(" .") for w in re.split(r"[,;，、]", kv[1]) if w.strip(" .")]
                out.append({"name": kv[0], "keywords": words})
            elif out and "keywords" in out[-1] and not out[-1]["keywords"] and not _is_bullet(line):
                out[-1]["keywords"] = [w.strip() for w in re.split(r"[,;，、]", text) if w.strip()]
            elif text.endswith(":"):
                out.append({"name": text.rstrip(":"), "keywords": []})
            else:
                out.append({"name": text})
        for item in out:
            if item.get("keywords") == []:
                del item["keywords"]
        return out
    if key == "languages":
        for text in items:
            for piece in re.split(r"[;,，、](?![^()]*\))", text):
                piece = piece.strip(" .")
                m = re.match(r"^(?P<lang>[^\W\d][\w' -]*?)\s*(?:[:–—-]\s*|\((?P<paren>[^)]*)\)\s*)(?P<fl>.*)$", piece)
                if m and (m.group("fl") or m.group("paren")):
                    fluency = (
                        (m.group("paren") or "") + (" " if m.group("paren") and m.group("fl") else "") + m.group("fl")
                    )
                    out.append({"language": m.group("lang").strip(), "fluency": fluency.strip(" ()")})
                elif piece:
                    out.append({"language": piece})
        return out
    if key == "interests":
        return [{"name": t} for text in items for t in re.split(r"[,;，、]", text) if t.strip()]
    if key in ("awards", "certificates", "publications", "references"):
        for line in lines:
            text = _strip_bullet(line.text)
            spans = find_dates(text)
            title = _without_dates(text, spans) if spans else text
            title = title.replace("\t", " ").strip()
            if not title or not re.search(r"\w", title):
                continue
            date = spans[0].end or spans[0].start if spans else None
            if key == "awards":
                out.append({"title": title, "date": date})
            elif key == "certificates":
                out.append({"name": title, "date": date})
            elif key == "publications":
                out.append({"name": title, "releaseDate": date})
            else:
                out.append({"name": title})
        return [{k: v for k, v in item.items() if v} for item in out]
    return [{"name": t} for t in items]
