"""The index of documents' titles finds exactly the documents a name names (pairing._same_document):
the title ends with the name, or the name with the title, a name of six characters at least."""
from types import SimpleNamespace

from build_tools.pairing import Titles, _same_document

TITLES = ["中共中央办公厅国务院办公厅关于加强新就业群体服务管理的意见", "关于加强新就业群体服务管理的意见",
          "《新就业群体服务管理的意见》", "意见", "", "关于全面推进乡村振兴加快农业农村现代化的意见",
          "中国共产党党和国家机关基层组织工作条例"]
NAMES = ["关于加强新就业群体服务管理的意见", "新就业群体服务管理的意见", "服务管理的意见", "管理的意见", "的意见",
         "国务院办公厅关于加强新就业群体服务管理的意见", "党和国家机关基层组织工作条例", "工作条例",
         "中国共产党党和国家机关基层组织工作条例实施办法", "某某关于全面推进乡村振兴加快农业农村现代化的意见"]


def test_the_index_finds_what_a_comparison_with_every_title_finds():
    documents = [(SimpleNamespace(title=SimpleNamespace(text=title)), None) for title in TITLES]
    titles = Titles(documents)
    for name in NAMES:
        expected = {at for at, title in enumerate(TITLES) if _same_document(name, title.strip("《》"))}
        assert titles.same(name) == expected, name
    # Titles that end with the name, and (as _same_document has it) titles the name ends with, however short.
    assert titles.same("新就业群体服务管理的意见") == {0, 1, 2, 3, 4}
    assert titles.same("管理的意见") == set()  # five characters: too vague
