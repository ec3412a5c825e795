"""What a job reads: local papers, or objects behind an fsspec URL (an object-store bucket),
so a cluster can read papers that sit on no shared disk.

A `Source` carries two strings. `url` is what a worker opens: an absolute local path, or
the URL as the user gave it (credentials a protocol takes in the URL included, since the
worker needs them). `shown()` is what everything else uses (logs, progress, the store's
record of where a file was seen): the same URL with userinfo and credential-like query
keys masked, bounded in length. `repr` and `str` give `shown()` too, so a Source printed
in a traceback or a scheduler's log names the file without its secrets. Neither string is
escaped here: a name from a bucket can hold anything, so callers escape it wherever they
show it (boardpapers.show), as they do a local file name.

Local paths are found exactly as `boardpapers run` finds them (`batch.find_files`), so a
cluster run and a single-process run see the same files under the same names. fsspec is
imported only for URLs: a local-only job runs without it.
"""
from __future__ import annotations

import contextlib
import hashlib
import re
import shutil
import tempfile
import unicodedata
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

CHUNK = 1 << 20  # bytes read at a time: hashing and copying stream, whatever the size
OPEN_BLOCK = 4 * CHUNK  # what a remote file fetches ahead (s3fs's own default is 50 MiB)
MAX_SHOWN = 1000  # characters of shown(); a longer URL keeps its start and its file name
MAX_REASON = 300  # characters of a foreign error quoted in a SourceError
MAX_LOCAL_NAME = 200  # bytes of a local copy's file name (file systems allow 255)
INSTALL_CLUSTER = "pip install 'boardpapers[cluster]'"

_SCHEME = re.compile(r"^([A-Za-z][A-Za-z0-9+.-]*)://")
# Query (or fragment) keys whose values are credentials: AWS and Google signed URLs, Azure
# SAS signatures, OAuth tokens, API keys and passwords.
_SECRET_KEY = re.compile(r"^(x-amz-.*|x-goog-.*|sig|signature|.*(key|secret|token|password"
                         r"|passwd|pwd|credential|auth).*)$", re.IGNORECASE)
MASK = "***"
_URL_IN_TEXT = re.compile(r"[A-Za-z][A-Za-z0-9+.-]*://[^\s'\"<>]+")


class SourceError(Exception):
    """A source that cannot be listed or read; the message is one sentence for the user."""


@dataclass(frozen=True)
class Source:
    url: str  # what a worker opens: an absolute local path, or an fsspec URL
    name: str  # the file's own name (last part of the path or key); not escaped

    def shown(self) -> str:
        """The URL without credentials, at most MAX_SHOWN characters; a local path as it is
        (as `boardpapers run` records it) unless it is longer than that."""
        text = self.url if not is_url(self.url) else "::".join(
            _without_credentials(part) for part in self.url.split("::"))
        return _bounded(text)

    def __repr__(self) -> str:
        return f"Source({self.shown()!r})"

    __str__ = shown


def is_url(text: str) -> bool:
    """Whether `text` is "scheme://…" with a scheme fsspec knows (every scheme:// counts
    when fsspec is not installed: find_sources then says how to install it). A "file://"
    URL is a URL here; find_sources turns it into its local path."""
    m = _SCHEME.match(text.split("::")[-1])  # fsspec chains: "simplecache::s3://bucket/key"
    if m is None:
        return False
    try:
        import fsspec
    except ImportError:
        return True
    return m.group(1).lower() in fsspec.available_protocols()


def find_sources(paths: Sequence[str]) -> list[Source]:
    """Every paper under `paths`, in the order given: a local file or folder as
    `batch.find_files` finds it (folders searched recursively, sorted, hidden files
    skipped, broken symlinks kept), as absolute paths; a URL naming one object as it is; a
    URL naming a prefix, every object under it with a paper's suffix, sorted.
    SourceError when a URL cannot be listed, needs a package that is not installed, or
    names a protocol fsspec does not know."""
    from .batch import find_files

    found: list[Source] = []
    for given in paths:
        if not is_url(given):
            if (m := _SCHEME.match(given.split("::")[-1])) and not Path(given).exists():
                raise SourceError(f"{_bounded(_without_credentials(given))} names the protocol "
                                  f"{m.group(1)!r}, which fsspec does not know; give a local "
                                  "path, or a URL such as s3://bucket/prefix/")
            found += [Source(str(p.absolute()), p.name) for p in find_files([Path(given)])]
        elif _protocol(given) in ("file", "local"):
            local = Path(_open_fs(given)[1])
            found += [Source(str(p.absolute()), p.name) for p in find_files([local])]
        else:
            found += _find_remote(given)
    return found


