"""Block ids are anchors for translations and notes: they must not move when unrelated text changes."""
from conftest import SEED, parse_text


def ids(bulletin):
    return {a.id: [b.id for b in a.blocks] for a in bulletin.articles}


def test_editing_text_inside_blocks_changes_no_id(seed):
    text = SEED.read_text("utf-8")
    edited = (text.replace("(五)强化合法权益保障。督促", "(五)强化合法权益保障。切实督促")
                  .replace("一是依法规范用工管理。", "一是依法规范用工管理，夯实基础。")
                  .replace("生产性服务业是推动经济增长", "生产性服务业历来是推动经济增长"))
    assert edited != text
    assert ids(parse_text(edited, "edited.txt", seed.meta)) == ids(seed)


def test_a_paragraph_added_to_one_article_moves_no_id_elsewhere(seed):
    text = SEED.read_text("utf-8")
    edited = text.replace("近年来,我国生产性服务业发展势头强劲", "新增的一段文字。\n\n近年来,我国生产性服务业发展势头强劲")
    changed = ids(parse_text(edited, "edited.txt", seed.meta))
    before = ids(seed)
    assert len(changed["producer-services"]) == len(before["producer-services"]) + 1
    assert {k: v for k, v in changed.items() if k != "producer-services"} == {
        k: v for k, v in before.items() if k != "producer-services"}


def test_a_point_removed_from_one_answer_moves_no_other_point(seed):
    text = SEED.read_text("utf-8")
    start = text.index("四是探索通过向社会组织")
    edited = text[:start] + text[text.index("五是推进社区"):]
    changed = ids(parse_text(edited, "edited.txt", seed.meta))["interview"]
    before = ids(seed)["interview"]
    assert set(before) - set(changed) == {"interview__q6__pt4"}
    assert set(changed) - set(before) == set()


def test_every_id_is_unique_and_readable(seed):
    every = [b.id for a in seed.articles for b in a.blocks]
    assert len(every) == len(set(every))
    assert all(i.replace("__", "").replace("-", "").replace("_", "").isalnum() and i.isascii() for i in every)
