"""What a command-line process does while it starts and when it ends, for speed alone.

``cvconvert.cli`` imports this module first (with PYDANTIC_DISABLE_PLUGINS set) and calls
:func:`imported` once its own imports are done. Three savings, in CPU time of a JSON -> JSON run
(about 190 ms before; indicative, ``bench/bench_startup.py``):

- pydantic's plug-in loader is not imported (see
  :func:`cvconvert._deps.skip_pydantic_plugin_import`): some 18 ms;
- no garbage collection while the modules load: pydantic's and our model classes are
  hundreds of thousands of objects, scanned again and again by collections that find nothing
  to free. After the imports, :func:`gc.freeze` moves them out of the collector's sight for good
  (they live as long as the process anyway), and collection resumes for what the work makes;
- at exit, the objects are frozen again before the interpreter's last full collections, which
  would visit every object of the process to free none that matters: some 30 ms. Cyclic garbage
  left at exit is then freed without being collected (its ``__del__`` is not called; Python never
  promised it would be), and every file cvconvert writes is closed before the command returns.
"""

from __future__ import annotations

import atexit
import gc

from cvconvert._deps import skip_pydantic_plugin_import

skip_pydantic_plugin_import()
_was_enabled = gc.isenabled()
gc.disable()


def imported() -> None:
    """The CLI's imports are done: freeze what they made, collect again, and freeze at exit."""
    gc.freeze()
    if _was_enabled:
        gc.enable()
    atexit.register(gc.freeze)
