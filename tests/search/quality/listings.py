"""The search quality fixture catalog, as data: British export goods from several suppliers,
written the way suppliers write them. Most listings are bilingual, some English only (the
supplier never translated them) and some Chinese only (a supplier whose sales desk writes
Chinese). Near misses sit beside the targets on purpose: ball bearings beside ball valves,
silk scarves beside wool ones, cycling gloves beside knitted gloves.

`catalog.build_catalog()` turns this into published products; `queries.py` labels it.
Handles are unique across the whole catalog so a query can name its listings by handle.
"""

from __future__ import annotations

from dataclasses import dataclass, field


@dataclass(frozen=True)
class Supplier:
    key: str
    name: str
    name_zh: str
    region: str
    sector: str
    verified: bool


@dataclass(frozen=True)
class Listing:
    handle: str
    supplier: str
    category: str
    title_en: str
    title_zh: str
    description_en: str = ""
    description_zh: str = ""
    attributes: dict = field(default_factory=dict)
    certifications: tuple[str, ...] = ()
    origin: str = "GB"
    moq: int = 10
    price: str = "5.00"
    lead_time_days: int = 14
    sample: bool = False

    @property
    def language(self) -> str:
        """Which languages the listing is written in: "en", "zh" or "both"."""
        if self.title_en and self.title_zh:
            return "both"
        return "en" if self.title_en else "zh"


SUPPLIERS = (
    Supplier("highland", "Highland Knitwear Ltd", "高地针织有限公司", "Hawick, Scotland", "fashion", True),
    Supplier("jadebridge", "Jade Bridge Trading Ltd", "玉桥贸易有限公司", "London", "other", False),
    Supplier("speyside", "Speyside Spirits Co", "斯佩塞烈酒公司", "Elgin, Scotland", "alcoholic_drinks", True),
    Supplier("glenbakery", "Glen Bakery Ltd", "格伦烘焙有限公司", "Aberdeenshire", "food_drink", True),
    Supplier("thamestea", "Thames Tea Company", "泰晤士茶叶公司", "London", "food_drink", True),
    Supplier("cottage", "Cottage Preserves", "乡舍果酱", "Somerset", "food_drink", False),
    Supplier("cotswold", "Cotswold Botanicals", "科茨沃尔德植物护肤", "Gloucestershire", "beauty", True),
    Supplier("acorn", "Little Acorn Nutrition", "小橡果营养", "Cheshire", "infant_nutrition", True),
    Supplier("sheffield", "Sheffield Flow Controls", "谢菲尔德流体控制", "Sheffield", "other", True),
    Supplier("midpumps", "Midland Pumps Ltd", "米德兰泵业", "Birmingham", "other", False),
    Supplier("blackcountry", "Black Country Bearings", "黑乡轴承", "Dudley", "other", True),
    Supplier("stoke", "Stoke Potteries", "斯托克陶瓷", "Stoke-on-Trent", "home_garden", True),
    Supplier("kingdomtoys", "Kingdom Toys", "王国玩具", "Leeds", "toys_baby", False),
    Supplier("albion", "Albion Cycles", "阿尔比恩自行车", "Bristol", "sports_outdoor", True),
    Supplier("northampton", "Northampton Shoemakers", "北安普顿制鞋", "Northampton", "footwear", True),
    Supplier("lakeland", "Lakeland Candle Co", "湖区蜡烛", "Cumbria", "home_garden", False),
    Supplier("hound", "Hound & Co", "猎犬宠物", "Yorkshire", "pet_care", False),
    Supplier("vitality", "Vitality Health UK", "活力健康", "Manchester", "health_supplements", True),
    Supplier("gadget", "Circuit Works", "电路工坊", "Cambridge", "electronics_accessories", False),
)

_SCARVES = "fashion-accessories/scarves-shawls"
_KNIT = "fashion-accessories/knitwear"
_GLOVES = "fashion-accessories/accessories/gloves"
_HATS = "fashion-accessories/accessories/hats-caps"
_SOCKS = "fashion-accessories/underwear-nightwear"
_TEXTILES = "home-garden/home-textiles"
_SINGLE_MALT = "alcoholic-drinks/whisky/single-malt"
_BLENDED = "alcoholic-drinks/whisky/blended-whisky"
_GIN = "alcoholic-drinks/gin"
_SPIRITS = "alcoholic-drinks/other-spirits"
_BISCUITS = "food-drink/biscuits-confectionery/biscuits-shortbread"
_CAKES = "food-drink/biscuits-confectionery/cakes-puddings"
_SWEETS = "food-drink/biscuits-confectionery/sweets-fudge"
_TEA = "food-drink/tea-coffee/tea"
_COFFEE = "food-drink/tea-coffee/coffee"
_JAM = "food-drink/preserves-honey/jams-marmalade"
_HONEY = "food-drink/preserves-honey/honey"
_FACE = "beauty-personal-care/skincare/face-care"
_BODY = "beauty-personal-care/skincare/body-care"
_SUN = "beauty-personal-care/skincare/sun-care"
_STAGE1 = "infant-nutrition/infant-formula/first-infant-milk"
_STAGE2 = "infant-nutrition/infant-formula/follow-on-milk"
_STAGE3 = "infant-nutrition/infant-formula/growing-up-milk"
_SPECIAL = "infant-nutrition/infant-formula/specialist-formula"
_TABLEWARE = "home-garden/kitchen-dining/tableware"
_TOYS = "toys-baby/toys"
_SOFT_TOYS = "toys-baby/toys/soft-toys"
_BLOCKS = "toys-baby/toys/construction-toys"
_PUZZLES = "toys-baby/games-puzzles"
_CYCLING = "sports-outdoor/cycling"

# The default tree has no industrial branch yet, so valves, pumps and bearings go uncategorised
# (category None), as an import of them would today.
_NONE = ""

