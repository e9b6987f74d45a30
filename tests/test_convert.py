"""Traditional Chinese: OpenCC s2tw with the reviewed overrides, not s2twp."""
import pytest

from build_tools.convert import Converter, load_overrides


@pytest.fixture(scope="module")
def convert():
    return Converter()


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
    # Taiwan's standard 發布
    ("完善从业信息发布制度", "完善從業信息發布制度"),
])
def test_known_traps(convert, simplified, traditional):
    assert convert(simplified) == traditional


@pytest.mark.parametrize("simplified, traditional", [
    ("快递小哥", "快遞小哥"), ("网约车司机", "網約車司機"), ("算法治理", "算法治理"),
    ("“内卷式”竞争", "“內捲式”競爭"), ("“枫桥经验”", "“楓橋經驗”"), ("职业伤害保障", "職業傷害保障"),
    ("住房公积金", "住房公積金"), ("党建", "黨建"), ("“十五五”", "“十五五”"), ("专精特新", "專精特新"),
    ("干部", "幹部"), ("乡镇（街道）", "鄉鎮（街道）"),
])
def test_terms_of_the_bulletin(convert, simplified, traditional):
    assert convert(simplified) == traditional


def test_every_override_is_needed_and_applied(convert):
    raw = Converter({})
    for simplified, traditional in load_overrides().items():
        assert convert(simplified) == traditional
        assert raw(simplified) != traditional, f"{simplified}: OpenCC already gets it right; drop the override"
