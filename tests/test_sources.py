"""boardpapers.sources: what a job reads. Local folders are found exactly as `run` finds
them; an S3 bucket is served by moto on 127.0.0.1 (fake credentials, nothing leaves the
machine) and read through s3fs, with the endpoint given as a user would give it
(AWS_ENDPOINT_URL_S3, read by botocore; FSSPEC_S3_ENDPOINT_URL, read by fsspec on import)."""
from __future__ import annotations

import hashlib
import logging
import os
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest

from boardpapers.batch import find_files
from boardpapers.sources import (
    CHUNK,
    MAX_LOCAL_NAME,
    MAX_SHOWN,
    OPEN_BLOCK,
    Source,
    SourceError,
    find_sources,
    is_url,
    local_copy,
    safe_name,
    sha256_of_source,
)
from ingest import sha256_of

ROOT = Path(__file__).resolve().parents[1]
BUCKET = "bp-test-papers"

# Invented papers: the bytes matter here, not whether they read as minutes.
MINUTES = (b"Minutes of the meeting of the Lower Fenwick Parish Council held on 3 March 2025.\n"
           b"Present: Cllr Ada Marsh (Chair), Cllr Ben Tull.\n")
AGENDA = b"Agenda: Lower Fenwick Parish Council, 7 April 2025. 1. Apologies.\n"
BIG = bytes(range(256)) * (12 * CHUNK // 256)  # 12 MiB: many chunks, several fetch blocks
HOSTILE = {  # keys a bucket may hold that must not steer a local copy anywhere
    "inbox/../../escape.pdf": b"up and out",
    "inbox/ctl\x1b[2J\r\tforged.txt": b"controls in the name",  # moto cannot route a "\n"
    "inbox/" + "long" * 100 + ".pdf": b"a name longer than a file system allows",
    "inbox/..": b"a key that is only dots",
}
OBJECTS = {
    "papers/2025/minutes-march.txt": MINUTES,
    "papers/2025/Agenda April.HTML": AGENDA,
    "papers/2024/old.pdf": b"%PDF-1.4 invented",
    "papers/notes.csv": b"not,a,paper\n",
    "papers/photo.png": b"\x89PNG not a paper",
    "papers/.hidden.pdf": b"hidden",
    "papers/big.docx": BIG,
    "papers/2024/": b"",  # a folder marker, as consoles make them
    **HOSTILE,
}


# ---- local paths: exactly what `boardpapers run` finds --------------------------------

@pytest.fixture
def folder(tmp_path: Path) -> Path:
    top = tmp_path / "board"
    (top / "2025" / "spring").mkdir(parents=True)
    (top / "2025" / "spring" / "minutes.pdf").write_bytes(b"%PDF-1.4 invented")
    (top / "2025" / "agenda.DOCX").write_bytes(b"PK invented")
    (top / "a.txt").write_bytes(MINUTES)
    (top / ".hidden.txt").write_bytes(b"hidden")
    (top / "data.csv").write_bytes(b"x")
    (top / "gone.pdf").symlink_to(tmp_path / "missing.pdf")  # broken: kept, and reported
    return top


def test_local_paths_are_found_as_run_finds_them(folder: Path, tmp_path: Path,
                                                 monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(tmp_path)
    single = folder / "data.csv"  # a file named directly is taken as it is
    given = ["board", str(single), "no-such-file.pdf"]
    expected = find_files([Path(g) for g in given])
    found = find_sources(given)
    assert [s.url for s in found] == [str(p.absolute()) for p in expected]
    assert [s.name for s in found] == [p.name for p in expected]
    assert all(Path(s.url).is_absolute() for s in found)
    assert "gone.pdf" in [s.name for s in found]
    assert ".hidden.txt" not in [s.name for s in found]
    # shown() of a local path is the path as `run` records it (the store's seen_as)
    assert [s.shown() for s in found] == [str(p.absolute()) for p in expected]
    # a file:// URL is its local path
    assert find_sources([f"file://{folder}"]) == find_sources([str(folder)])


def test_local_digest_and_copy_are_the_file_itself(folder: Path, tmp_path: Path) -> None:
    source = find_sources([str(folder / "a.txt")])[0]
    assert sha256_of_source(source) == hashlib.sha256(MINUTES).hexdigest()
    with local_copy(source, tmp_path / "copies", max_bytes=1) as path:
        assert path == folder / "a.txt"  # not copied, so not bounded here: the reader is
    assert (folder / "a.txt").exists()
    with pytest.raises(SourceError, match="gone.pdf"):
        sha256_of_source(Source(str(folder / "gone.pdf"), "gone.pdf"))
    with pytest.raises(SourceError, match="not a file"):
        sha256_of_source(Source(str(folder), folder.name))


def test_is_url_tells_urls_from_paths() -> None:
    assert is_url("s3://bucket/prefix/")
    assert is_url("simplecache::s3://bucket/key.pdf")
    assert is_url("https://example.org/minutes.pdf")
    assert not is_url("/srv/papers/minutes.pdf")
    assert not is_url("papers/s3:/odd.pdf")
    assert not is_url("nosuchscheme://x/y.pdf")  # not a URL: fsspec cannot open it


def test_an_unknown_protocol_is_one_sentence() -> None:
    with pytest.raises(SourceError) as caught:
        find_sources(["nosuchscheme://u:pw@x/y.pdf"])
    assert str(caught.value) == ("nosuchscheme://x/y.pdf names the protocol 'nosuchscheme', "
                                 "which fsspec does not know; give a local path, or a URL "
                                 "such as s3://bucket/prefix/")


# ---- shown(): what logs, progress and the store see ------------------------------------

@pytest.mark.parametrize("url, secrets", [
    ("https://clerk:hunter2@papers.example.org/a/m.pdf", ["clerk", "hunter2"]),
    ("https://bucket.s3.amazonaws.com/m.pdf?X-Amz-Algorithm=AWS4&X-Amz-Credential=AKIAFAKE"
     "&X-Amz-Signature=deadbeef&X-Amz-Security-Token=tok123", ["AKIAFAKE", "deadbeef",
                                                               "tok123"]),
    ("https://acct.blob.core.windows.net/c/m.pdf?sv=2024&sig=S3cr3tSig", ["S3cr3tSig"]),
    ("https://storage.googleapis.com/b/m.pdf?X-Goog-Signature=g00g", ["g00g"]),
    ("https://host/m.pdf?access_token=oauthTOK&api_key=k3y&Password=pw1", ["oauthTOK", "k3y",
                                                                          "pw1"]),
    ("https://host/m.pdf#access_token=fragTOK", ["fragTOK"]),
    ("ftp://user:pa%40ss@ftp.example.org/papers/m.pdf", ["user", "pa%40ss"]),
    ("simplecache::https://u:chainpw@host/m.pdf", ["chainpw"]),
])
def test_shown_never_carries_credentials(url: str, secrets: list[str]) -> None:
    source = Source(url, "m.pdf")
    for text in (source.shown(), repr(source), str(source), f"{source}"):
        for secret in secrets:
            assert secret not in text
        assert "m.pdf" in text
    assert source.url == url  # the worker still gets what it needs to open it


def test_shown_keeps_what_is_not_a_credential() -> None:
    url = "https://host/papers/m.pdf?versionId=7&page=2"
    assert Source(url, "m.pdf").shown() == url
    assert Source("s3://bucket/board/a?b.pdf", "a?b.pdf").shown() == "s3://bucket/board/a?b.pdf"


def test_shown_is_bounded_and_keeps_the_file_name() -> None:
    url = "s3://bucket/" + "deep/" * 1000 + "minutes-final.pdf"
    shown = Source(url, "minutes-final.pdf").shown()
    assert len(shown) <= MAX_SHOWN
    assert shown.startswith("s3://bucket/deep/") and shown.endswith("minutes-final.pdf")
    long_local = "/srv/" + "x" * 3000 + "/m.pdf"
    assert len(Source(long_local, "m.pdf").shown()) <= MAX_SHOWN


# ---- local copies: safe names ----------------------------------------------------------

@pytest.mark.parametrize("name", ["../../escape.pdf", "..", ".", "", "a/b\\c.pdf",
                                  "ctl\x1b[2J\r\nforged.txt", "bidi\u202etxt.pdf",
                                  "nul\x00.pdf", "é" * 300 + ".docx", ".hidden.pdf"])
def test_safe_name_stays_in_its_folder(name: str, tmp_path: Path) -> None:
    safe = safe_name(name)
    assert safe and safe not in (".", "..") and not safe.startswith(".")
    assert "/" not in safe and "\\" not in safe and "\x00" not in safe
    assert all(ch.isprintable() for ch in safe)
    assert len(safe.encode()) <= MAX_LOCAL_NAME
    if name.lower().endswith((".pdf", ".txt", ".docx")):
        assert Path(safe).suffix == Path(name).suffix  # the reader goes by the suffix
    (tmp_path / safe).write_bytes(b"x")  # a name the file system takes
    assert (tmp_path / safe).resolve().parent == tmp_path.resolve()


def test_safe_name_keeps_an_ordinary_name() -> None:
    assert safe_name("Minutes 3 March 2025 (draft).pdf") == "Minutes 3 March 2025 (draft).pdf"


# ---- an S3 bucket, served by moto on 127.0.0.1 -----------------------------------------

@pytest.fixture(scope="module")
def s3(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    """A moto S3 server holding OBJECTS in BUCKET; yields its endpoint URL. The process's
    environment has fake credentials and the endpoint, as a user would set them."""
    pytest.importorskip("s3fs")
    server_module = pytest.importorskip("moto.server")
    boto3 = pytest.importorskip("boto3")
    logging.getLogger("werkzeug").setLevel(logging.ERROR)  # moto's request log
    server = server_module.ThreadedMotoServer(ip_address="127.0.0.1", port=0, verbose=False)
    server.start()
    host, port = server.get_host_and_port()
    endpoint = f"http://{host}:{port}"
    nowhere = tmp_path_factory.mktemp("aws") / "none"
    with pytest.MonkeyPatch.context() as mp:
        for name in ("AWS_PROFILE", "AWS_SESSION_TOKEN", "AWS_ENDPOINT_URL"):
            mp.delenv(name, raising=False)
        mp.setenv("AWS_ACCESS_KEY_ID", "AKIAFAKETESTKEY")
        mp.setenv("AWS_SECRET_ACCESS_KEY", "fake-secret-for-moto")
        mp.setenv("AWS_DEFAULT_REGION", "us-east-1")
        mp.setenv("AWS_CONFIG_FILE", str(nowhere))  # never the machine's own AWS setup
        mp.setenv("AWS_SHARED_CREDENTIALS_FILE", str(nowhere))
        mp.setenv("AWS_EC2_METADATA_DISABLED", "true")
        mp.setenv("AWS_ENDPOINT_URL_S3", endpoint)
        client = boto3.client("s3")
        client.create_bucket(Bucket=BUCKET)
        for key, body in OBJECTS.items():
            client.put_object(Bucket=BUCKET, Key=key, Body=body)
        _forget_s3_filesystems()
        try:
            yield endpoint
        finally:
            _forget_s3_filesystems()
            server.stop()


def _forget_s3_filesystems() -> None:
    """s3fs keeps one file system per set of options, whatever the environment says: drop
    them so no test reaches a server another test set up."""
    import s3fs

    s3fs.S3FileSystem.clear_instance_cache()


def test_listing_a_prefix_finds_its_papers_sorted(s3: str) -> None:
    found = find_sources([f"s3://{BUCKET}/papers"])
    assert [s.url for s in found] == [
        f"s3://{BUCKET}/papers/2024/old.pdf",
        f"s3://{BUCKET}/papers/2025/Agenda April.HTML",
        f"s3://{BUCKET}/papers/2025/minutes-march.txt",
        f"s3://{BUCKET}/papers/big.docx",
    ]
    assert [s.name for s in found] == ["old.pdf", "Agenda April.HTML", "minutes-march.txt",
                                       "big.docx"]
    # a trailing slash, or a bucket's root, lists the same papers
    assert find_sources([f"s3://{BUCKET}/papers/"]) == found
    assert set(found) <= set(find_sources([f"s3://{BUCKET}"]))


def test_one_object_is_taken_as_it_is(s3: str, folder: Path) -> None:
    url = f"s3://{BUCKET}/papers/notes.csv"
    assert find_sources([url]) == [Source(url, "notes.csv")]
    mixed = find_sources([str(folder / "a.txt"), url])  # local and remote, in given order
    assert [s.name for s in mixed] == ["a.txt", "notes.csv"]


def test_digest_equals_the_local_files(s3: str, tmp_path: Path) -> None:
    for key in ("papers/2025/minutes-march.txt", "papers/big.docx"):
        local = tmp_path / Path(key).name
        local.write_bytes(OBJECTS[key])
        remote = Source(f"s3://{BUCKET}/{key}", local.name)
        assert sha256_of_source(remote) == sha256_of(local)


def test_local_copy_streams_and_is_removed(s3: str, tmp_path: Path,
                                          monkeypatch: pytest.MonkeyPatch) -> None:
    import s3fs

    reads = _spy_on_reads(monkeypatch)
    fetches: list[int] = []
    fetch = s3fs.core.S3File._fetch_range
    monkeypatch.setattr(s3fs.core.S3File, "_fetch_range", lambda self, start, end: (
        fetches.append(end - start) or fetch(self, start, end)))
    copies = tmp_path / "copies"
    source = Source(f"s3://{BUCKET}/papers/big.docx", "big.docx")
    with local_copy(source, copies, max_bytes=len(BIG)) as path:
        assert path.read_bytes() == BIG
        assert path.name == "big.docx" and path.parent.parent == copies
    # never the whole file in memory at once: read a chunk at a time, fetched a few ahead
    assert max(reads) <= CHUNK
    assert len(fetches) > 1 and max(fetches) <= CHUNK + OPEN_BLOCK < len(BIG)
    assert list(copies.iterdir()) == []
    with pytest.raises(RuntimeError), local_copy(source, copies, max_bytes=len(BIG)):
        raise RuntimeError("the reader broke")
    assert list(copies.iterdir()) == []  # removed on the way out of an error too


def test_local_copy_over_the_limit_stops_early_and_leaves_nothing(
        s3: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    reads = _spy_on_reads(monkeypatch)
    copies = tmp_path / "copies"
    source = Source(f"s3://{BUCKET}/papers/big.docx", "big.docx")
    with pytest.raises(SourceError) as caught, local_copy(source, copies, 2_000_000):
        pytest.fail("a copy over the limit must not be handed out")
    assert str(caught.value) == (f"s3://{BUCKET}/papers/big.docx is over 2 MB, the most a "
                                 "file may be; it was not read")
    assert sum(reads) <= 2_000_000 + CHUNK < len(BIG)  # stopped, not read to the end
    assert list(copies.iterdir()) == []


def test_a_full_disk_is_not_blamed_on_the_source(s3: str, tmp_path: Path,
                                                monkeypatch: pytest.MonkeyPatch) -> None:
    import errno
    import io

    from boardpapers import sources

    class Full(io.BytesIO):
        def write(self, data: bytes) -> int:  # type: ignore[override]
            raise OSError(errno.ENOSPC, "No space left on device")

    monkeypatch.setattr(sources, "open", lambda path, mode: Full(), raising=False)
    copies = tmp_path / "copies"
    source = Source(f"s3://{BUCKET}/papers/2025/minutes-march.txt", "minutes-march.txt")
    with pytest.raises(SourceError) as caught, local_copy(source, copies, 1_000_000):
        pytest.fail("a copy that could not be written must not be handed out")
    assert str(caught.value) == (f"cannot copy {source.shown()} into {copies}: No space "
                                 "left on device")
    assert list(copies.iterdir()) == []


def test_hostile_keys_stay_in_the_copy_folder(s3: str, tmp_path: Path) -> None:
    copies = tmp_path / "copies"
    found = {s.url.removeprefix(f"s3://{BUCKET}/"): s
             for s in find_sources([f"s3://{BUCKET}/inbox"])}
    # ".." has no paper suffix; the others are listed under their own (raw) names
    assert set(found) == set(HOSTILE) - {"inbox/.."}
    assert found["inbox/../../escape.pdf"].name == "escape.pdf"
    assert found["inbox/ctl\x1b[2J\r\tforged.txt"].name == "ctl\x1b[2J\r\tforged.txt"
    sources = [*found.values(), Source(f"s3://{BUCKET}/inbox/..", "..")]
    for source in sources:
        with local_copy(source, copies, max_bytes=1_000_000) as path:
            key = source.url.removeprefix(f"s3://{BUCKET}/")
            if key != "inbox/..":  # s3fs does not fetch a key that is only dots as it is
                assert path.read_bytes() == HOSTILE[key]
            assert path.resolve().parent.parent == copies.resolve()
            assert path.name == safe_name(source.name)
        assert list(copies.iterdir()) == []
    assert not (tmp_path / "escape.pdf").exists() and not (copies / "escape.pdf").exists()


def test_a_missing_bucket_or_prefix_is_one_sentence(s3: str) -> None:
    for url in (f"s3://{BUCKET}/no-such-prefix/", "s3://bp-no-such-bucket/papers"):
        with pytest.raises(SourceError) as caught:
            find_sources([url])
        assert str(caught.value) == f"there is nothing at {url}; check the bucket and prefix"
    with pytest.raises(SourceError, match="there is no file at"):
        sha256_of_source(Source(f"s3://{BUCKET}/papers/gone.pdf", "gone.pdf"))


def test_the_endpoint_from_fsspecs_own_variable(s3: str) -> None:
    """FSSPEC_S3_ENDPOINT_URL is read when fsspec is imported: a new process (a worker)
    started with it reads the bucket, without AWS_ENDPOINT_URL_S3."""
    env = {k: v for k, v in os.environ.items() if k != "AWS_ENDPOINT_URL_S3"}
    env["FSSPEC_S3_ENDPOINT_URL"] = s3
    code = ("from boardpapers.sources import find_sources, sha256_of_source as h;"
            f"s = find_sources(['s3://{BUCKET}/papers/2025/']); print(s[1].name, h(s[1]))")
    out = subprocess.run([sys.executable, "-c", code], env=env, cwd=ROOT, text=True,
                         capture_output=True, timeout=120)
    assert out.returncode == 0, out.stderr[-2000:]
    assert out.stdout.split() == ["minutes-march.txt", hashlib.sha256(MINUTES).hexdigest()]


@pytest.fixture
def forbidding_http() -> Iterator[str]:
    """An HTTP server on 127.0.0.1 that answers HEAD with a size and GET with 403, as an
    expired signed URL does: aiohttp's error quotes the URL it fetched."""
    import threading
    from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

    class Forbid(BaseHTTPRequestHandler):
        def do_HEAD(self) -> None:
            self.send_response(200)
            self.send_header("Content-Length", "10")
            self.end_headers()

        def do_GET(self) -> None:
            self.send_response(403)
            self.send_header("Content-Length", "0")
            self.end_headers()

        def log_message(self, *args: object) -> None:
            pass

    server = ThreadingHTTPServer(("127.0.0.1", 0), Forbid)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{server.server_port}"
    finally:
        server.shutdown()
        server.server_close()


def test_an_error_quoting_a_signed_url_carries_no_credentials(forbidding_http: str) -> None:
    import traceback

    pytest.importorskip("aiohttp")
    url = f"{forbidding_http}/board/m.pdf?X-Amz-Credential=AKIAFAKE&X-Amz-Signature=SIGSECRET"
    [source] = find_sources([url])
    assert source.name == "m.pdf"  # the name is the key's, not the query's
    with pytest.raises(SourceError) as caught:
        sha256_of_source(source)
    message = str(caught.value)
    assert message.startswith(f"cannot read {source.shown()}: ClientResponseError: 403")
    printed = "".join(traceback.format_exception(caught.value))
    for secret in ("AKIAFAKE", "SIGSECRET"):
        assert secret not in message and secret not in printed


# ---- a protocol whose package is missing -----------------------------------------------

def test_a_missing_protocol_package_says_what_to_install(
        monkeypatch: pytest.MonkeyPatch) -> None:
    pytest.importorskip("fsspec")
    registry = sys.modules["fsspec.registry"]._registry  # the classes fsspec has imported
    for protocol in ("s3", "s3a"):
        monkeypatch.delitem(registry, protocol, raising=False)
    monkeypatch.setitem(sys.modules, "s3fs", None)  # import s3fs now fails
    with pytest.raises(SourceError) as caught:
        find_sources(["s3://bucket/papers/"])
    assert str(caught.value) == ("reading s3:// URLs such as s3://bucket/papers/ needs the "
                                 "package s3fs, which is not installed; install it with pip "
                                 "install s3fs")


def test_without_fsspec_a_url_says_what_to_install(monkeypatch: pytest.MonkeyPatch) -> None:
    for name in ("fsspec", "fsspec.core"):
        monkeypatch.setitem(sys.modules, name, None)
    assert is_url("s3://bucket/papers/")
    with pytest.raises(SourceError) as caught:
        find_sources(["s3://user:pw@bucket/papers/"])
    assert str(caught.value) == ("reading s3://bucket/papers/ needs fsspec, which is not "
                                 "installed; install it with pip install "
                                 "'boardpapers[cluster]'")


def _spy_on_reads(monkeypatch: pytest.MonkeyPatch) -> list[int]:
    """The sizes of the pieces read from remote files from now on."""
    from fsspec.spec import AbstractBufferedFile

    sizes: list[int] = []
    read = AbstractBufferedFile.read

    def spy(self: AbstractBufferedFile, length: int = -1) -> bytes:
        data = read(self, length)
        sizes.append(len(data))
        return data

    monkeypatch.setattr(AbstractBufferedFile, "read", spy)
    return sizes
