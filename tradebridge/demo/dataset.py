"""The demo marketplace as plain data. Names are invented; registration numbers are made up but
pass the real check-digit rules, so the demo exercises the same validation as production."""

from __future__ import annotations

from dataclasses import dataclass, field

DEMO_PASSWORD = "tradebridge-demo"


@dataclass(frozen=True)
class DemoUser:
    email: str
    full_name: str
    role: str = "owner"
    language: str = "en"


@dataclass(frozen=True)
class DemoCompany:
    kind: str
    name: str
    name_zh: str
    country: str
    region: str
    sector: str
    description: str
    description_zh: str
    users: tuple[DemoUser, ...]
    companies_house_number: str = ""
    vat_number: str = ""
    uscc: str = ""
    website: str = ""
    verification: str = "unverified"
    extra_members: tuple[DemoUser, ...] = field(default_factory=tuple)


SUPPLIERS = (
    DemoCompany(
        "supplier",
        "Highland Shortbread Company",
        "高地黄油酥饼公司",
        "GB",
        "Inverness",
        "food_drink",
        "All-butter shortbread baked in the Highlands since 1962, in retail tins and gift boxes.",
        "自1962年起在苏格兰高地烘焙的纯黄油酥饼，提供铁罐及礼盒装零售产品。",
        (
            DemoUser("alice@highland-shortbread.example", "Alice MacLeod"),
            DemoUser("ewan@highland-shortbread.example", "Ewan Fraser", "staff"),
        ),
        companies_house_number="SC184562",
        vat_number="GB184356291",
        verification="verified",
    ),
    DemoCompany(
        "supplier",
        "Speyside Malt Distillers",
        "斯佩塞麦芽威士忌酿酒厂",
        "GB",
        "Aberlour",
        "alcoholic_drinks",
        "Single malt Scotch whisky from a family distillery on the Spey, aged 12 to 25 years.",
        "斯佩河畔家族酒厂出品的单一麦芽苏格兰威士忌，酒龄12至25年。",
        (DemoUser("hamish@speyside-malt.example", "Hamish Grant"),),
        companies_house_number="SC402117",
        vat_number="GB221740934",
        verification="verified",
    ),
    DemoCompany(
        "supplier",
        "Cotswold Wool Mill",
        "科茨沃尔德羊毛纺织厂",
        "GB",
        "Gloucestershire",
        "fashion",
        "Lambswool and merino scarves, throws and knitwear woven in the Cotswolds.",
        "在科茨沃尔德织造的羔羊毛与美利奴羊毛围巾、毯子和针织品。",
        (DemoUser("sarah@cotswold-wool.example", "Sarah Whitfield"),),
        companies_house_number="04417730",
        vat_number="GB309551894",
        verification="pending",
    ),
    DemoCompany(
        "supplier",
        "Northampton Bootmakers",
        "北安普顿手工制靴",
        "GB",
        "Northampton",
        "footwear",
        "Goodyear-welted leather boots and brogues, made in Northamptonshire.",
        "北安普顿郡制造的固特异缝制皮靴与布洛克鞋。",
        (DemoUser("tom@northampton-boots.example", "Tom Bennett"),),
        companies_house_number="01938475",
        vat_number="GB276483172",
        verification="verified",
    ),
    DemoCompany(
        "supplier",
        "Bath Botanicals",
        "巴斯植萃护肤",
        "GB",
        "Bath",
        "beauty",
        "Cruelty-free skincare with British botanicals: creams, cleansers and bath oils.",
        "采用英国植物成分、零动物实验的护肤品：面霜、洁面乳与沐浴油。",
        (DemoUser("priya@bath-botanicals.example", "Priya Shah"),),
        companies_house_number="11876203",
        vat_number="GB293810487",
    ),
    DemoCompany(
        "supplier",
        "Lakeland Home & Garden",
        "湖区家居园艺",
        "GB",
        "Cumbria",
        "home_garden",
        "Enamel cookware, stoneware and garden tools designed in the Lake District.",
        "湖区设计的搪瓷炊具、粗陶器皿与园艺工具。",
        (DemoUser("david@lakeland-home.example", "David Armstrong"),),
        companies_house_number="08263519",
        vat_number="GB312045751",
        verification="verified",
    ),
    DemoCompany(
        "supplier",
        "Peak Trail Outdoor",
        "峰区户外装备",
        "GB",
        "Derbyshire",
        "sports_outdoor",
        "Waterproof jackets, walking socks and rucksacks tested in the Peak District.",
        "在峰区实地测试的防水夹克、徒步袜与双肩背包。",
        (DemoUser("gemma@peak-trail.example", "Gemma Hughes"),),
        companies_house_number="09751284",
        vat_number="GB248571970",
    ),
    DemoCompany(
        "supplier",
        "Devon Dairy Nutrition",
        "德文乳业营养",
        "GB",
        "Exeter",
        "infant_nutrition",
        "Infant formula and toddler milk from grass-fed Devon herds, made to EU and GB standards.",
        "源自德文郡草饲牧场的婴幼儿配方奶粉与幼儿成长奶，符合欧盟及英国标准。",
        (DemoUser("oliver@devon-dairy.example", "Oliver Pearce"),),
        companies_house_number="10384726",
        vat_number="GB330662132",
        verification="verified",
    ),
)

