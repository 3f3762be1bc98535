"""A third-party cvconvert format, as a plug-in package would publish it: plain text out."""

from __future__ import annotations

from pydantic import Field

from cvconvert.formats.base import Format
from cvconvert.model import Resume
from cvconvert.options import WriteOptions
from cvconvert.report import Report, pointer


class PlainTextOptions(WriteOptions):
    """What the plain-text writer takes."""

    width: int = Field(200, gt=0, description="cut each line to this many characters")


def write(resume: Resume, options: PlainTextOptions) -> tuple[bytes, Report]:
    """The name and job titles as plain text; every other section is reported as lost."""
    report = Report()
    lines = [resume.basics.name or "" if resume.basics else ""]
    for i, job in enumerate(resume.work or ()):
        lines.append(f"- {job.position or ''} at {job.name or ''}"[: options.width])
        if job.highlights:
            report.lost(pointer("work", i, "highlights"), "plain text keeps job titles only")
    for section in ("education", "skills"):
        if getattr(resume, section):
            report.lost(pointer(section), "plain text keeps job titles only")
    return ("\n".join(lines) + "\n").encode(), report


FORMAT = Format(
    name="plaintext", extensions=(".txt",), media_type="text/plain", write=write, write_options=PlainTextOptions
)
