"""Planning a batch: inputs (files, folders, patterns, fsspec URLs) expanded into :class:`Task` s.

Folder walks and patterns do not follow links out of the folder walked, and skip what is not a
regular file (a named pipe would block); outputs that would collide get distinct names, and an
output that would land outside the output folder is refused.
"""

from __future__ import annotations

import fnmatch
import functools
import itertools
import os
import posixpath
import stat
from collections.abc import Iterator, Sequence
from pathlib import Path, PurePosixPath
from typing import TYPE_CHECKING, Any, Literal

from cvconvert import formats
from cvconvert.batch.model import Task
from cvconvert.errors import InvalidInputError

if TYPE_CHECKING:
    pass

_GLOB_CHARS = frozenset("*?[")


def _is_url(spec: str) -> bool:
    return "://" in spec and not spec.startswith("file://")


def _readable_extensions() -> tuple[str, ...]:
    return tuple(ext for fmt in formats.all_formats().values() if fmt.read for ext in fmt.extensions)


# What a walk finds: the input, its path relative to what was walked, and why it is skipped
# (None when it is taken).
Found = tuple[str, str, str | None]
# The folders a recursive walk is in, by device and inode: a link back to one of them loops.
Within = tuple[tuple[int, int], ...]


def _expand_local(spec: str, exts: tuple[str, ...], follow: bool) -> Iterator[Found]:
    path = Path(spec.removeprefix("file://"))
    if any(c in spec for c in _GLOB_CHARS):
        root = Path(*path.parts[: _static_depth(str(path))])
        walk = _Walk(root, follow)
        for match, reason in walk.glob(root, path.parts[_static_depth(str(path)) :], walk.start()):
            yield str(match), match.relative_to(root).as_posix(), reason
    elif path.is_dir():
        walk = _Walk(path, follow)
        for child, rel, reason in walk.folder(str(path), "", walk.start()):
            # A skip is reported when the entry would have been taken, or may hold what would.
            name = rel.rpartition("/")[2]
            hidden = name.startswith(".")
            if (not hidden and name.lower().endswith(exts)) or (reason and not hidden and os.path.isdir(child)):
                yield child, rel, reason
    else:
        # A named file is taken even when it does not exist: its failure belongs in the report.
        # A link named here is the user's choice and is followed.
        yield str(path), path.name, None


# What a folder entry that is neither a file nor a folder is; opening a FIFO blocks until a
# writer comes, reading a device may never end: they are skipped without being opened.
_NOT_REGULAR = (
    (stat.S_ISFIFO, "a named pipe (FIFO)"),
    (stat.S_ISCHR, "a device"),
    (stat.S_ISBLK, "a device"),
    (stat.S_ISSOCK, "a socket"),
)