def sha256_of_source(source: Source) -> str:
    """The sha256 of the source's bytes, read in CHUNK-sized pieces. SourceError when it
    cannot be read (for a local file: not there, not readable, not a regular file)."""
    if not is_url(source.url):
        from ingest import IngestError, sha256_of

        try:
            return sha256_of(Path(source.url))
        except IngestError as e:
            raise SourceError(str(e)) from e
        except OSError as e:
            raise SourceError(f"cannot read {source.shown()}: {e.strerror or e}") from e
    h = hashlib.sha256()
    with _opened(source) as fh:
        for chunk in iter(lambda: fh.read(CHUNK), b""):
            h.update(chunk)
    return h.hexdigest()


@contextlib.contextmanager
def local_copy(source: Source, folder: Path, max_bytes: int) -> Iterator[Path]:
    """A local path holding the source's bytes, for as long as the block runs. A local
    source is its own path (the reader's budget bounds it). A URL is streamed into a new
    folder of its own under `folder`, as a file named after `name` made safe (no path
    separators, controls or "..", bounded, suffix kept), and removed on exit; more than
    `max_bytes` raises SourceError and leaves nothing behind."""
    if not is_url(source.url):
        yield Path(source.url)
        return
    folder.mkdir(parents=True, exist_ok=True)
    own = Path(tempfile.mkdtemp(prefix="boardpapers-", dir=folder))
    try:
        path = own / safe_name(source.name)
        copied = 0
        with _opened(source) as fh, open(path, "wb") as out:
            for chunk in iter(lambda: fh.read(CHUNK), b""):
                copied += len(chunk)
                if copied > max_bytes:
                    raise SourceError(f"{source.shown()} is over {_size(max_bytes)}, the "
                                      "most a file may be; it was not read")
                try:
                    out.write(chunk)
                except OSError as e:  # our disk, not the source: say so
                    raise SourceError(f"cannot copy {source.shown()} into {folder}: "
                                      f"{e.strerror or e}") from None
        yield path
    finally:
        shutil.rmtree(own, ignore_errors=True)


def safe_name(name: str) -> str:
    """`name` as a file name that stays in its folder: separators, controls and
    characters the file system cannot take replaced by "_", no "." or ".." or hidden
    name, at most MAX_LOCAL_NAME bytes with the suffix kept (the reader goes by it)."""
    out = "".join("_" if ch in "/\\" or unicodedata.category(ch) in ("Cc", "Cf", "Cs", "Zl",
                                                                     "Zp")
                  else ch for ch in name).strip()
    out = out.lstrip(".") or "paper"  # "..", "." and hidden names: still named, never up
    stem, dot, suffix = out.rpartition(".")
    if not dot or len(suffix.encode()) > 16:
        stem, suffix = out, ""
    suffix = f".{suffix}" if suffix else ""
    room = MAX_LOCAL_NAME - len(suffix.encode())
    stem = stem.encode()[:room].decode("utf-8", "ignore") or "paper"
    return stem + suffix


def _find_remote(url: str) -> list[Source]:
    from .batch import SUFFIXES

    fs, path = _open_fs(url)
    shown = Source(url, "").shown()
    try:
        fs.invalidate_cache(path)  # a long-lived worker or client must see new objects
        info = fs.info(path)
        if info.get("type") != "directory":
            return [Source(url, _last_part(url if _protocol(url) in ("http", "https")
                                           else path))]
        keys = sorted(fs.find(path, withdirs=False))
    except FileNotFoundError:
        raise SourceError(f"there is nothing at {shown}; check the bucket and prefix") from None
    except Exception as e:  # foreign errors (botocore, aiohttp …) end here, as one sentence;
        # never chained (`from None`): their repr quotes the URL with its credentials
        raise SourceError(f"cannot list {shown}: {_reason(e)}") from None
    base = path.rstrip("/")
    found = []
    for key in keys:
        name = _last_part(key)
        if name.startswith(".") or Path(name).suffix.lower() not in SUFFIXES:
            continue
        found.append(Source(_url_of(fs, url, base, key), name))
    return found


