"""A process that compiles PDFs for a fork of a process that compiled (see :func:`.write._in_helper`).

Typst's worker threads live in the process that first compiled; a fork has none, and its first
compile would wait for them forever. Such a fork sends its compiles here: one request at a time
on stdin (a length line, then JSON), one answer on stdout (a length line, a JSON header, the PDF).
It ends when stdin closes (the fork that started it has ended).
"""

from __future__ import annotations

import json
import sys


def main() -> None:
    """Serve compile requests until stdin closes."""
    from cvconvert.formats._pdf.write import _compiled

    source, sink = sys.stdin.buffer, sys.stdout.buffer
    while line := source.readline():
        request = json.loads(source.read(int(line)))
        pdf, warnings, error = _compiled(
            request["template"], request["view"], request["resume"], tuple(request["standards"]), request["system"]
        )
        header = json.dumps({"warnings": warnings, "error": error, "size": len(pdf)}).encode()
        sink.write(b"%d\n" % len(header) + header + pdf)
        sink.flush()


if __name__ == "__main__":
    main()
