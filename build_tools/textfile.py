"""Reading a text file that people edit or paste: UTF-8, or an error that names the file, the
line and column of the first bad byte, and how to fix it (a GB18030 or Big5 file is named as
such, with the command that converts it)."""
from __future__ import annotations

from pathlib import Path

from .errors import BuildError


def read_utf8(path: Path) -> str:
    try:
        data = path.read_bytes()
    except OSError as err:
        raise BuildError(path, f"cannot read the file ({err.strerror})") from None
    return decode_utf8(path, data)


def decode_utf8(path: Path, data: bytes) -> str:
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError as err:
        line = data.count(b"\n", 0, err.start) + 1
        col = err.start - (data.rfind(b"\n", 0, err.start) + 1) + 1
        hint = "re-save it as UTF-8"
        for encoding in ("gb18030", "big5"):
            try:
                data.decode(encoding)
            except UnicodeDecodeError:
                continue
            hint = f"it looks like {encoding.upper()}: convert it with `iconv -f {encoding.upper()} -t UTF-8`"
            break
        raise BuildError(path, f"not valid UTF-8 (byte 0x{data[err.start]:02X}); {hint}", line, col) from None