# fmt: off
LISTINGS = (
    # --- Highland Knitwear: scarves, knitwear, gloves, hats, throws --------------------------
    Listing(
        "cashmere-scarf-navy", "highland", _SCARVES,
        "Pure Cashmere Scarf, Navy", "纯羊绒围巾 藏青色",
        "Woven in Hawick from 100% Scottish cashmere. 180 x 30 cm, fringed ends.",
        "苏格兰霍伊克织造，100%苏格兰羊绒，180 x 30 厘米，流苏边。",
        {"material": "cashmere", "colour": "navy", "size": "180 x 30 cm"},
        moq=20, price="38.00", sample=True,
    ),
    Listing(
        "cashmere-scarf-camel", "highland", _SCARVES,
        "Cashmere Scarf in Camel", "",
        "Soft two-ply cashmere scarf, brushed finish, gift boxed.",
        attributes={"material": "cashmere", "colour": "camel"},
        moq=20, price="36.50",
    ),
    Listing(
        "cashmere-tartan-scarf", "highland", _SCARVES,
        "Cashmere Tartan Scarf, Royal Stewart", "羊绒格纹围巾 皇家斯图尔特格纹",
        "Royal Stewart tartan woven in pure cashmere.",
        "纯羊绒织造的皇家斯图尔特格纹围巾。",
        {"material": "cashmere", "pattern": "tartan"},
        moq=12, price="42.00", sample=True,
    ),
    Listing(
        "lambswool-scarf-grey", "highland", _SCARVES,
        "Lambswool Scarf, Charcoal Grey", "羔羊毛围巾 炭灰色",
        "A classic wool scarf knitted from soft lambswool. Machine washable wool.",
        "柔软羔羊毛针织的经典羊毛围巾。",
        {"material": "lambswool", "colour": "charcoal"},
        moq=24, price="14.00",
    ),
    Listing(
        "lambswool-tartan-scarf", "highland", _SCARVES,
        "Lambswool Tartan Scarf, Black Watch", "",
        "Black Watch tartan scarf in 100% lambswool, a traditional Scottish wool scarf.",
        attributes={"material": "lambswool", "pattern": "tartan"},
        moq=24, price="15.50",
    ),
    Listing(
        "merino-wool-scarf", "highland", _SCARVES,
        "Merino Wool Scarf, Forest Green", "美利奴羊毛围巾 森林绿",
        "Extra fine merino wool, ribbed knit, unisex.",
        "超细美利奴羊毛，罗纹针织，男女通用。",
        {"material": "merino wool", "colour": "forest green"},
        moq=24, price="18.00",
    ),
    Listing(
        "wool-blanket-scarf", "highland", _SCARVES,
        "Oversized Wool Blanket Scarf", "超大羊毛毯子围巾",
        "Generous blanket scarf woven from British wool.",
        "英国羊毛织造的宽大毯子围巾。",
        {"material": "wool"},
        moq=12, price="22.00",
    ),
    Listing(
        "silk-scarf-paisley", "highland", _SCARVES,
        "Paisley Silk Scarf", "佩斯利真丝围巾",
        "Printed silk twill scarf, hand-rolled edges.",
        "印花真丝斜纹围巾，手工卷边。",
        {"material": "silk", "pattern": "paisley"},
        moq=12, price="24.00",
    ),
    Listing(
        "cashmere-jumper-crew", "highland", _KNIT,
        "Cashmere Crew Neck Jumper", "羊绒圆领毛衣",
        "Two-ply Scottish cashmere jumper, fully fashioned.",
        "双股苏格兰羊绒毛衣。",
        {"material": "cashmere", "sizes": "S-XL"},
        moq=10, price="95.00", sample=True,
    ),
    Listing(
        "lambswool-jumper-vneck", "highland", _KNIT,
        "Lambswool V-Neck Jumper", "",
        "Lambswool jumper, V neck, saddle shoulder. Pure new wool.",
        attributes={"material": "lambswool"},
        moq=10, price="32.00",
    ),
    Listing(
        "aran-jumper", "highland", _KNIT,
        "Aran Cable Knit Jumper", "阿兰麻花针织毛衣",
        "Chunky Aran jumper in undyed wool, cable knit.",
        "未染色羊毛粗针阿兰毛衣，麻花针织。",
        {"material": "wool"},
        moq=10, price="45.00",
    ),
    Listing(
        "fair-isle-jumper", "highland", _KNIT,
        "Fair Isle Jumper, Shetland Wool", "",
        "Hand-framed Fair Isle jumper in Shetland wool.",
        attributes={"material": "Shetland wool"},
        moq=6, price="68.00",
    ),
    Listing(
        "merino-cardigan", "highland", _KNIT,
        "Merino Wool Cardigan", "美利奴羊毛开衫",
        "Fine gauge merino cardigan with horn buttons.",
        "细针美利奴羊毛开衫，牛角扣。",
        {"material": "merino wool"},
        moq=10, price="48.00",
    ),
    Listing(
        "cashmere-gloves", "highland", _GLOVES,
        "Cashmere Gloves", "",
        "Knitted cashmere gloves, one size.",
        attributes={"material": "cashmere"},
        moq=24, price="19.00",
    ),
    Listing(
        "leather-gloves-lined", "highland", _GLOVES,
        "Leather Gloves, Cashmere Lined", "羊绒内衬皮手套",
        "Lambskin leather gloves lined with cashmere.",
        "羊皮手套，羊绒内衬。",
        {"material": "leather"},
        moq=12, price="29.00",
    ),
    Listing(
        "wool-beanie", "highland", _HATS,
        "Ribbed Wool Beanie", "罗纹羊毛毛线帽",
        "Lambswool beanie hat with turn-up.",
        "羔羊毛翻边毛线帽。",
        {"material": "wool"},
        moq=24, price="9.50",
    ),
    Listing(
        "tweed-cap", "highland", _HATS,
        "Harris Tweed Flat Cap", "",
        "Flat cap in Harris Tweed, quilted lining.",
        attributes={"material": "Harris Tweed"},
        moq=12, price="21.00",
    ),
    Listing(
        "wool-throw", "highland", _TEXTILES,
        "Wool Throw, Herringbone", "人字纹羊毛盖毯",
        "Pure new wool throw woven in the Borders, 130 x 180 cm.",
        "纯新羊毛盖毯，130 x 180 厘米。",
        {"material": "wool", "size": "130 x 180 cm"},
        moq=6, price="55.00",
    ),
    Listing(
        "wool-socks", "highland", _SOCKS,
        "Wool Walking Socks", "",
        "Cushioned wool socks for walking boots.",
        attributes={"material": "wool"},
        moq=48, price="6.00",
    ),
    # --- Jade Bridge Trading: a sales desk that writes Chinese only ------------------------
    Listing(
        "jb-wool-scarf", "jadebridge", _SCARVES,
        "", "英国进口羊毛围巾 格纹 男女通用",
        description_zh="英国进口纯羊毛围巾，经典格纹，保暖柔软，礼盒装。",
        attributes={"材质": "羊毛", "产地": "英国"},
        moq=50, price="12.00",
    ),
    Listing(
        "jb-cashmere-shawl", "jadebridge", _SCARVES,
        "", "苏格兰羊绒披肩 大尺寸",
        description_zh="苏格兰羊绒披肩，200 x 70 厘米，可作围巾。",
        attributes={"材质": "羊绒"},
        moq=20, price="60.00",
    ),
    Listing(
        "jb-single-malt", "jadebridge", _SINGLE_MALT,
        "", "苏格兰单一麦芽威士忌 12年 700毫升",
        description_zh="斯佩塞产区单一麦芽威士忌，雪莉桶陈酿12年，原装进口。",
        attributes={"酒精度": "40%", "容量": "700毫升"},
        moq=12, price="28.00",
    ),
    Listing(
        "jb-london-gin", "jadebridge", _GIN,
        "", "伦敦干金酒 700毫升",
        description_zh="经典伦敦干金酒，杜松子风味，适合调酒。",
        attributes={"酒精度": "43%"},
        moq=12, price="14.00",
    ),
    Listing(
        "jb-shortbread-tin", "jadebridge", _BISCUITS,
        "", "苏格兰黄油酥饼礼盒 铁盒装",
        description_zh="全黄油酥饼，苏格兰传统配方，铁盒礼盒装。",
        attributes={"净含量": "500克"},
        moq=48, price="6.50",
    ),
    Listing(
        "jb-earl-grey", "jadebridge", _TEA,
        "", "伯爵红茶 茶包 100包",
        description_zh="英国伯爵红茶，佛手柑香气，独立茶包。",
        moq=48, price="4.20",
    ),
    Listing(
        "jb-breakfast-tea", "jadebridge", _TEA,
        "", "英式早餐茶 罐装散茶",
        description_zh="英式早餐茶，阿萨姆与锡兰拼配，罐装散茶。",
        moq=48, price="5.10",
    ),
    Listing(
        "jb-formula-stage1", "jadebridge", _STAGE1,
        "", "婴儿配方奶粉 一段 800克",
        description_zh="英国原装进口一段婴儿配方奶粉，适合0-6月龄。",
        attributes={"段数": "一段", "净含量": "800克"},
        moq=24, price="13.00",
    ),
    Listing(
        "jb-formula-stage2", "jadebridge", _STAGE2,
        "", "较大婴儿配方奶粉 二段 800克",
        description_zh="二段较大婴儿配方奶粉，适合6-12月龄。",
        attributes={"段数": "二段"},
        moq=24, price="12.50",
    ),
    Listing(
        "jb-ss-ball-valve", "jadebridge", _NONE,
        "", "304不锈钢球阀 DN50 法兰连接",
        description_zh="304不锈钢球阀，公称通径DN50，法兰连接，适用于水、油、气。",
        attributes={"材质": "304不锈钢", "通径": "DN50"},
        moq=10, price="48.00",
    ),
    Listing(
        "jb-deep-groove-bearing", "jadebridge", _NONE,
        "", "深沟球轴承 6204 密封型",
        description_zh="6204深沟球轴承，双面密封，英国品牌。",
        attributes={"型号": "6204"},
        moq=100, price="1.20",
    ),
    Listing(
        "jb-centrifugal-pump", "jadebridge", _NONE,
        "", "卧式离心泵 铸铁 2.2千瓦",
        description_zh="卧式单级离心泵，铸铁泵体，2.2千瓦。",
        attributes={"功率": "2.2千瓦"},
        moq=2, price="320.00",
    ),
    Listing(
        "jb-bone-china-tea-set", "jadebridge", _TABLEWARE,
        "", "英国骨瓷茶具套装 15件",
        description_zh="斯托克产骨瓷茶具，含茶壶、茶杯和碟子。",
        moq=6, price="85.00",
    ),
    Listing(
        "jb-teddy-bear", "jadebridge", _SOFT_TOYS,
        "", "泰迪熊毛绒玩具 30厘米",
        description_zh="经典泰迪熊毛绒玩具，适合3岁以上儿童。",
        moq=24, price="9.00",
    ),
    Listing(
        "jb-folding-bike", "jadebridge", _CYCLING,
        "", "英国折叠自行车 16寸 6速",
        description_zh="16寸折叠自行车，6速，钢架，通勤便携。",
        moq=2, price="690.00",
    ),
    Listing(
        "jb-face-cream", "jadebridge", _FACE,
        "", "保湿面霜 50毫升",
        description_zh="英国植物保湿面霜，适合干性肌肤。",
        moq=48, price="7.80",
    ),
    Listing(
        "jb-hand-cream", "jadebridge", _BODY,
        "", "护手霜 薰衣草 75毫升",
        description_zh="薰衣草护手霜，滋润不油腻。",
        moq=48, price="3.20",
    ),
    Listing(
        "jb-manuka-honey", "jadebridge", _HONEY,
        "", "麦卢卡蜂蜜 UMF10+ 250克",
        description_zh="新西兰麦卢卡蜂蜜，英国分装。",
        origin="NZ", moq=24, price="16.00",
    ),
    Listing(
        "jb-soy-candle", "jadebridge", "home-garden/candles-home-fragrance",
        "", "大豆香薰蜡烛 玻璃杯装",
        description_zh="天然大豆蜡香薰蜡烛，燃烧约40小时。",
        moq=24, price="5.50",
    ),
    Listing(
        "jb-wool-socks", "jadebridge", _SOCKS,
        "", "羊毛袜 加厚 三双装",
        description_zh="加厚羊毛袜，三双装，冬季保暖。",
        moq=60, price="4.00",
    ),
    # --- Speyside Spirits: whisky, gin and other drinks ------------------------------------
    Listing(
        "single-malt-12", "speyside", _SINGLE_MALT,
        "Speyside Single Malt Scotch Whisky, 12 Year Old, 70cl", "斯佩塞单一麦芽苏格兰威士忌 12年 70cl",
        "Matured in sherry casks for twelve years. Notes of dried fruit and honey.",
        "雪莉桶陈酿十二年，干果与蜂蜜风味。",
        {"ABV": "40%", "volume": "70cl", "age": "12 years"},
        moq=12, price="24.00", sample=True,
    ),
    Listing(
        "single-malt-18", "speyside", _SINGLE_MALT,
        "Single Malt Scotch Whisky, 18 Year Old", "",
        "A rare 18 year old single malt, bottled at 43%.",
        attributes={"ABV": "43%", "age": "18 years"},
        moq=6, price="62.00",
    ),
    Listing(
        "islay-peated-malt", "speyside", _SINGLE_MALT,
        "Islay Peated Single Malt Whisky", "艾雷岛泥煤单一麦芽威士忌",
        "Smoky, peated single malt from Islay.",
        "艾雷岛泥煤风味单一麦芽威士忌，烟熏味浓郁。",
        {"ABV": "46%"},
        moq=6, price="38.00",
    ),
    Listing(
        "blended-scotch", "speyside", _BLENDED,
        "Blended Scotch Whisky, 1 Litre", "调和苏格兰威士忌 1升",
        "Smooth blended Scotch whisky for bars and duty free.",
        "顺滑的调和苏格兰威士忌。",
        {"ABV": "40%", "volume": "1 litre"},
        moq=24, price="11.00",
    ),
    Listing(
        "blended-malt", "speyside", _BLENDED,
        "Blended Malt Scotch Whisky", "",
        "A blended malt of Speyside and Highland single malts.",
        moq=12, price="19.00",
    ),
    Listing(
        "whisky-gift-set", "speyside", _SINGLE_MALT,
        "Whisky Gift Set with Two Glasses", "威士忌礼盒 配两只酒杯",
        "A 20cl single malt whisky with two crystal tumblers in a gift box.",
        "20cl单一麦芽威士忌，配两只水晶杯，礼盒装。",
        moq=12, price="22.00",
    ),
    Listing(
        "irish-whiskey", "speyside", "alcoholic-drinks/whisky",
        "Irish Whiskey, Triple Distilled", "爱尔兰威士忌 三次蒸馏",
        "Triple distilled Irish whiskey, aged in bourbon casks.",
        "三次蒸馏爱尔兰威士忌，波本桶陈酿。",
        origin="IE", moq=12, price="17.00",
    ),
    Listing(
        "london-dry-gin", "speyside", _GIN,
        "London Dry Gin, 70cl", "伦敦干金酒 70cl",
        "Juniper-led London dry gin distilled with eleven botanicals.",
        "以杜松子为主调的伦敦干金酒，十一种植物蒸馏。",
        {"ABV": "41.5%"},
        moq=12, price="13.50", sample=True,
    ),
    Listing(
        "pink-gin", "speyside", _GIN,
        "Pink Gin with Raspberry", "",
        "Raspberry and rhubarb pink gin.",
        attributes={"ABV": "37.5%"},
        moq=12, price="12.00",
    ),
    Listing(
        "sloe-gin", "speyside", _GIN,
        "Sloe Gin Liqueur", "黑刺李金酒",
        "Wild sloes steeped in our dry gin.",
        "野生黑刺李浸泡干金酒。",
        moq=12, price="14.50",
    ),
    Listing(
        "navy-strength-gin", "speyside", _GIN,
        "Navy Strength Gin, 57%", "",
        "A bold navy strength gin for cocktails.",
        moq=12, price="18.00",
    ),
    Listing(
        "vodka-potato", "speyside", _SPIRITS,
        "Potato Vodka", "土豆伏特加",
        "Small batch vodka distilled from Scottish potatoes.",
        "苏格兰土豆小批量蒸馏伏特加。",
        moq=12, price="13.00",
    ),
    Listing(
        "spiced-rum", "speyside", _SPIRITS,
        "Spiced Rum", "",
        "Caribbean rum spiced with vanilla and orange peel.",
        moq=12, price="12.50",
    ),
    Listing(
        "craft-cider", "speyside", "alcoholic-drinks/beer-cider",
        "Craft Cider, 500ml Bottles", "精酿苹果酒 500毫升",
        "Dry craft cider from Herefordshire apples.",
        "赫里福德郡苹果酿造的干型精酿苹果酒。",
        moq=48, price="1.60",
    ),
    # --- Glen Bakery: shortbread, biscuits, sweets -----------------------------------------
    Listing(
        "shortbread-fingers", "glenbakery", _BISCUITS,
        "All Butter Shortbread Fingers, 150g", "全黄油酥饼条 150克",
        "Traditional Scottish shortbread baked with butter, flour and sugar.",
        "传统苏格兰黄油酥饼，黄油、面粉和糖烘焙。",
        {"weight": "150 g"},
        moq=48, price="1.90", sample=True,
    ),
    Listing(
        "shortbread-rounds-tin", "glenbakery", _BISCUITS,
        "Shortbread Rounds in a Tartan Tin", "",
        "Pure butter shortbread rounds in a gift tin, 400g.",
        attributes={"weight": "400 g"},
        moq=24, price="5.40",
    ),
    Listing(
        "choc-chip-shortbread", "glenbakery", _BISCUITS,
        "Chocolate Chip Shortbread", "",
        "All butter shortbread with Belgian chocolate chips.",
        moq=48, price="2.10",
    ),
    Listing(
        "petticoat-tails", "glenbakery", _BISCUITS,
        "Petticoat Tails Shortbread", "花边黄油酥饼",
        "Fan-shaped shortbread wedges, a Scottish classic.",
        "扇形黄油酥饼，苏格兰经典。",
        moq=48, price="2.30",
    ),
    Listing(
        "oatcakes", "glenbakery", _BISCUITS,
        "Rough Scottish Oatcakes", "苏格兰燕麦饼",
        "Oatcakes baked with wholegrain oats; pair with cheese.",
        "全谷物燕麦烘焙的燕麦饼，适合搭配奶酪。",
        moq=48, price="1.40",
    ),
    Listing(
        "digestive-biscuits", "glenbakery", _BISCUITS,
        "Digestive Biscuits", "",
        "Wholemeal digestive biscuits, 400g pack.",
        moq=48, price="1.10",
    ),
    Listing(
        "ginger-biscuits", "glenbakery", _BISCUITS,
        "Stem Ginger Biscuits", "姜味饼干",
        "Crunchy biscuits with stem ginger.",
        "加入糖渍姜的香脆饼干。",
        moq=48, price="1.70",
    ),
    Listing(
        "scottish-tablet", "glenbakery", _SWEETS,
        "Scottish Tablet", "",
        "Crumbly butter and sugar tablet, a cousin of fudge.",
        moq=48, price="2.00",
    ),
    Listing(
        "butter-fudge", "glenbakery", _SWEETS,
        "Clotted Cream Fudge", "凝脂奶油软糖",
        "Fudge made with Cornish clotted cream.",
        "康沃尔凝脂奶油制作的乳脂软糖。",
        moq=48, price="2.20",
    ),
    Listing(
        "sticky-toffee-pudding", "glenbakery", _CAKES,
        "Sticky Toffee Pudding", "太妃糖布丁",
        "Date sponge in toffee sauce, ambient.",
        "椰枣海绵蛋糕配太妃酱。",
        moq=24, price="3.50",
    ),
    Listing(
        "dundee-fruit-cake", "glenbakery", _CAKES,
        "Dundee Fruit Cake", "邓迪水果蛋糕",
        "Rich fruit cake topped with almonds.",
        "顶部铺杏仁的浓郁水果蛋糕。",
        moq=12, price="6.80",
    ),
    # --- Thames Tea ------------------------------------------------------------------------
    Listing(
        "english-breakfast-tea", "thamestea", _TEA,
        "English Breakfast Tea, 80 Tea Bags", "英式早餐茶 80茶包",
        "A brisk blend of Assam and Kenyan black tea.",
        "阿萨姆与肯尼亚红茶的浓郁拼配。",
        {"count": "80 bags"},
        certifications=("fairtrade",),
        moq=48, price="2.40", sample=True,
    ),
    Listing(
        "earl-grey-loose", "thamestea", _TEA,
        "Earl Grey Loose Leaf Tea, 250g", "伯爵红茶 散装茶叶 250克",
        "Black tea scented with bergamot oil.",
        "佛手柑油熏香的红茶。",
        certifications=("organic",),
        moq=24, price="6.20",
    ),
    Listing(
        "assam-tea", "thamestea", _TEA,
        "Assam Tea, Strong Black Tea", "",
        "Malty Assam loose leaf black tea.",
        origin="IN", moq=24, price="5.50",
    ),
    Listing(
        "darjeeling-tea", "thamestea", _TEA,
        "Darjeeling First Flush Tea", "大吉岭春摘红茶",
        "Delicate first flush black tea from Darjeeling.",
        "大吉岭春摘红茶，清香细腻。",
        origin="IN", moq=24, price="9.00",
    ),
    Listing(
        "green-tea-sencha", "thamestea", _TEA,
        "Organic Green Tea", "",
        "Organic green tea, 50 pyramid bags.",
        certifications=("organic",),
        moq=48, price="3.10",
    ),
    Listing(
        "peppermint-tea", "thamestea", _TEA,
        "Peppermint Herbal Tea", "薄荷花草茶",
        "Caffeine free peppermint infusion.",
        "无咖啡因薄荷花草茶。",
        moq=48, price="2.20",
    ),
    Listing(
        "afternoon-tea-gift", "thamestea", _TEA,
        "Afternoon Tea Gift Tin", "下午茶礼品罐",
        "Three teas in a gift tin: breakfast, Earl Grey and Darjeeling.",
        "礼品罐装三款茶：早餐茶、伯爵茶和大吉岭。",
        moq=12, price="12.00",
    ),
    Listing(
        "coffee-beans", "thamestea", _COFFEE,
        "Roasted Coffee Beans, 1kg", "烘焙咖啡豆 1公斤",
        "Medium roast arabica coffee beans.",
        "中度烘焙阿拉比卡咖啡豆。",
        moq=12, price="14.00",
    ),
    Listing(
        "hot-chocolate", "thamestea", "food-drink/chocolate",
        "Drinking Hot Chocolate", "",
        "Rich hot chocolate flakes, 300g tin.",
        moq=24, price="4.10",
    ),
    # --- Cottage Preserves -------------------------------------------------------------------
    Listing(
        "seville-marmalade", "cottage", _JAM,
        "Seville Orange Marmalade, Thick Cut", "塞维利亚橙皮果酱 厚切",
        "Thick cut marmalade made with Seville oranges.",
        "塞维利亚苦橙制作的厚切橙皮果酱。",
        moq=24, price="2.60",
    ),
    Listing(
        "strawberry-jam", "cottage", _JAM,
        "Strawberry Jam", "",
        "Somerset strawberry jam, 340g.",
        moq=24, price="2.20",
    ),
    Listing(
        "raspberry-jam", "cottage", _JAM,
        "Raspberry Jam, Seedless", "无籽覆盆子果酱",
        "Seedless raspberry jam.",
        "无籽覆盆子果酱。",
        moq=24, price="2.40",
    ),
    Listing(
        "heather-honey", "cottage", _HONEY,
        "Scottish Heather Honey", "苏格兰石楠花蜂蜜",
        "Raw heather honey from Highland moors.",
        "苏格兰高地石楠花生蜂蜜。",
        moq=24, price="7.50",
    ),
    Listing(
        "manuka-honey", "cottage", _HONEY,
        "Manuka Honey MGO 250+", "",
        "Manuka honey from New Zealand, jarred in Somerset.",
        origin="NZ", moq=12, price="19.00",
    ),
    Listing(
        "wildflower-honey", "cottage", _HONEY,
        "Wildflower Honey, Set", "",
        "Set wildflower honey from English meadows.",
        moq=24, price="4.80",
    ),
    Listing(
        "lemon-curd", "cottage", _JAM,
        "Lemon Curd", "柠檬酱",
        "Lemon curd with free range eggs.",
        "使用散养鸡蛋制作的柠檬酱。",
        moq=24, price="2.30",
    ),
    # --- Cotswold Botanicals: skincare -------------------------------------------------------
    Listing(
        "face-cream-rose", "cotswold", _FACE,
        "Rose Moisturising Face Cream, 50ml", "玫瑰保湿面霜 50毫升",
        "A rich moisturiser with rosehip oil for dry skin.",
        "含玫瑰果油的滋润保湿霜，适合干性肌肤。",
        certifications=("vegan", "cruelty_free"),
        moq=24, price="8.50", sample=True,
    ),
    Listing(
        "vitamin-c-serum", "cotswold", _FACE,
        "Vitamin C Serum, 30ml", "维生素C精华液 30毫升",
        "Brightening vitamin C face serum.",
        "提亮肤色的维生素C面部精华液。",
        certifications=("cruelty_free",),
        moq=24, price="9.90",
    ),
    Listing(
        "hyaluronic-serum", "cotswold", _FACE,
        "Hyaluronic Acid Serum", "",
        "Hydrating hyaluronic acid serum for all skin types.",
        moq=24, price="8.90",
    ),
    Listing(
        "retinol-night-cream", "cotswold", _FACE,
        "Retinol Night Cream", "",
        "Overnight face cream with encapsulated retinol.",
        moq=24, price="11.50",
    ),
    Listing(
        "foaming-cleanser", "cotswold", _FACE,
        "Foaming Cleanser", "泡沫洁面乳",
        "Gentle foaming face wash with green tea extract.",
        "含绿茶提取物的温和泡沫洁面乳。",
        moq=24, price="5.60",
    ),
    Listing(
        "hand-cream-lavender", "cotswold", _BODY,
        "Lavender Hand Cream, 75ml", "",
        "Nourishing hand cream with Cotswold lavender.",
        moq=48, price="3.90",
    ),
    Listing(
        "lip-balm", "cotswold", _FACE,
        "Beeswax Lip Balm", "蜂蜡润唇膏",
        "Lip balm with British beeswax.",
        "英国蜂蜡润唇膏。",
        moq=96, price="1.50",
    ),
    Listing(
        "sun-cream-spf50", "cotswold", _SUN,
        "Sun Cream SPF50, 200ml", "防晒霜 SPF50 200毫升",
        "Broad spectrum SPF50 sun cream, water resistant.",
        "广谱SPF50防晒霜，防水。",
        moq=24, price="7.20",
    ),
    Listing(
        "body-lotion", "cotswold", _BODY,
        "Oat Body Lotion", "",
        "Soothing oat body lotion, 250ml.",
        moq=24, price="5.20",
    ),
    Listing(
        "rose-shampoo", "cotswold", "beauty-personal-care/hair-care",
        "Rosemary Shampoo", "迷迭香洗发水",
        "Sulphate free shampoo with rosemary.",
        "无硫酸盐迷迭香洗发水。",
        moq=24, price="4.60",
    ),
    Listing(
        "beard-oil", "cotswold", "beauty-personal-care/mens-grooming",
        "Cedarwood Beard Oil", "",
        "Beard oil with cedarwood and argan.",
        moq=24, price="6.00",
    ),
    # --- Little Acorn: infant formula and baby food -------------------------------------------
    Listing(
        "first-infant-milk", "acorn", _STAGE1,
        "First Infant Milk, Stage 1, 800g", "一段婴儿配方奶粉 800克",
        "Infant formula from birth, made with British milk.",
        "适合0-6月龄的婴儿配方奶粉，英国奶源。",
        {"stage": "1"},
        moq=24, price="11.00", sample=True,
    ),
    Listing(
        "follow-on-milk", "acorn", _STAGE2,
        "Follow-on Milk, Stage 2, 800g", "二段较大婴儿配方奶粉 800克",
        "Follow-on formula from six months.",
        "适合6月龄以上的较大婴儿配方奶粉。",
        {"stage": "2"},
        moq=24, price="10.50",
    ),
    Listing(
        "growing-up-milk", "acorn", _STAGE3,
        "Growing Up Milk, Stage 3, 1-3 Years", "",
        "Growing up milk formula for toddlers from one year.",
        attributes={"stage": "3"},
        moq=24, price="9.50",
    ),
    Listing(
        "goat-milk-formula", "acorn", _SPECIAL,
        "Goat Milk Infant Formula, Stage 1", "羊奶婴儿配方奶粉 一段",
        "Infant formula based on whole goat milk.",
        "以全脂羊奶为基础的婴儿配方奶粉。",
        moq=24, price="14.00",
    ),
    Listing(
        "organic-infant-formula", "acorn", _STAGE1,
        "Organic Infant Formula", "",
        "Organic first infant formula, Soil Association certified.",
        certifications=("organic",),
        moq=24, price="13.50",
    ),
    Listing(
        "baby-porridge", "acorn", "infant-nutrition/baby-cereals",
        "Baby Porridge, Oat and Apple", "婴儿燕麦苹果米糊",
        "Baby cereal from six months.",
        "适合6月龄以上的婴儿谷物米糊。",
        moq=48, price="1.80",
    ),
    Listing(
        "baby-food-pouch", "acorn", "infant-nutrition/baby-food",
        "Baby Food Pouches, Apple and Pear", "",
        "Organic fruit puree pouches for babies.",
        certifications=("organic",),
        moq=96, price="0.85",
    ),
    Listing(
        "toddler-puffs", "acorn", "infant-nutrition/baby-snacks",
        "Toddler Veggie Puffs", "幼儿蔬菜泡芙",
        "Melt in the mouth puffs for toddlers.",
        "入口即化的幼儿零食。",
        moq=96, price="0.95",
    ),
    # --- Sheffield Flow Controls: valves and fittings -----------------------------------------
    Listing(
        "ss-ball-valve-dn25", "sheffield", _NONE,
        "Stainless Steel Ball Valve, 2-Piece, DN25", "不锈钢球阀 两片式 DN25",
        "316 stainless steel ball valve, full bore, BSP threaded, PN63.",
        "316不锈钢球阀，全通径，BSP螺纹，PN63。",
        {"material": "316 stainless steel", "size": "DN25", "connection": "BSP thread"},
        certifications=("ce",),
        moq=20, price="18.00", sample=True,
    ),
    Listing(
        "ss-ball-valve-flanged", "sheffield", _NONE,
        "3-Piece Stainless Steel Ball Valve, Flanged, DN80", "",
        "Flanged three-piece ball valve in 304 stainless steel with ISO 5211 pad.",
        attributes={"material": "304 stainless steel", "size": "DN80"},
        certifications=("ce",),
        moq=4, price="140.00",
    ),
    Listing(
        "brass-ball-valve", "sheffield", _NONE,
        "Brass Ball Valve, Lever Handle, 1/2 inch", "黄铜球阀 手柄式 1/2英寸",
        "Brass ball valve with lever handle for water and gas.",
        "手柄式黄铜球阀，适用于水和燃气。",
        {"material": "brass", "size": "1/2 inch"},
        certifications=("ukca",),
        moq=50, price="3.20",
    ),
    Listing(
        "full-bore-ball-valve", "sheffield", _NONE,
        "Full Bore Ball Valve, Carbon Steel", "",
        "Full bore ball valve for oil and gas pipelines.",
        attributes={"material": "carbon steel"},
        moq=10, price="55.00",
    ),
    Listing(
        "gate-valve", "sheffield", _NONE,
        "Cast Iron Gate Valve, DN100", "铸铁闸阀 DN100",
        "Resilient seated gate valve for water mains.",
        "弹性座封闸阀，用于供水干管。",
        {"material": "cast iron"},
        moq=4, price="160.00",
    ),
    Listing(
        "butterfly-valve", "sheffield", _NONE,
        "Wafer Butterfly Valve, DN150", "对夹式蝶阀 DN150",
        "Wafer pattern butterfly valve with EPDM seat.",
        "对夹式蝶阀，EPDM阀座。",
        moq=4, price="95.00",
    ),
    Listing(
        "check-valve", "sheffield", _NONE,
        "Swing Check Valve, Bronze", "",
        "Bronze swing check valve, non-return.",
        moq=20, price="14.00",
    ),
    Listing(
        "relief-valve", "sheffield", _NONE,
        "Pressure Relief Valve", "",
        "Spring loaded pressure relief valve for boilers.",
        moq=20, price="22.00",
    ),
    Listing(
        "ss-pipe-fittings", "sheffield", _NONE,
        "Stainless Steel Pipe Fittings, Elbows and Tees", "不锈钢管件 弯头三通",
        "316 stainless steel pipe fittings.",
        "316不锈钢管件，包括弯头和三通。",
        moq=100, price="2.10",
    ),
    Listing(
        "weld-neck-flange", "sheffield", _NONE,
        "Weld Neck Flange, PN16", "",
        "Carbon steel weld neck flange to EN 1092-1.",
        moq=20, price="12.00",
    ),
    # --- Midland Pumps ---------------------------------------------------------------------------
    Listing(
        "centrifugal-pump", "midpumps", _NONE,
        "End Suction Centrifugal Pump, 4 kW", "端吸离心泵 4千瓦",
        "Cast iron centrifugal pump for water transfer.",
        "铸铁离心泵，用于输水。",
        {"power": "4 kW"},
        certifications=("ce",),
        moq=1, price="540.00",
    ),
    Listing(
        "submersible-pump", "midpumps", _NONE,
        "Submersible Drainage Pump", "",
        "Submersible pump for dirty water and drainage.",
        moq=2, price="180.00",
    ),
    Listing(
        "garden-water-pump", "midpumps", "home-garden/garden",
        "Garden Water Pump", "花园水泵",
        "Surface water pump for garden irrigation.",
        "用于花园灌溉的地面水泵。",
        moq=4, price="75.00",
    ),
    Listing(
        "diaphragm-pump", "midpumps", _NONE,
        "Air Operated Diaphragm Pump", "",
        "Double diaphragm pump for chemicals.",
        moq=1, price="690.00",
    ),
    Listing(
        "circulating-pump", "midpumps", _NONE,
        "", "热水循环泵 家用",
        description_zh="家用热水循环泵，静音节能，适用于地暖。",
        moq=6, price="88.00",
    ),
    # --- Black Country Bearings ------------------------------------------------------------------
    Listing(
        "deep-groove-6205", "blackcountry", _NONE,
        "Deep Groove Ball Bearing 6205-2RS", "深沟球轴承 6205-2RS",
        "Sealed deep groove ball bearing, 25 x 52 x 15 mm.",
        "双面密封深沟球轴承，25 x 52 x 15 毫米。",
        {"bore": "25 mm"},
                moq=100, price="1.40",
    ),
    Listing(
        "taper-roller-bearing", "blackcountry", _NONE,
        "Taper Roller Bearing 30205", "",
        "Single row taper roller bearing.",
        moq=50, price="3.80",
    ),
    Listing(
        "needle-roller-bearing", "blackcountry", _NONE,
        "Needle Roller Bearing", "滚针轴承",
        "Drawn cup needle roller bearing.",
        "冲压外圈滚针轴承。",
        moq=100, price="0.90",
    ),
    Listing(
        "pillow-block-bearing", "blackcountry", _NONE,
        "Pillow Block Bearing UCP205", "带座轴承 UCP205",
        "Cast iron pillow block bearing unit.",
        "铸铁带座轴承单元。",
        moq=20, price="6.50",
    ),
    Listing(
        "ss-ball-bearing", "blackcountry", _NONE,
        "Stainless Steel Ball Bearing 608", "",
        "Stainless steel ball bearing for food machinery.",
        moq=200, price="0.80",
    ),
    Listing(
        "roller-chain", "blackcountry", _NONE,
        "Roller Chain, 08B, 5 m", "滚子链 08B 5米",
        "Simplex roller chain to BS 228.",
        "符合BS 228的单排滚子链。",
        moq=10, price="16.00",
    ),
    Listing(
        "v-belt", "blackcountry", _NONE,
        "Classical V-Belt, A Section", "",
        "Wrapped V-belt for power transmission.",
        moq=50, price="2.40",
    ),
    Listing(
        "ss-hex-bolts", "blackcountry", _NONE,
        "Stainless Steel Hex Bolts, M10", "不锈钢六角螺栓 M10",
        "A2 stainless steel hex bolts.",
        "A2不锈钢六角螺栓。",
        moq=500, price="0.12",
    ),
    # --- Stoke Potteries -------------------------------------------------------------------------
    Listing(
        "bone-china-mug", "stoke", _TABLEWARE,
        "Fine Bone China Mug, Floral", "精细骨瓷马克杯 花卉",
        "Fine bone china mug decorated in Stoke-on-Trent, dishwasher safe.",
        "斯托克城装饰的精细骨瓷马克杯，可用洗碗机。",
                moq=36, price="4.50", sample=True,
    ),
    Listing(
        "bone-china-teapot", "stoke", _TABLEWARE,
        "Bone China Teapot, Six Cup", "骨瓷茶壶 六杯量",
        "Six cup teapot in fine bone china.",
        "精细骨瓷茶壶，六杯容量。",
        moq=12, price="16.00",
    ),
    Listing(
        "stoneware-mug", "stoke", _TABLEWARE,
        "Stoneware Mug, Reactive Glaze", "",
        "Hand-glazed stoneware mug.",
        moq=36, price="3.80",
    ),
    Listing(
        "stoneware-teapot", "stoke", _TABLEWARE,
        "Stoneware Teapot, Brown Betty", "",
        "The classic Brown Betty teapot in red clay stoneware.",
        moq=12, price="11.00",
    ),
    Listing(
        "porcelain-plates", "stoke", _TABLEWARE,
        "Porcelain Dinner Plates, Set of 4", "瓷餐盘 4件套",
        "White porcelain dinner plates.",
        "白色瓷质餐盘。",
        moq=12, price="14.00",
    ),
    Listing(
        "ceramic-vase", "stoke", "home-garden/home-decor",
        "Ceramic Vase, Celadon", "青瓷陶瓷花瓶",
        "Hand-thrown ceramic vase.",
        "手工拉坯陶瓷花瓶。",
        moq=6, price="18.00",
    ),
    Listing(
        "bone-china-tea-set", "stoke", _TABLEWARE,
        "Bone China Tea Set for Two", "",
        "Teapot, two cups and saucers in bone china.",
        moq=6, price="38.00",
    ),
    Listing(
        "ceramic-plant-pot", "stoke", "home-garden/garden/plant-pots",
        "Glazed Ceramic Plant Pot", "釉面陶瓷花盆",
        "Frost resistant glazed ceramic planter.",
        "耐霜冻釉面陶瓷花盆。",
        moq=12, price="7.00",
    ),
    Listing(
        "enamel-mug", "stoke", "sports-outdoor/camping-hiking",
        "Enamel Camping Mug", "",
        "Enamel mug for camping.",
        moq=48, price="2.60",
    ),
    # --- Kingdom Toys ----------------------------------------------------------------------------
    Listing(
        "teddy-bear-classic", "kingdomtoys", _SOFT_TOYS,
        "Classic Jointed Teddy Bear", "经典关节泰迪熊",
        "Mohair teddy bear with jointed limbs, 30 cm.",
        "马海毛关节泰迪熊，30厘米。",
        certifications=("ce", "ukca"),
        moq=12, price="14.00", sample=True,
    ),
    Listing(
        "plush-bunny", "kingdomtoys", _SOFT_TOYS,
        "Plush Bunny Soft Toy", "",
        "Soft toy bunny, machine washable.",
        certifications=("ce",),
        moq=24, price="5.50",
    ),
    Listing(
        "wooden-train-set", "kingdomtoys", _TOYS,
        "Wooden Train Set, 40 Pieces", "木制火车套装 40件",
        "Wooden toy train set with track.",
        "带轨道的木制玩具火车套装。",
        certifications=("ce", "fsc"),
        moq=6, price="24.00",
    ),
    Listing(
        "building-blocks", "kingdomtoys", _BLOCKS,
        "Wooden Building Blocks, 100 Pieces", "木制积木 100块",
        "Building blocks in beech wood.",
        "榉木积木。",
        certifications=("ce",),
        moq=12, price="12.00",
    ),
    Listing(
        "jigsaw-1000", "kingdomtoys", _PUZZLES,
        "Jigsaw Puzzle, 1000 Pieces, London", "",
        "1000 piece jigsaw of London landmarks.",
        moq=12, price="6.50",
    ),
    Listing(
        "board-game-castles", "kingdomtoys", _PUZZLES,
        "Castles of Britain Board Game", "英国城堡桌游",
        "A family board game for 2-6 players.",
        "2-6人家庭桌游。",
        moq=12, price="11.00",
    ),
    Listing(
        "dolls-house", "kingdomtoys", _TOYS,
        "Georgian Dolls House", "",
        "Wooden dolls house with furniture.",
        moq=2, price="85.00",
    ),
    Listing(
        "baby-rattle", "kingdomtoys", "toys-baby/nursery",
        "Wooden Baby Rattle", "木制婴儿摇铃",
        "Beech rattle for babies from birth.",
        "榉木婴儿摇铃。",
        moq=24, price="3.50",
    ),
    Listing(
        "stunt-kite", "kingdomtoys", _TOYS,
        "Stunt Kite", "",
        "Dual line stunt kite.",
        moq=12, price="9.00",
    ),
    # --- Albion Cycles ----------------------------------------------------------------------------
    Listing(
        "folding-bicycle", "albion", _CYCLING,
        "Folding Bicycle, 16 inch, 6 Speed", "折叠自行车 16寸 6速",
        "Hand-built folding bike for the city commute.",
        "手工打造的城市通勤折叠自行车。",
        moq=2, price="720.00", sample=True,
    ),
    Listing(
        "road-bike", "albion", _CYCLING,
        "Steel Road Bike", "",
        "Reynolds 531 steel road bicycle.",
        moq=2, price="890.00",
    ),
    Listing(
        "mountain-bike", "albion", _CYCLING,
        "Hardtail Mountain Bike", "硬尾山地自行车",
        "Aluminium hardtail mountain bicycle, 29 inch wheels.",
        "铝合金硬尾山地自行车，29寸轮。",
        moq=2, price="640.00",
    ),
    Listing(
        "kids-bike", "albion", _CYCLING,
        "Kids Bike, 20 inch", "儿童自行车 20寸",
        "Lightweight children's bicycle.",
        "轻量儿童自行车。",
        moq=4, price="210.00",
    ),
    Listing(
        "electric-bike", "albion", _CYCLING,
        "Electric Bicycle, Step Through", "",
        "E-bike with 250 W hub motor.",
        moq=2, price="1150.00",
    ),
    Listing(
        "cycling-helmet", "albion", _CYCLING,
        "Cycling Helmet", "骑行头盔",
        "Road cycling helmet, CE EN 1078.",
        "公路骑行头盔，符合EN 1078。",
        certifications=("ce",),
        moq=12, price="26.00",
    ),
    Listing(
        "bike-lights", "albion", _CYCLING,
        "USB Bike Lights Set", "",
        "Rechargeable front and rear bicycle lights.",
        moq=24, price="8.00",
    ),
    Listing(
        "bike-saddle", "albion", _CYCLING,
        "Leather Bicycle Saddle", "真皮自行车座垫",
        "Leather saddle on steel rails.",
        "钢轨真皮座垫。",
        moq=12, price="45.00",
    ),
    Listing(
        "cycling-gloves", "albion", _CYCLING,
        "Cycling Gloves, Fingerless", "",
        "Padded fingerless cycling gloves.",
        moq=24, price="7.50",
    ),
    # --- Northampton Shoemakers ----------------------------------------------------------------
    Listing(
        "oxford-brogues", "northampton", "footwear/leather-shoes",
        "Oxford Brogues, Tan Leather", "牛津布洛克鞋 棕褐色皮革",
        "Goodyear welted leather brogues made in Northampton.",
        "北安普顿制造的固特异工艺皮鞋。",
        moq=6, price="120.00",
    ),
    Listing(
        "chelsea-boots", "northampton", "footwear/boots",
        "Suede Chelsea Boots", "",
        "Suede Chelsea boots with elastic sides.",
        moq=6, price="110.00",
    ),
    Listing(
        "wellington-boots", "northampton", "footwear/wellington-boots",
        "Wellington Boots, Green", "绿色雨靴",
        "Natural rubber wellington boots.",
        "天然橡胶雨靴。",
        moq=12, price="28.00",
    ),
    Listing(
        "sheepskin-slippers", "northampton", "footwear/slippers",
        "Sheepskin Slippers", "羊皮拖鞋",
        "Genuine sheepskin slippers.",
        "真羊皮拖鞋。",
        moq=12, price="32.00",
    ),
    # --- Lakeland Candle Co ----------------------------------------------------------------------
    Listing(
        "soy-candle-lavender", "lakeland", "home-garden/candles-home-fragrance",
        "Lavender Soy Candle", "薰衣草大豆蜡烛",
        "Hand-poured soy wax scented candle.",
        "手工浇筑的大豆蜡香薰蜡烛。",
        moq=24, price="6.00",
    ),
    Listing(
        "pillar-candle", "lakeland", "home-garden/candles-home-fragrance",
        "Unscented Pillar Candle", "",
        "Church pillar candle, 15 cm.",
        moq=48, price="2.50",
    ),
    Listing(
        "reed-diffuser", "lakeland", "home-garden/candles-home-fragrance",
        "Reed Diffuser, Fig", "无花果藤条香薰",
        "Reed diffuser with fig fragrance.",
        "无花果香味藤条香薰。",
        moq=24, price="7.00",
    ),
    # --- Hound & Co: pet care ---------------------------------------------------------------------
    Listing(
        "dry-dog-food", "hound", "pet-care/pet-food/dog-food",
        "Grain Free Dry Dog Food, 12kg", "无谷干狗粮 12公斤",
        "Grain free dog food with British lamb.",
        "英国羊肉无谷狗粮。",
        moq=10, price="24.00",
    ),
    Listing(
        "wet-cat-food", "hound", "pet-care/pet-food/cat-food",
        "Wet Cat Food, Salmon", "",
        "Salmon wet cat food pouches.",
        moq=48, price="0.60",
    ),
    Listing(
        "tweed-dog-collar", "hound", "pet-care/collars-leads",
        "Tweed Dog Collar", "粗花呢狗项圈",
        "Dog collar in Harris Tweed with brass buckle.",
        "哈里斯粗花呢狗项圈，黄铜扣。",
        moq=24, price="9.00",
    ),
    Listing(
        "dog-bed", "hound", "pet-care/pet-beds-bowls",
        "Waxed Cotton Dog Bed", "",
        "Waterproof waxed cotton dog bed.",
        moq=6, price="38.00",
    ),
    # --- Vitality Health: supplements --------------------------------------------------------
    Listing(
        "fish-oil-omega3", "vitality", "health-supplements/fish-oil-omega",
        "Omega-3 Fish Oil, 1000mg, 90 Capsules", "欧米伽3鱼油 1000毫克 90粒",
        "High strength omega-3 fish oil capsules.",
        "高含量欧米伽3鱼油胶囊。",
        moq=48, price="4.80",
    ),
    Listing(
        "vitamin-d3", "vitality", "health-supplements/vitamins-minerals",
        "Vitamin D3 1000 IU Tablets", "",
        "Vitamin D3 tablets, one a day.",
        moq=48, price="2.40",
    ),
    Listing(
        "probiotic-capsules", "vitality", "health-supplements/probiotics",
        "Probiotic Capsules, 20 Billion", "益生菌胶囊",
        "Multi-strain probiotic.",
        "多菌株益生菌胶囊。",
        moq=48, price="6.90",
    ),
    Listing(
        "collagen-powder", "vitality", "health-supplements/collagen-beauty",
        "Marine Collagen Powder", "",
        "Marine collagen peptides, unflavoured.",
        moq=24, price="12.00",
    ),
    # --- Circuit Works: electronics accessories ------------------------------------------------
    Listing(
        "usb-c-charger", "gadget", "electronics-accessories/chargers-power",
        "65W USB-C Charger, UK Plug", "65瓦USB-C充电器 英标插头",
        "GaN USB-C charger with UK plug.",
        "氮化镓USB-C充电器，英标插头。",
        certifications=("ukca", "ce"),
        moq=50, price="11.00",
    ),
    Listing(
        "leather-phone-case", "gadget", "electronics-accessories/phone-cases",
        "Leather Phone Case", "",
        "Full grain leather phone case.",
        moq=50, price="9.00",
    ),
)
# fmt: on
