"""Plausible Ningxia names and codes for the demonstration network."""

from __future__ import annotations

import random

from ledger.domain.values import USCC_ALPHABET, uscc_check_character

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


def unique_person(rng: random.Random, taken: set[str]) -> str:
    """A name not yet in ``taken`` (which it joins)."""
    name = person(rng)
    while name in taken:
        name = person(rng)
    taken.add(name)
    return name


# Short codes for the windows' own references, by city.
CITY_CODES = {"640100": "YC", "640200": "SZS", "640300": "WZ", "640400": "GY", "640500": "ZW"}

# Kinds of cooperating institution and the service categories each offers.
INSTITUTION_KINDS = {
    "科技咨询": ["14", "141100", "15"],
    "知识产权": ["140300", "17"],
    "会计": ["15", "11", "110100"],
    "律师": ["17", "15"],
    "检验检测": ["141100", "14"],
    "培训": ["13", "131000", "12"],
    "创业孵化": ["12", "120600", "15"],
    "融资担保": ["11", "111000", "110100"],
}

EXPERT_ORGANISATIONS = [
    "宁夏大学",
    "北方民族大学",
    "宁夏社会科学院",
    "宁夏理工学院",
    "宁夏财经职业技术学院",
    "宁夏科技发展战略和信息研究所",
    "宁夏瑞华会计师事务所",
    "宁夏兴业律师事务所",
    "宁夏产品质量检验院",
]
EXPERT_TITLES = ["教授", "副教授", "研究员", "高级工程师", "高级会计师", "律师", "高级经济师"]

REVIEW_OPINIONS_PASSED = [
    "服务场地、专职人员符合要求，服务功能较完善，建议通过。",
    "服务体系健全，辐射带动作用明显，同意通过评审。",
    "服务业绩突出，管理制度规范，建议批准接入。",
    "基础条件较好，建议接入后加强线上服务能力建设。",
]
REVIEW_OPINIONS_FAILED = [
    "专职服务人员不足，服务业绩支撑材料不充分。",
    "服务场地面积未达到要求，不建议通过。",
    "服务功能单一，近两年服务企业数量偏少。",
]

ACTIVITY_TITLES = {
    "training": ["企业财务管理培训", "数字化转型专题培训", "专精特新企业培育培训", "安全生产培训"],
    "roadshow": ["投融资对接路演", "科技成果转化路演", "银企对接路演"],
    "contest": ["“创客中国”中小企业创新创业大赛", "青年创业大赛"],
    "startup_camp": ["创业训练营", "小微企业成长营"],
    "policy_briefing": ["惠企政策宣讲会", "减税降费政策解读会", "稳岗就业政策宣讲"],
    "consultation_day": ["知识产权服务日", "法律服务进园区", "管理咨询诊断日"],
}
ACTIVITY_CATEGORIES = {
    "training": ["13", "131000"],
    "roadshow": ["11", "110100"],
    "contest": ["12", "16"],
    "startup_camp": ["12", "120600"],
    "policy_briefing": ["10", "100200"],
    "consultation_day": ["140300", "17", "15"],
}
ACTIVITY_ATTENDANCE = {
    "training": (30, 120),
    "roadshow": (40, 150),
    "contest": (80, 400),
    "startup_camp": (20, 60),
    "policy_briefing": (50, 300),
    "consultation_day": (20, 80),
}
VENUES = ["中小企业服务中心报告厅", "创业孵化基地多功能厅", "工业园区管委会会议室", "市民大厅"]
CANCELLATION_REASONS = ["报名企业不足，活动取消", "主讲嘉宾行程冲突，活动取消", "因天气原因取消"]

REPORT_RETURN_REASONS = [
    "服务企业数与服务记录台账不一致，请核对后重新报送",
    "活动参与人数口径有误，请按签到表更正",
    "缺少报表盖章扫描件",
]

PAYEES = {
    "platform_operation": ["宁夏云联信息技术有限公司", "中国电信股份有限公司宁夏分公司"],
    "activities": ["宁夏塞上会展服务有限公司", "银川国际交流中心"],
    "training": ["宁夏职业技能培训中心", "宁夏管理干部培训中心"],
    "equipment": ["宁夏恒通科技设备有限公司", "宁夏数联网络工程有限公司"],
}
