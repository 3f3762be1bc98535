"""Many files at once: on a process pool, or on a Dask cluster; a bad file never stops the rest.

:func:`convert_many` yields one :class:`Result` per input as the conversions finish. Inputs
are files, folders (searched recursively for files of a readable format) and glob
patterns, as local paths or fsspec URLs (``s3://bucket/cvs/``) that the workers can reach.
Each output keeps the input's path relative to the folder or pattern it came from, with
the output format's extension; outputs that would collide get distinct names, and an output
that would land outside the output folder is refused. Folder walks and patterns do not follow
links out of the folder walked, and skip what is not a regular file (a named pipe would block).
"""

from cvconvert.batch.engines import Interrupt, convert_many
from cvconvert.batch.model import Engine, Result, Status, Task
from cvconvert.batch.plan import plan
from cvconvert.batch.task import check_options, run_chunk, run_task
from cvconvert.batch.workbook import gather_workbook

__all__ = [
    "Engine",
    "Interrupt",
    "Result",
    "Status",
    "Task",
    "check_options",
    "convert_many",
    "gather_workbook",
    "plan",
    "run_chunk",
    "run_task",
]
