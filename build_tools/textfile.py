"""Reading a text file that people edit or paste, as strictly as a pull request from a stranger
deserves.

- The file must be a regular file reached without a symlink (a symlink could publish, or
  print into a CI log, any file of the machine; a pipe or a device would never end).
- It must be no bigger than its limit (`limits.py`), and so must each line.
- It must be UTF-8; a GB18030, Big5 or UTF-16 file is named as such, with the command that
  converts it, and the line and column of the first bad byte.
- Line ends are LF or CRLF. A carriage return alone (old Mac files) would be a line break to
  YAML and to Python but not to this build's line numbers.
- Contributor files may not hold control characters, bidirectional controls or invisible
  characters (`characters`): they change how text displays without showing themselves. A
  bulletin keeps them, as received; `check` warns about them.
"""
from __future__ import annotations

import errno
import os
import re
import stat
import unicodedata
from pathlib import Path

from . import limits
from .errors import BuildError

# Characters refused in contributor files (and reported in bulletins): each class, what it is,
# and how to fix a contributor file that holds one.
SUSPICIOUS = (
    (re.compile(r"\r(?!\n)"), "a carriage return without a line feed (old Mac line ends)",
     "line ends must be LF or CRLF: convert the file with `tr '\\r' '\\n'`"),
    (re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f\ufffe\uffff]"),
     "a control character, which shows as nothing or as a box", "delete it"),
    (re.compile("[\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069]"),
     "a bidirectional control, which makes text display in another order than it is stored", "delete it"),
    (re.compile("[\u00ad\u180e\u200b-\u200d\u2060-\u2064\ufeff\ufff9-\ufffb\U000e0000-\U000e007f]"),
     "an invisible character", "delete it"),
    (re.compile("[\u2028\u2029]"), "a line or paragraph separator, which YAML and Markdown take as a line break",
     "write a space or a new line instead"),
)


def read_bytes(path: Path, limit: int) -> bytes:
    """The bytes of `path`, a regular file not reached through a symlink, at most `limit` of them."""
    if path.is_symlink():
        raise BuildError(path, "is a symbolic link; contributor files must be ordinary files inside the "
                         "repository (a link is never followed): replace it with the file itself")
    try:
        fd = os.open(path, os.O_RDONLY | os.O_NOFOLLOW | os.O_NONBLOCK | os.O_CLOEXEC)
    except OSError as err:
        if err.errno == errno.ELOOP:
            raise BuildError(path, "is a symbolic link; replace it with the file itself") from None
        raise BuildError(path, f"cannot read the file ({err.strerror})") from None
    with os.fdopen(fd, "rb") as file:
        info = os.fstat(file.fileno())
        if stat.S_ISDIR(info.st_mode):
            raise BuildError(path, "is a folder where a file was expected")
        if not stat.S_ISREG(info.st_mode):
            raise BuildError(path, "is not an ordinary file (a pipe, socket or device); replace it with a text file")
        if info.st_nlink > 1:  # git never makes one: it would be a way to a file outside the repository
            raise BuildError(path, "has other hard links; contributor files must be ordinary files of the "
                             "repository: replace it with a copy")
        if info.st_size > limit:
            raise BuildError(path, f"is {info.st_size:,} bytes; the limit for this file is {limit:,} bytes "
                             "(build_tools/limits.py): split it, or ask a maintainer about the limit")
        return file.read(limit + 1)[:limit]


def read_utf8(path: Path, limit: int = limits.YAML_BYTES, line_limit: int = limits.YAML_LINE_CHARS) -> str:
    """A contributor file's text, checked as the module says (a leading byte-order mark is dropped)."""
    text = decode_utf8(path, read_bytes(path, limit)).removeprefix("\ufeff")
    problem = first_suspicious(text)
    if problem:
        line, col, char, what, fix = problem
        raise BuildError(path, f"{describe(char)} is not allowed here: {what}; {fix}", line, col)
    check_lines(path, text, line_limit)
    return text