class _Walk:
    """One folder's or pattern's walk below ``root``, which follows no link that leaves root.

    A folder holding ``cv.json -> /home/me/secret.json`` (or a link to /etc or /proc) must not
    be converted into the outputs, where whoever filled the folder can read them; with
    ``follow`` the user allows it. Recursive walks never enter a link to a folder inside root
    (its files are taken where they are) nor a folder they are already in, so link loops end.
    """

    def __init__(self, root: Path, follow: bool) -> None:
        self.root = root
        self.real_root = Path(os.path.realpath(root))
        self.follow = follow

    def kind(self, path: Path, within: Within | None) -> tuple[Literal["file", "dir", "skip"], str | None, Within]:
        """What ``path`` is to this walk: a file to take, a folder to enter, or a skip and why.

        ``within`` holds the folders a recursive walk is in (None when it is not recursive);
        a folder comes back with itself added.
        """
        try:
            link = path.is_symlink()
            inside = not link or Path(os.path.realpath(path)).is_relative_to(self.real_root)
            if not inside and not self.follow:
                return "skip", f"{path}: a link leading out of {self.root}; not followed (see --follow-symlinks)", ()
            st = os.stat(path)  # never open: stat answers without blocking on a FIFO
        except OSError as exc:
            return "skip", f"{path}: {exc.strerror or exc}", ()  # a dangling link, a link loop
        if stat.S_ISREG(st.st_mode):
            return "file", None, ()
        if stat.S_ISDIR(st.st_mode):
            key = (st.st_dev, st.st_ino)
            if within is None:
                return "dir", None, ()
            if link and inside:
                return "skip", f"{path}: a link to a folder inside {self.root}, whose files are taken there", ()
            if key in within:
                return "skip", f"{path}: a link back to a folder it is in; not walked again", ()
            return "dir", None, (*within, key)
        what = next((name for test, name in _NOT_REGULAR if test(st.st_mode)), "not a regular file")
        return "skip", f"{path}: {what}, not a file; not read", ()

    def start(self) -> Within:
        """The folders a recursive walk from root is in: root itself."""
        try:
            st = os.stat(self.root)
        except OSError:
            return ()
        return ((st.st_dev, st.st_ino),)

    @staticmethod
    def entries(folder: Path) -> list[Path]:
        try:
            return sorted(folder / name for name in os.listdir(folder))
        except OSError:
            return []  # unreadable, or not a folder: nothing below it

    def folder(self, folder: str, rel: str, within: Within) -> Iterator[tuple[str, str, str | None]]:
        """Every file below ``folder`` (its path as ``str(Path)`` makes it, its path below root,
        None) and every entry skipped (with the reason).

        One scandir per folder: a plain file or folder is known by the entry's cached type, with
        no stat and no Path; a link or anything else goes through :meth:`kind`.
        """
        try:
            with os.scandir(folder) as found:
                children = sorted((entry.name, entry) for entry in found)  # names are unique
        except OSError:
            return  # unreadable, or not a folder: nothing below it
        for name, entry in children:
            child = name if folder == "." else f"{folder.rstrip('/')}/{name}"  # as Path(folder) / name
            kind, reason, inner = self.kind_of_entry(entry, child, within)
            if kind == "dir":
                yield from self.folder(child, f"{rel}{name}/", inner)
            else:
                yield child, f"{rel}{name}", reason

    def kind_of_entry(
        self, entry: os.DirEntry[str], child: str, within: Within
    ) -> tuple[Literal["file", "dir", "skip"], str | None, Within]:
        """:meth:`kind` for a folder entry of a recursive walk, from its cached type when it is
        a plain file or folder (not a link)."""
        try:
            if not entry.is_symlink():
                if entry.is_file(follow_symlinks=False):
                    return "file", None, ()
                if entry.is_dir(follow_symlinks=False):
                    st = entry.stat(follow_symlinks=False)
                    if (st.st_dev, st.st_ino) in within:
                        return "skip", f"{child}: a link back to a folder it is in; not walked again", ()
                    return "dir", None, (*within, (st.st_dev, st.st_ino))
        except OSError:
            pass  # gone since the scan: kind says why
        return self.kind(Path(child), within)

    def glob(self, base: Path, parts: Sequence[str], within: Within) -> Iterator[tuple[Path, str | None]]:
        """What the pattern ``parts`` matches below ``base``: files (None) and skips (a reason).

        Not glob.glob, which follows every link to a folder: two links to ``..`` make its
        ``**`` walk 2**40 paths.
        """
        part, rest = parts[0], parts[1:]
        if part == "**":
            if rest:
                yield from self.glob(base, rest, within)
            for child in self.entries(base):
                if child.name.startswith("."):
                    continue  # as glob: ** does not enter hidden folders
                kind, reason, inner = self.kind(child, within)
                if kind == "dir":
                    yield from self.glob(child, parts, inner)
                elif kind == "file" and not rest:
                    yield child, None
                elif kind == "skip" and (not rest or child.is_dir()):
                    yield child, reason
            return
        if any(c in part for c in _GLOB_CHARS):
            hidden = part.startswith(".")
            matches = [c for c in self.entries(base) if fnmatch.fnmatchcase(c.name, part)]
            matches = [c for c in matches if hidden or not c.name.startswith(".")]
        else:
            matches = [base / part] if os.path.lexists(base / part) else []
        for child in matches:
            kind, reason, _ = self.kind(child, None)
            if kind == "dir" and rest:
                yield from self.glob(child, rest, within)
            elif kind == "file" and not rest:
                yield child, None
            elif kind == "skip":
                yield child, reason


def _static_depth(pattern: str) -> int:
    parts = Path(pattern).parts
    for i, part in enumerate(parts):
        if any(c in part for c in _GLOB_CHARS):
            return i
    return len(parts)


def _expand_url(spec: str, exts: tuple[str, ...]) -> Iterator[Found]:
    fs, path = _fs(spec)
    protocol = spec.split("://", 1)[0]

    def url(p: str) -> str:
        return p if "://" in p else f"{protocol}://{p}"

    if any(c in path for c in _GLOB_CHARS):
        root = "/".join(p for p in path.split("/")[: _static_depth(path)])
        for match in sorted(fs.glob(path)):
            yield url(match), PurePosixPath(match).relative_to(root).as_posix(), None
    elif fs.isdir(path):
        for match in sorted(fs.find(path)):
            if match.lower().endswith(exts):
                yield url(match), PurePosixPath(match).relative_to(path.rstrip("/")).as_posix(), None
    else:
        yield spec, PurePosixPath(path.rsplit("/", 1)[-1]).as_posix(), None


def _fs(url: str) -> tuple[Any, str]:
    from cvconvert._deps import requires_extra

    with requires_extra("dask"):
        import fsspec

    fs, path = fsspec.core.url_to_fs(url)
    return fs, path


