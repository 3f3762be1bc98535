"""Europass V2.0 (``learnerinfo``, 2005-2012), written by hand after the official V2.0 example's structure."""

from __future__ import annotations

from pathlib import Path

import cvconvert
from tests.helpers import run_bounded

V2 = """<?xml version="1.0" encoding="UTF-8"?>
<europass:learnerinfo locale="en_GB" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance"
 xmlns:europass="http://europass.cedefop.europa.eu/Europass/V2.0">
  <docinfo><issuedate>2012-01-02T10:00:00+01:00</issuedate><xsdversion>V2.0</xsdversion></docinfo>
  <prefs><field keep="true" name="step1.email"></field></prefs>
  <identification>
    <firstname>Ada</firstname>
    <lastname>Byron</lastname>
    <contactinfo>
      <address>
        <addressLine>12 Engine Street</addressLine>
        <municipality>London</municipality>
        <postalCode>W1 1AA</postalCode>
        <country><code>GB</code><label>United Kingdom</label></country>
      </address>
      <telephone>+44 20 0000 0000</telephone>
      <fax>+44 20 0000 0001</fax>
      <mobile>+44 7000 000000</mobile>
      <email>ada@example.org</email>
    </contactinfo>
    <demographics><birthdate>1815-12-10</birthdate><gender>F</gender></demographics>
  </identification>
  <application><label>Analyst</label></application>
  <workexperiencelist>
    <workexperience>
      <period><from><year>1842</year><month>--08</month></from><to></to></period>
      <position><label>Translator</label></position>
      <activities>Notes on the engine</activities>
      <employer>
        <name>Analytical Society</name>
        <address><municipality>London</municipality>
          <country><code>GB</code><label>United Kingdom</label></country></address>
        <sector><label>Science</label></sector>
      </employer>
    </workexperience>
  </workexperiencelist>
  <educationlist>
    <education>
      <period><from><year>1830</year></from><to><year>1835</year></to></period>
      <title>Mathematics</title>
      <skills>- algebra</skills>
      <organisation><name>Home tutoring</name></organisation>
    </education>
  </educationlist>
  <languagelist>
    <language xsi:type="europass:mother"><code>en</code><label>English</label></language>
    <language xsi:type="europass:foreign"><code>fr</code><label>French</label>
      <level><listening>c1</listening><reading>c1</reading><spokeninteraction>c1</spokeninteraction>
      <spokenproduction>c1</spokenproduction><writing>c1</writing></level></language>
  </languagelist>
  <skilllist>
    <skill type="computer">- punch cards

- tables</skill>
    <skill type="artistic"></skill>
    <structured-skill xsi:type="europass:driving"><drivinglicence>B</drivinglicence></structured-skill>
  </skilllist>
  <misclist><misc type="additional">Publications: Notes (1843)</misc></misclist>
</europass:learnerinfo>
"""


def test_a_v2_file_reads_into_its_json_resume_homes(tmp_path: Path) -> None:
    source = tmp_path / "old.xml"
    source.write_text(V2, encoding="utf-8")
    resume, report = cvconvert.read_with_report(source)
    data = resume.to_data()
    basics = data["basics"]
    assert (basics["name"], basics["label"], basics["email"], basics["phone"]) == (
        "Ada Byron",
        "Analyst",
        "ada@example.org",
        "+44 7000 000000",
    )
    assert basics["location"] == {
        "address": "12 Engine Street",
        "city": "London",
        "postalCode": "W1 1AA",
        "countryCode": "GB",
    }
    job = data["work"][0]
    assert (job["name"], job["position"], job["startDate"], job["location"]) == (
        "Analytical Society",
        "Translator",
        "1842-08",
        "London, United Kingdom",
    )
    assert "endDate" not in job
    assert data["education"][0]["studyType"] == "Mathematics" and data["education"][0]["endDate"] == "1835"
    assert [lang["language"] for lang in data["languages"]] == ["English", "French"]
    assert {"name": "Computer skills", "keywords": ["punch cards", "tables"]} in data["skills"]
    assert {"name": "Driving licence", "keywords": ["B"]} in data["skills"]
    lost = " ".join(n.message for n in report.losses)
    assert "fax" in lost and "gender" in lost and "additional" in lost and "further telephone" in lost


def test_the_cli_upgrades_a_v2_file_to_the_current_europass_xml(tmp_path: Path) -> None:
    source = tmp_path / "old.v2.xml"
    source.write_text(V2, encoding="utf-8")
    target = tmp_path / "new.xml"
    code, err, _, _ = run_bounded(str(source), str(target), "-q")
    assert code == 0, err
    assert b"<Candidate" in target.read_bytes()
    again = cvconvert.read(target)
    assert again.basics is not None and again.basics.name == "Ada Byron"
    assert again.work and again.work[0].name == "Analytical Society"