BUYERS = (
    DemoCompany(
        "buyer",
        "Shanghai Zhenxuan Import Trading Co., Ltd.",
        "上海臻选进口贸易有限公司",
        "CN",
        "上海",
        "food_drink",
        "Imports British biscuits, confectionery and tea for supermarkets in East China.",
        "为华东地区商超进口英国饼干、糖果与茶叶。",
        (
            DemoUser("li.wei@zhenxuan.example", "李伟", language="zh-hans"),
            DemoUser("chen.jing@zhenxuan.example", "陈静", "admin", "zh-hans"),
        ),
        uscc="91310115MA1FL3XK2P",
        verification="verified",
    ),
    DemoCompany(
        "buyer",
        "Hangzhou Youpin Cross-border Supply Chain Co., Ltd.",
        "杭州优品跨境供应链有限公司",
        "CN",
        "杭州",
        "fashion",
        "Sources British knitwear and accessories for Tmall and Douyin stores.",
        "为天猫和抖音店铺采购英国针织品与配饰。",
        (DemoUser("wang.fang@youpin.example", "王芳", language="zh-hans"),),
        uscc="91330106MA2B7Q1E8C",
        verification="verified",
    ),
    DemoCompany(
        "buyer",
        "Shenzhen Haiwan Mother & Baby Products Co., Ltd.",
        "深圳海湾母婴用品有限公司",
        "CN",
        "深圳",
        "infant_nutrition",
        "A chain of 40 mother-and-baby stores in Guangdong.",
        "在广东拥有40家门店的母婴连锁。",
        (DemoUser("zhang.min@haiwan.example", "张敏", language="zh-hans"),),
        uscc="91440300MA5F9T2C4W",
        verification="pending",
    ),
    DemoCompany(
        "buyer",
        "Chengdu Jincheng Wine & Spirits Co., Ltd.",
        "成都锦程酒业有限公司",
        "CN",
        "成都",
        "alcoholic_drinks",
        "Distributes imported whisky and gin to bars and hotels in Sichuan.",
        "向四川的酒吧与酒店分销进口威士忌与金酒。",
        (DemoUser("liu.yang@jincheng.example", "刘洋", language="zh-hans"),),
        uscc="91510100MA6C8K3N7A",
    ),
    DemoCompany(
        "buyer",
        "Beijing Yazhi Lifestyle Stores Co., Ltd.",
        "北京雅致生活百货有限公司",
        "CN",
        "北京",
        "home_garden",
        "Lifestyle department stores selling British homeware and beauty.",
        "经营英国家居与美妆的生活方式百货。",
        (DemoUser("zhao.lei@yazhi.example", "赵磊", language="zh-hans"),),
        uscc="91110105MA01H7RW52",
        verification="verified",
    ),
)

AGENCY = DemoCompany(
    "agency",
    "UK E-Exporting Programme",
    "英国电子出口计划",
    "GB",
    "London",
    "other",
    "The government programme that helps UK businesses start selling online to China.",
    "帮助英国企业开始向中国在线销售的政府项目。",
    (
        DemoUser("grace@export-programme.example", "Grace Okafor"),
        DemoUser("ben@export-programme.example", "Ben Carter", "adviser"),
    ),
    verification="verified",
)

OPERATOR = DemoCompany(
    "operator",
    "TradeBridge Marketplace Ltd",
    "贸桥平台运营",
    "GB",
    "London",
    "other",
    "Runs the TradeBridge marketplace.",
    "贸桥平台运营方。",
    (DemoUser("ops@tradebridge.example", "Morgan Lee"),),
    companies_house_number="12345678",
    verification="verified",
)

# One adviser also staffs a supplier's export desk, so the demo shows the company switcher.
SECOND_MEMBERSHIPS = (("ben@export-programme.example", "Highland Shortbread Company", "staff"),)

# The operator comes first: it is the actor recorded on the other companies' verification.
ALL_COMPANIES = (OPERATOR, AGENCY, *SUPPLIERS, *BUYERS)
