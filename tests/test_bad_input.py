"""Bad input: one clear line naming file and line, a non-zero exit, and the old site left as it was."""
import os
import subprocess
import sys

import pytest

from conftest import REPO, SEED, record_sha256


def run(*args, cwd=REPO):
    return subprocess.run([sys.executable, "-m", "build_tools", *args], cwd=cwd, capture_output=True, text=True,
                          env={**os.environ, "PYTHONPATH": str(REPO)})


def export_error(tmp_path, name, data: bytes):
    path = tmp_path / name
    path.write_bytes(data)
    result = run("export", str(path), cwd=tmp_path)
    assert result.returncode == 1 and result.stdout == ""
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1, result.stderr
    return lines[0]


def test_gb18030_names_file_line_and_fix(tmp_path):
    message = export_error(tmp_path, "gb.txt", SEED.read_text("utf-8").encode("gb18030"))
    assert message == ("error: gb.txt:3:1: not valid UTF-8 (byte 0xD6); it looks like GB18030: "
                       "convert it with `iconv -f GB18030 -t UTF-8`")


def test_empty_file(tmp_path):
    assert export_error(tmp_path, "empty.txt", b"") == "error: empty.txt: the file is empty: a bulletin needs its text"
    assert export_error(tmp_path, "blank.txt", b"\n \n") == "error: blank.txt: the file is empty: a bulletin needs its text"


def test_binary_file(tmp_path):
    message = export_error(tmp_path, "image.txt", b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR")
    assert message == ("error: image.txt:3: this is a binary file, not text (it contains NUL bytes); "
                       "give the bulletin as UTF-8 plain text")


@pytest.mark.parametrize("text, reason", [
    ("Hello world.\nThis is not a bulletin.\n", "the file contains no Chinese text"),
    ("这是一段话。\n\n这是另一段话。\n", "no title line followed by text was found"),
])
def test_no_recognisable_article(tmp_path, text, reason):
    message = export_error(tmp_path, "nothing.txt", text.encode())
    assert message.startswith("error: nothing.txt:1: no recognisable article: " + reason)


def with_site(project):
    """A project whose previous build left a site/ behind."""
    site = project / "site"
    site.mkdir()
    (site / "index.html").write_text("previous site")
    return site


def build_error(project):
    result = run("--root", str(project), "build", cwd=project)
    assert result.returncode == 1
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1, result.stderr
    return lines[0]


def test_broken_metadata_yaml_names_the_line_and_keeps_the_site(project):
    site = with_site(project)
    meta = project / "source_texts/2026-04-26-xinhua/bulletin.yml"
    meta.write_text(meta.read_text("utf-8").replace("page: null", "page: [null"), "utf-8")
    assert build_error(project) == ("error: source_texts/2026-04-26-xinhua/bulletin.yml:7: broken YAML: expected ',' "
                                    "or ']', but got ':' (while parsing a flow sequence that starts at line 6)")
    assert (site / "index.html").read_text() == "previous site"
    assert not (project / "docs").exists()


def test_edited_source_is_refused_and_keeps_the_site(project):
    site = with_site(project)
    source = project / "source_texts/2026-04-26-xinhua/source.txt"
    source.write_text(source.read_text("utf-8").replace("快递小哥", "快递员"), "utf-8")
    assert build_error(project).startswith("error: source_texts/2026-04-26-xinhua/source.txt: the bytes differ "
                                           "from those recorded in bulletin.yml (sha256)")
    assert (site / "index.html").read_text() == "previous site"


def test_unknown_article_title_in_metadata(project):
    meta = project / "source_texts/2026-04-26-xinhua/bulletin.yml"
    meta.write_text(meta.read_text("utf-8").replace("试验田里亮“新招”:", "试验田里亮新招:"), "utf-8")
    assert build_error(project) == ("error: source_texts/2026-04-26-xinhua/bulletin.yml:19: articles: no article "
                                    "titled '试验田里亮新招' in source.txt; copy the title exactly as printed")


def test_gb18030_bulletin_in_source_texts_keeps_the_site(project):
    site = with_site(project)
    folder = project / "source_texts/2026-05-01-other"
    folder.mkdir()
    (folder / "source.txt").write_bytes("国家防总通报名单\n\n新华社北京5月1日电 记者获悉。\n".encode("gb18030"))
    record_sha256(folder)
    assert build_error(project).startswith("error: source_texts/2026-05-01-other/source.txt:1:1: not valid UTF-8")
    assert (site / "index.html").read_text() == "previous site"


@pytest.mark.parametrize("name", ["2026-04-26-xinhua/links.yml", "2026-04-26-xinhua/notes.yml",
                                  "2026-04-26-xinhua/en/opinion.yml", "2026-04-26-xinhua/bulletin.yml",
                                  "glossary.yml", "zh-Hant.yml"])
def test_a_contributor_file_saved_as_gb18030_names_file_line_and_fix(project, name):
    """Every contributor file is read as the bulletin is: the first bad byte's line and column,
    and the command that converts the file (a links.yml ended in a traceback before)."""
    site = with_site(project)
    path = project / "source_texts" / name
    text = path.read_text("utf-8")
    path.write_bytes(text.encode("gb18030"))
    first = next(i for i, ch in enumerate(text) if ord(ch) > 127)  # GB18030 keeps ASCII as is
    line, col = text.count("\n", 0, first) + 1, first - (text.rfind("\n", 0, first) + 1) + 1
    result = run("--root", str(project), "build", cwd=project)
    assert result.returncode == 1
    assert result.stderr.splitlines()[0] == (
        f"error: source_texts/{name}:{line}:{col}: not valid UTF-8 (byte 0x{text[first].encode('gb18030')[0]:02X}); "
        "it looks like GB18030: convert it with `iconv -f GB18030 -t UTF-8`"), result.stderr
    assert "Traceback" not in result.stderr
    assert (site / "index.html").read_text() == "previous site"
