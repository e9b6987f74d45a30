"""Sharded builds: each shard renders its own bulletins; merged, they are the single build byte for byte."""
import hashlib
import json
import shutil

import pytest

from build_tools.__main__ import main
from conftest import CORPUS

pytestmark = pytest.mark.e2e

PAIR = "2019-02-28-political-construction"


def files(site):
    return {p.relative_to(site).as_posix(): p.read_bytes() for p in sorted(site.rglob("*")) if p.is_file()}


def test_two_shards_merged_are_the_single_build(project, tmp_path, capsys):
    # Two bulletins, one per shard: the first bulletin and a People's Daily pair.
    folder = project / "source_texts" / PAIR
    folder.mkdir()
    data = (CORPUS / PAIR / "document.txt").read_bytes() + b"\r\n\r\n" + (CORPUS / PAIR / "interview.txt").read_bytes()
    (folder / "source.txt").write_bytes(data)
    (folder / "bulletin.yml").write_text(f"publisher: 人民日报\ndate: 2019-02-28\nsha256: {hashlib.sha256(data).hexdigest()}\n",
                                         "utf-8")
    sharded = tmp_path / "sharded"
    shutil.copytree(project, sharded)
    assert main(["--root", str(project), "build"]) == 0
    shards = []
    for k in (1, 2):
        assert main(["--root", str(sharded), "build", "--shard", f"{k}/2"]) == 0
        shards.append(sharded / "build" / f"shard-{k}-of-2")
    # Each shard holds its own bulletin's pages and handouts, not the other's (ids in order: 2019…, 2026…).
    first, second = files(shards[0] / "site"), files(shards[1] / "site")
    assert f"{PAIR}/interview/index.html" in first and "2026-04-26-xinhua/interview/index.html" not in first
    assert "2026-04-26-xinhua/pdf/opinion.study-pack.pdf" in second and f"{PAIR}/document/index.html" not in second
    # Not every shard: refused, and site/ is not touched.
    capsys.readouterr()
    assert main(["--root", str(sharded), "merge", str(shards[0])]) == 1
    assert "merge needs every shard" in capsys.readouterr().err
    assert not (sharded / "site").exists()
    assert main(["--root", str(sharded), "merge", *map(str, shards)]) == 0
    single, merged = files(project / "site"), files(sharded / "site")
    assert sorted(merged) == sorted(single)
    assert [name for name in single if merged[name] != single[name]] == []
    # A manifest whose search group is not a year (its name becomes folders that merge deletes and
    # writes): refused, and the merged site/ stays as it was.
    manifest = shards[0] / "shard.json"
    data = json.loads(manifest.read_text("utf-8"))
    data["search_groups"][0]["name"] = "../.."
    manifest.write_text(json.dumps(data), "utf-8")
    capsys.readouterr()
    assert main(["--root", str(sharded), "merge", *map(str, shards)]) == 1
    assert "not a shard's folder" in capsys.readouterr().err
    assert files(sharded / "site") == merged