def decode_utf8(path: Path, data: bytes) -> str:
    utf16 = utf16_name(data)
    if utf16:
        raise BuildError(path, f"this is {utf16} text, not UTF-8: convert it with `iconv -f {utf16} -t UTF-8`")
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError as err:
        line = data.count(b"\n", 0, err.start) + 1
        col = err.start - (data.rfind(b"\n", 0, err.start) + 1) + 1
        utf16 = _utf16_without_mark(data)
        if utf16:
            raise BuildError(path, f"this is {utf16} text, not UTF-8: convert it with `iconv -f {utf16} -t UTF-8`") \
                from None
        hint = "re-save it as UTF-8"
        for encoding in ("gb18030", "big5"):
            try:
                data.decode(encoding)
            except UnicodeDecodeError:
                continue
            hint = f"it looks like {encoding.upper()}: convert it with `iconv -f {encoding.upper()} -t UTF-8`"
            break
        raise BuildError(path, f"not valid UTF-8 (byte 0x{data[err.start]:02X}); {hint}", line, col) from None


def utf16_name(data: bytes) -> str | None:
    """'UTF-16' (or UTF-32) when the bytes are that: a byte-order mark, or ASCII with NULs between."""
    if data.startswith((b"\xff\xfe\x00\x00", b"\x00\x00\xfe\xff")):
        return "UTF-32"
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        return "UTF-16"
    sample = data[:2000]
    if len(sample) >= 4 and (sample[1::2].count(0) > len(sample) // 4 or sample[0::2].count(0) > len(sample) // 4):
        return "UTF-16"
    return _utf16_without_mark(data) if b"\x00" in data else None


def _utf16_without_mark(data: bytes) -> str | None:
    """'UTF-16LE' or 'UTF-16BE' when the bytes read as text in one of them (printable characters and
    line ends), which bytes in another encoding practically never do."""
    if len(data) % 2:
        return None
    for name, codec in (("UTF-16LE", "utf-16-le"), ("UTF-16BE", "utf-16-be")):
        try:
            text = data[:20_000].decode(codec)
        except UnicodeDecodeError:
            continue
        plain = sum(ch.isprintable() or ch in "\r\n\t\u3000" for ch in text)
        if text and plain / len(text) > 0.95:
            return name
    return None


def first_suspicious(text: str) -> tuple[int, int, str, str, str] | None:
    """(line, column, character, what it is, the fix) of the first character a contributor file may not hold."""
    found = suspicious(text, limit=1)
    return found[0] if found else None


def suspicious(text: str, limit: int = 20) -> list[tuple[int, int, str, str, str]]:
    """(line, column, character, what it is, the fix) of each suspicious character, in order, at most `limit`."""
    hits = []
    for pattern, what, fix in SUSPICIOUS:
        for match in pattern.finditer(text):
            hits.append((match.start(), what, fix))
            if len(hits) > 10 * limit:  # enough to report the first `limit` in order
                break
    return [(*line_col(text, at), text[at], what, fix) for at, what, fix in sorted(hits)[:limit]]


def line_col(text: str, at: int) -> tuple[int, int]:
    """1-based line and column of offset `at`, lines ended by LF as an editor shows them."""
    return text.count("\n", 0, at) + 1, at - (text.rfind("\n", 0, at) + 1) + 1


def describe(char: str) -> str:
    """U+200B ZERO WIDTH SPACE (control characters have no name: U+0007)."""
    name = unicodedata.name(char, "")
    return f"U+{ord(char):04X} {name}" if name else f"U+{ord(char):04X}"


def check_lines(path: Path, text: str, limit: int) -> None:
    for number, line in enumerate(text.split("\n"), 1):
        length = len(line.removesuffix("\r"))  # a CRLF line is as long as its LF twin
        if length > limit:
            raise BuildError(path, f"this line has {length:,} characters; the limit is {limit:,} "
                             "(build_tools/limits.py): break it up", number)
