"""Europass values laid out one per indented line read as their text (issue 15, item 5)."""

from __future__ import annotations

from pathlib import Path

import cvconvert

# A legacy V3 file as some editors write it: every text value on its own indented line.
V3 = b"""<?xml version="1.0" encoding="UTF-8"?>
<SkillsPassport xmlns="http://europass.cedefop.europa.eu/Europass" locale="en">
  <LearnerInfo>
    <Identification>
      <PersonName>
        <FirstName>
\t\t\t\t\tJohn
\t\t\t\t</FirstName>
        <Surname>
\t\t\t\t\tSmith
\t\t\t\t</Surname>
      </PersonName>
      <ContactInfo>
        <Email>
          <Contact>
\t\t\t\t\t\tjohn.smith@example.org
\t\t\t\t\t</Contact>
        </Email>
      </ContactInfo>
    </Identification>
  </LearnerInfo>
</SkillsPassport>
"""


def test_indented_values_read_as_their_text_and_survive_v3_to_v3(tmp_path: Path) -> None:
    source = tmp_path / "cv.v3.xml"
    source.write_bytes(V3)
    resume = cvconvert.read(source)
    assert resume.basics is not None
    assert resume.basics.name == "John Smith"
    assert resume.basics.email == "john.smith@example.org"
    target = tmp_path / "again.v3.xml"
    cvconvert.convert(source, target)
    again = cvconvert.read(target)
    assert again.basics is not None and again.basics.email == "john.smith@example.org"
    assert again.basics.name == "John Smith"
