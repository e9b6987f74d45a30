"""Property tests: whatever text comes in, the parser and aligner never crash and never lose a character.

The default run tries a few hundred inputs; the benchmark profile (HYPOTHESIS_PROFILE=bench,
used by bench/run.py and by hand) tries 10,000 per property.
"""
import os
import random

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from build_tools.errors import BuildError
from build_tools.linking import crosslink
from conftest import CORPUS, SEED, parse_text

settings.register_profile("default", max_examples=200, deadline=None,
                          suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large])
settings.register_profile("bench", max_examples=10_000, deadline=None,
                          suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large])
settings.load_profile(os.environ.get("HYPOTHESIS_PROFILE", "default"))

SEED_TEXT = SEED.read_text("utf-8")
CORPUS_TEXTS = [p.read_text("utf-8") for p in sorted(CORPUS.glob("*/*.txt"))]
MARKERS = ["■上接第1版 ", "□新华社记者", "（一）", "(二)", "一是", "二是", "问:", "答：", "记者：", "韩长赋：",
           "（新华社北京4月26日电）", "新华社北京4月26日电 （记者张三）", "——副标题", "四、", "（2019年1月31日）",
           "新华社记者 某某 摄", "《关于加强新就业群体服务管理的意见》", "1.", "\u3000\u3000"]
ALPHABET = st.sampled_from(sorted(set(SEED_TEXT[:3000])) + list(",:;?()，：；？（）。、“”\n\r \u3000\t0123456789ab■□—"))


def parses_or_refuses(text: str) -> None:
    """The only acceptable outcomes: a model whose conservation check passed, or a clear refusal."""
    try:
        bulletin = parse_text(text, "fuzz.txt")
    except BuildError as err:
        assert "parser bug" not in str(err), str(err)  # conservation failures say so
        return
    try:
        crosslink([bulletin])
    except BuildError as err:
        raise AssertionError(f"the aligner refused a parsed bulletin: {err}") from None


@given(st.text(alphabet=ALPHABET, max_size=600))
def test_arbitrary_text(text):
    parses_or_refuses(text)


@given(st.lists(st.sampled_from(SEED_TEXT.split("\n")), max_size=60))
def test_shuffled_lines_of_the_bulletin(lines):
    parses_or_refuses("\n".join(lines))


@given(st.integers(min_value=0, max_value=len(SEED_TEXT)), st.integers(min_value=0, max_value=len(SEED_TEXT)))
def test_truncated_bulletin(start, end):
    parses_or_refuses(SEED_TEXT[min(start, end):max(start, end)])


@given(st.integers(min_value=0, max_value=2**32 - 1), st.floats(min_value=0, max_value=1))
def test_mixed_punctuation_widths(seed, share):
    chooser = random.Random(seed)
    swap = {",": "，", "，": ",", ":": "：", "：": ":", "(": "（", "（": "(", ")": "）", "）": ")", "?": "？", "？": "?"}
    text = "".join(swap[ch] if ch in swap and chooser.random() < share else ch
                   for ch in chooser.choice([SEED_TEXT] + CORPUS_TEXTS))
    parses_or_refuses(text)


@given(st.integers(min_value=0, max_value=2**32 - 1), st.integers(min_value=1, max_value=12))
def test_stray_markers(seed, count):
    chooser = random.Random(seed)
    lines = chooser.choice([SEED_TEXT] + CORPUS_TEXTS).split("\n")
    for _ in range(count):
        at = chooser.randrange(len(lines))
        marker = chooser.choice(MARKERS)
        lines[at] = marker + lines[at] if chooser.random() < 0.5 else marker
    parses_or_refuses("\n".join(lines))