def _url_of(fs: Any, given: str, base: str, key: str) -> str:
    """The URL of `key`, found under `base` (the given URL's path): the given URL with the
    rest of the key added, so what the URL itself carries (a user, a host) still applies;
    the file system's own form when the given URL has a query or a chain."""
    if "::" not in given and "?" not in given and "#" not in given and key.startswith(base):
        return given.rstrip("/") + key[len(base):]
    return fs.unstrip_protocol(key)


def _open_fs(url: str) -> tuple[Any, str]:
    """The fsspec file system for `url` and the path within it, or SourceError with the
    pip line when fsspec or the protocol's own package is missing."""
    shown = Source(url, "").shown()
    try:
        from fsspec.core import url_to_fs
    except ImportError:
        raise SourceError(f"reading {shown} needs fsspec, which is not installed; install "
                          f"it with {INSTALL_CLUSTER}") from None
    try:
        return url_to_fs(url)
    except ImportError as e:
        missing = getattr(e.__cause__, "name", None) or getattr(e, "name", None)
        package = (missing or _protocol(url)).split(".")[0]
        raise SourceError(f"reading {_protocol(url)}:// URLs such as {shown} needs the package "
                          f"{package}, which is not installed; install it with pip install "
                          f"{package}") from None
    except Exception as e:
        raise SourceError(f"cannot open {shown}: {_reason(e)}") from None


@contextlib.contextmanager
def _opened(source: Source) -> Iterator[Any]:
    """The source opened for reading, its errors (wherever they arise, opening or reading)
    turned into one-sentence SourceErrors."""
    fs, path = _open_fs(source.url)
    try:
        with fs.open(path, "rb", block_size=OPEN_BLOCK) as fh:
            yield fh
    except SourceError:
        raise
    except FileNotFoundError:
        raise SourceError(f"there is no file at {source.shown()}") from None
    except Exception as e:
        raise SourceError(f"cannot read {source.shown()}: {_reason(e)}") from None


def _protocol(url: str) -> str:
    m = _SCHEME.match(url.split("::")[-1])
    return m.group(1).lower() if m else ""


def _last_part(path: str) -> str:
    path = re.split(r"[?#]", path, maxsplit=1)[0] if _SCHEME.match(path) else path
    return path.rstrip("/").rsplit("/", 1)[-1]


def _without_credentials(url: str) -> str:
    """`url` with its userinfo dropped and credential-like query and fragment values
    masked; anything not "scheme://…" as it is."""
    m = re.match(r"^([A-Za-z][A-Za-z0-9+.-]*://)([^/?#]*)(.*)$", url, re.DOTALL)
    if m is None:
        return url
    scheme, netloc, rest = m.groups()
    netloc = netloc.rpartition("@")[2]
    return scheme + netloc + re.sub(r"([?#&;])([^=&#;]*)=([^&#;]*)", _mask, rest)


def _mask(m: re.Match[str]) -> str:
    sep, key, value = m.groups()
    from urllib.parse import unquote

    return f"{sep}{key}={MASK if _SECRET_KEY.match(unquote(key)) else value}"


def _bounded(text: str) -> str:
    if len(text) <= MAX_SHOWN:
        return text
    tail = MAX_SHOWN // 2
    return text[:MAX_SHOWN - tail - 1] + "…" + text[-tail:]


def _size(n: int) -> str:
    return f"{n / 1e6:g} MB" if n >= 1_000_000 else f"{n:,} bytes"


def _reason(err: BaseException) -> str:
    """The foreign exception named, in one bounded line, with any URL in it stripped of
    credentials: an HTTP error quotes the signed URL it fetched, signature and all."""
    if type(err).__name__ == "NoCredentialsError":  # botocore's, without importing it
        return ("no credentials were found; set AWS_ACCESS_KEY_ID and AWS_SECRET_ACCESS_KEY "
                "(or AWS_PROFILE) where boardpapers and its workers run")
    text = _URL_IN_TEXT.sub(lambda m: _without_credentials(m.group()), " ".join(str(err).split()))
    text = f"{type(err).__name__}: {text}" if text else type(err).__name__
    return text if len(text) <= MAX_REASON else text[:MAX_REASON - 1] + "…"


__all__ = ["Source", "SourceError", "find_sources", "is_url", "local_copy", "safe_name",
           "sha256_of_source"]
