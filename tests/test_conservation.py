"""Nothing lost: the check passes on real texts and fails loudly, naming the place, when broken."""
import dataclasses

import pytest

from build_tools.conservation import check_conservation
from build_tools.errors import BuildError
from build_tools.model import Segment
from conftest import CORPUS, parse_file


@pytest.mark.parametrize("path", sorted(CORPUS.glob("*/*.txt")), ids=lambda p: f"{p.parent.name}/{p.name}")
def test_every_corpus_text_is_conserved(path):
    check_conservation(parse_file(path))  # parse_source checks too; this says what is tested


def test_every_character_of_the_bulletin_is_in_the_model(seed):
    model = "".join(p.raw for a in seed.articles for p in a.pieces())
    source = "".join(ch for ch in seed.text if not ch.isspace())
    assert sorted(model.replace(" ", "")) == sorted(source)
    assert len(model.replace(" ", "")) == len(source)


def copy_of(bulletin):
    articles = [dataclasses.replace(a, blocks=[dataclasses.replace(b) for b in a.blocks]) for a in bulletin.articles]
    return dataclasses.replace(bulletin, articles=articles)


def test_a_lost_block_is_reported_with_its_line(seed):
    broken = copy_of(seed)
    opinion = next(a for a in broken.articles if a.id == "opinion")
    opinion.blocks = [b for b in opinion.blocks if b.id != "opinion__sec4__cl8"]
    with pytest.raises(BuildError) as err:
        check_conservation(broken)
    assert str(err.value).startswith("source_texts/2026-04-26-xinhua/source.txt:97:1: text lost: '(八)提高公共服务水平。")


def test_text_counted_twice_is_reported(seed):
    broken = copy_of(seed)
    news = next(a for a in broken.articles if a.id == "trial-fields")
    news.blocks.append(dataclasses.replace(news.blocks[0], id="trial-fields__p9"))
    with pytest.raises(BuildError, match=r"source.txt:147:8: '一系列接地气的新技术、新机具落地田间,让种地更轻…' reaches the model twice"):
        check_conservation(broken)


def test_text_that_is_not_the_source_is_reported(seed):
    broken = copy_of(seed)
    block = broken.articles[0].blocks[0]
    broken.articles[0].blocks[0] = dataclasses.replace(
        block, segments=(Segment(block.line, block.segments[0].col, "中共中央办公厅、国务院办公厅《关于加强新就业群体服务管理的意见》(以下简称《意见》)公开发布时"),))
    with pytest.raises(BuildError, match=r"source.txt:7:1: the model holds '.*' where the source has"):
        check_conservation(broken)
