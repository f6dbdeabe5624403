"""Plausible Ningxia names and codes for the demonstration network."""

from __future__ import annotations

import random

from ledger.values import USCC_ALPHABET, uscc_check_character

# The five prefecture-level cities and some of their districts and counties (GB/T 2260).
CITIES = {
    "640100": ("银川", ["640104", "640105", "640106", "640121", "640122", "640181"]),
    "640200": ("石嘴山", ["640202", "640205", "640221"]),
    "640300": ("吴忠", ["640302", "640303", "640323", "640324", "640381"]),
    "640400": ("固原", ["640402", "640422", "640423", "640424", "640425"]),
    "640500": ("中卫", ["640502", "640521", "640522"]),
}

_WORDS = [
    "兴庆",
    "贺兰",
    "塞上",
    "黄河",
    "六盘",
    "沙湖",
    "宁安",
    "西夏",
    "金凤",
    "朔方",
    "红寺",
    "盐池",
    "青铜",
    "沙坡",
    "枸杞",
    "长城",
    "星海",
    "天和",
    "鼎盛",
    "博远",
    "恒通",
    "瑞丰",
    "嘉泰",
    "明德",
    "新源",
    "华泰",
    "永宁",
    "丝路",
    "葡萄",
    "滨河",
]
_TRADES = {
    "industry": ["精密机械", "新材料", "化工", "食品加工", "建材", "光伏科技", "电力设备"],
    "retail": ["商贸", "超市", "百货", "农资"],
    "software_it": ["软件", "信息技术", "数据科技", "网络科技"],
    "wholesale": ["物流", "贸易", "供应链", "农产品批发"],
}
_FORMS = ["有限公司", "有限责任公司", "股份有限公司"]


def uscc(rng: random.Random, region: str) -> str:
    """A Unified Social Credit Code for an enterprise registered in ``region``."""
    body = "91" + region + "".join(rng.choice(USCC_ALPHABET) for _ in range(9))
    return body + uscc_check_character(body)


def enterprise_name(rng: random.Random, city: str, industry: str) -> str:
    return f"宁夏{city}{rng.choice(_WORDS)}{rng.choice(_TRADES[industry])}{rng.choice(_FORMS)}"


PERSON_SURNAMES = "王李张刘陈杨马黄赵周吴徐孙胡朱高林何郭罗"
PERSON_GIVEN = ["伟", "芳", "敏", "静", "强", "磊", "军", "洋", "勇", "艳", "杰", "娟", "涛", "明"]


def person(rng: random.Random) -> str:
    return rng.choice(PERSON_SURNAMES) + "".join(rng.choice(PERSON_GIVEN) for _ in range(2))