def plan(inputs: Sequence[str], out: str, to: str, *, follow_symlinks: bool = False) -> list[Task]:
    """The tasks for these inputs: one output per input under ``out``, no two alike.

    An input skipped by the walk (a link leaving its folder, a named pipe) or whose output
    would land outside ``out`` comes back as a refused task, which is reported, never read.
    ``follow_symlinks`` lets folder walks and patterns follow links out of their folder.
    """
    fmt = formats.get(to)
    ext = fmt.extensions[0] if fmt.extensions else f".{fmt.name}"
    found = _expand_all(list(inputs), follow_symlinks)
    # An output never takes an input's path (--out the input folder, cv.json to json): it would
    # write over a file not yet read, or over the one being read.
    taken: set[str] = _inputs_below(out, [source for source, _, skip in found if skip is None])
    tasks: list[Task] = []
    inside_out = _Inside(out)
    for source, rel, skip in found:
        if skip is not None:
            tasks.append(Task(source, "", ("skipped", skip)))
            continue
        inside = _inside(rel)
        output = _join(out, _unique(inside, ext, taken)) if inside is not None else None
        if output is None or not inside_out(output):
            reason = f"{source}: its output {_join(out, rel)} would be outside the output folder; not converted"
            tasks.append(Task(source, "", ("failed", reason)))
            continue
        tasks.append(Task(source, output))
    return tasks


def _inputs_below(out: str, sources: Sequence[str]) -> set[str]:
    """The inputs' paths relative to ``out`` (lower case, as outputs are compared), for those
    below it: by their written paths, made absolute (links are not resolved: an output is
    renamed over a link, never written through it)."""
    if _is_url(out):
        root = out.rstrip("/") + "/"
        return {s[len(root) :].lower() for s in sources if s.startswith(root)}
    here = os.getcwd()  # once: os.path.abspath asks for it again for each path
    base = os.path.join(os.path.normpath(os.path.join(here, out.removeprefix("file://"))), "")
    below = (os.path.normpath(os.path.join(here, s.removeprefix("file://"))) for s in sources if not _is_url(s))
    return {p[len(base) :].replace(os.sep, "/").lower() for p in below if p.startswith(base)}


def _inside(rel: str) -> str | None:
    """``rel`` (a relative POSIX path) without ``.`` and ``..`` steps, or None when it climbs
    above where it starts.

    An object store's key may hold ``..`` (``cvs/a/../../../x.json`` is a legal S3 or GCS
    key): joined as it is, it would write outside the output folder.
    """
    name = posixpath.normpath(rel)
    if name in (".", "..") or name.startswith(("../", "/")):
        return None
    return name


class _Inside:
    """Whether an output lands inside the output folder ``out`` once its path is resolved."""

    def __init__(self, out: str) -> None:
        self.url = _is_url(out)
        self.root = posixpath.normpath(out.split("://", 1)[1]) if self.url else str(Path(out).resolve())
        self.folders: dict[str, bool] = {}

    def __call__(self, output: str) -> bool:
        if self.url:
            return posixpath.normpath(output.split("://", 1)[1]).startswith(self.root.rstrip("/") + "/")
        # A link among the output's folders may lead out (one left in --out, or made by whoever
        # can write there). The file itself is not followed: write_atomic renames over a link.
        parent = os.path.dirname(output)
        if parent not in self.folders:
            self.folders[parent] = Path(parent).resolve().is_relative_to(self.root)
        return self.folders[parent]


def _unique(rel: str, ext: str, taken: set[str]) -> str:
    # cv.json and cv.yaml in one folder would both become cv.docx: keep the old suffix then,
    # and number what still collides (the same file name reached through two inputs).
    name = rel.rpartition("/")[2]
    dot = name.rfind(".")
    stem = rel[: len(rel) - len(name) + dot] if 0 < dot < len(name) - 1 else rel  # as PurePath.with_suffix("")
    first = (f"{stem}{ext}", f"{rel}{ext}")
    for name in itertools.chain(first, (f"{stem}-{n}{ext}" for n in itertools.count(2))):
        if name.lower() not in taken:
            taken.add(name.lower())
            return name
    raise AssertionError("unreachable: the counter never ends")


def _join(out: str, rel: str) -> str:
    if _is_url(out):
        return f"{out.rstrip('/')}/{rel}"
    base = _local_folder(out)
    return base if not rel else rel if base == "." else f"{base.rstrip('/')}/{rel}"  # as str(Path(out) / rel)


@functools.lru_cache(maxsize=8)
def _local_folder(out: str) -> str:
    return str(Path(out))


def _expand_all(inputs: Sequence[str], follow_symlinks: bool = False) -> list[Found]:
    """Every input file with its path relative to the folder or pattern it came from, once each
    (a file named twice, directly and through its folder, is converted once), and every entry
    the walks skipped, with the reason."""
    readable = _readable_extensions()
    found: dict[str, tuple[str, str | None]] = {}
    for spec in inputs:
        expanded = _expand_url(spec, readable) if _is_url(spec) else _expand_local(spec, readable, follow_symlinks)
        for source, rel, skip in expanded:
            if source not in found or (found[source][1] is not None and skip is None):
                found[source] = (rel, skip)  # a file named on the command line is taken, even if a walk skipped it
    if not found:
        # A pattern that matched nothing, or an empty folder, is a mistake to report, not a
        # batch of nothing that succeeds.
        raise InvalidInputError(f"no input files matched {', '.join(inputs)}")
    return [(source, rel, skip) for source, (rel, skip) in found.items()]
