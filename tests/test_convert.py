"""Traditional Chinese: OpenCC s2tw with the reviewed overrides, not s2twp."""
import pytest

from build_tools.convert import Converter, load_overrides
from build_tools.punctuation import corner_quotes
from conftest import CHECKOUT


@pytest.fixture(scope="module")
def convert():
    return Converter(load_overrides(CHECKOUT.overrides_file))


@pytest.mark.parametrize("simplified, traditional", [
    # OpenCC issue #1497 and its kind: 了 the particle, 发 in 发明
    ("被发明", "被發明"),
    ("展示了新成果", "展示了新成果"),
    ("为各地各部门加强新就业群体服务管理工作指明了方向", "為各地各部門加強新就業群體服務管理工作指明了方向"),
    # s2twp's Taiwanese IT vocabulary must not appear in policy text
    ("首个专门关于新就业群体服务管理的中央文件", "首個專門關於新就業群體服務管理的中央文件"),
    ("推进社区、商圈、楼宇", "推進社區、商圈、樓宇"),
    ("优化服务保障", "優化服務保障"),
    ("数据流通", "數據流通"),
    ("化肥项目", "化肥項目"),
    ("安装调试", "安裝調試"),
    ("价值链高端", "價值鏈高端"),
    # 群, not plain s2t's 羣
    ("新就业群体", "新就業群體"),
    ("群团组织", "群團組織"),
    # Taiwan's standard 發布, 公布, 布局 (s2tw: 發佈, 公佈, 佈局)
    ("完善从业信息发布制度", "完善從業信息發布制度"),
    ("2025年8月公布", "2025年8月公布"),
    ("更好科学规划布局服务资源", "更好科學規劃布局服務資源"),
    # s2tw takes 多采 (多采多姿) and leaves 采 of 采用 (glossary, 快递企业; OpenCC #805 is the same trap)
    ("许多采用加盟方式", "許多採用加盟方式"),
    ("更多采取措施", "更多採取措施"),
    ("采用", "採用"),
    ("多采多姿", "多采多姿"),
])
def test_known_traps(convert, simplified, traditional):
    assert convert(simplified) == traditional


@pytest.mark.parametrize("simplified, traditional", [
    ("快递小哥", "快遞小哥"), ("网约车司机", "網約車司機"), ("算法治理", "算法治理"),
    ("“内卷式”竞争", "「內捲式」競爭"), ("“枫桥经验”", "「楓橋經驗」"), ("职业伤害保障", "職業傷害保障"),
    ("住房公积金", "住房公積金"), ("党建", "黨建"), ("“十五五”", "「十五五」"), ("专精特新", "專精特新"),
    ("干部", "幹部"), ("乡镇（街道）", "鄉鎮（街道）"),
])
def test_terms_of_the_bulletin(convert, simplified, traditional):
    assert convert(simplified) == traditional


def test_every_override_is_needed_and_applied(convert):
    raw = Converter({})
    for simplified, traditional in load_overrides(CHECKOUT.overrides_file).items():
        assert convert(simplified) == traditional
        assert raw(simplified) != traditional, f"{simplified}: OpenCC already gets it right; drop the override"


@pytest.mark.parametrize("simplified, traditional", [
    # Taiwan and Hong Kong print 「」 for “ ” and 『』 for the quotation inside it
    ("综合整治“内卷式”竞争", "綜合整治「內捲式」競爭"),
    ("指出，“社会工作一定要加强。”", "指出，「社會工作一定要加強。」"),
    ("他说：“要落实‘十五五’规划。”", "他說：「要落實『十五五』規劃。」"),
    ("“‘人工智能+’行动”", "「『人工智能+』行動」"),
    # quoted words that are not Chinese, in Chinese: they go by their neighbours
    ("英文译文以“[…]”标出缺口", "英文譯文以「[…]」標出缺口"),
    ("拨打“12345”热线", "撥打「12345」熱線"),
    # a quotation running on into the next paragraph has no closing mark there; a stray closing one
    ("“引文的第一段。", "「引文的第一段。"),
    ("引文的末段。”", "引文的末段。」"),
    ("左引号“与‘不配对", "左引號「與『不配對"),
])
def test_quotation_marks(convert, simplified, traditional):
    assert convert(simplified) == traditional


@pytest.mark.parametrize("text", [
    "Comprehensively address “involution-style” competition.",
    "China’s “AI Plus” initiative, the ‘make contributions at your post’ activities",
    "“Social work must be strengthened.”",
    "the couriers’ rest stations",
])
def test_english_keeps_its_quotation_marks(convert, text):
    assert convert(text) == text


def test_english_beside_chinese_keeps_its_marks_and_the_chinese_takes_corners(convert):
    assert convert("见于“内卷式”竞争, “involution-style” competition") == "見於「內捲式」競爭, “involution-style” competition"


def test_quotation_marks_are_one_for_one():
    """Offsets into the Simplified text (highlights, notes) hold in the Traditional text."""
    text = "“甲‘乙’丙”, “x” y’s “丁"
    assert len(corner_quotes(text)) == len(text)
    assert corner_quotes(text) == "「甲『乙』丙」, “x” y’s 「丁"


def test_simplified_edition_keeps_its_quotation_marks(seed):
    from build_tools.render import render_site

    pages = render_site([seed], CHECKOUT)
    simplified, traditional = pages["zh-Hans/2026-04-26-xinhua/opinion.md"], pages["zh-Hant/2026-04-26-xinhua/opinion.md"]
    assert "综合整治“内卷式”竞争" in simplified and "「" not in simplified
    assert "綜合整治「內捲式」競爭" in traditional
    # the interface too (the outline's note), and the English beside the Chinese keeps “ ”
    assert "標明「不在本期公報中」" in traditional
    assert "Comprehensively address “involution-style”" in traditional
