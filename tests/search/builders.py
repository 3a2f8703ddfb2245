"""A small bilingual catalog for the search tests: varied enough that every filter and facet
has something to tell apart."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from decimal import Decimal

from django.utils import timezone

from tests import factories
from tradebridge.catalog.models import Category, PriceTier, Product, Variant
from tradebridge.search.services import rebuild_index


@dataclass(frozen=True)
class Spec:
    handle: str
    title_en: str = ""
    title_zh: str = ""
    description_en: str = ""
    category: str | None = None
    origin: str = "GB"
    certifications: tuple[str, ...] = ()
    moq: int = 10
    lead_time_days: int | None = 14
    sample: bool = False
    price: str = "5.00"
    currency: str = "GBP"
    supplier: int = 0
    attributes: dict = field(default_factory=dict)


SPECS = (
    Spec(
        "ball-valve",
        "Stainless Steel Ball Valve DN50",
        "不锈钢球阀 DN50",
        "Full bore valve for water.",
        "industrial/valves",
        "GB",
        ("ce", "ukca"),
        50,
        30,
        True,
        "12.50",
        supplier=0,
    ),
    Spec(
        "gate-valve",
        "Brass Gate Valve",
        "黄铜闸阀",
        "A brass valve.",
        "industrial/valves",
        "DE",
        ("ce",),
        20,
        45,
        False,
        "8.00",
        "EUR",
        supplier=1,
    ),
    Spec(
        "wool-scarf",
        "Lambswool Scarf",
        "羊毛围巾",
        "<p>Soft <b>scarves</b> from Scotland.</p>",
        "apparel/scarves",
        "GB",
        ("gots",),
        12,
        10,
        True,
        "9.00",
        supplier=0,
    ),
    Spec(
        "cashmere-scarves",
        "Cashmere Scarves, tartan",
        "",
        "Woven in the Borders.",
        "apparel/scarves",
        "GB",
        ("gots", "fairtrade"),
        6,
        20,
        False,
        "25.00",
        supplier=2,
    ),
    Spec(
        "green-tea",
        "Organic Green Tea",
        "有机绿茶",
        "Loose leaf tea.",
        "food/tea",
        "CN",
        ("organic",),
        100,
        7,
        True,
        "2.10",
        supplier=1,
    ),
    Spec(
        "breakfast-tea",
        "English Breakfast Tea",
        "英式早餐茶",
        "Black tea blend.",
        "food/tea",
        "GB",
        ("organic", "fairtrade"),
        200,
        None,
        False,
        "1.20",
        supplier=2,
    ),
    Spec(
        "whisky",
        "Single Malt Scotch Whisky 70cl",
        "单一麦芽苏格兰威士忌",
        "Aged 12 years.",
        "food",
        "GB",
        (),
        24,
        21,
        True,
        "30.00",
        supplier=0,
    ),
    Spec(
        "teapot",
        "Bone China Teapot",
        "骨瓷茶壶",
        "Fine bone china.",
        None,
        "GB",
        ("ukca",),
        4,
        60,
        False,
        "40.00",
        supplier=1,
        attributes={"colour": "white", "material": "porcelain"},
    ),
)
TAP_KEY = Spec(
    "tap-key", "Brass Tap Key", "", "Opens a gate valve or a stopcock.", None, "GB", (), 1, 5, True, "3.00", supplier=1
)
DRAFT = Spec("draft-valve", "Secret Ball Valve Prototype", "秘密球阀", supplier=0)
TREE = (
    ("industrial", "Industrial", "工业"),
    ("industrial/valves", "Valves", "阀门"),
    ("apparel", "Apparel", "服装"),
    ("apparel/scarves", "Scarves", "围巾"),
    ("food", "Food and drink", "食品饮料"),
    ("food/tea", "Tea", "茶"),
)


def categories() -> dict[str, Category]:
    made: dict[str, Category] = {}
    for position, (path, en, zh) in enumerate(TREE):
        parent = made.get(path.rpartition("/")[0])
        made[path] = Category.objects.create(
            parent=parent,
            slug=path.rpartition("/")[2],
            path=path,
            depth=path.count("/"),
            name_en=en,
            name_zh=zh,
            position=position,
        )
    return made


def suppliers():
    return [
        factories.company(
            kind="supplier",
            name="Highland Valves Ltd",
            region="Glasgow",
            sector="other",
            verification_status="verified",
        ),
        factories.company(kind="supplier", name="Tea & Brass Co", region="Bristol", sector="food_drink"),
        factories.company(
            kind="supplier",
            name="Borders Textiles",
            name_zh="博德纺织",
            region="Hawick",
            sector="fashion",
            verification_status="verified",
        ),
    ]


def product(spec: Spec, supplier, tree: dict[str, Category], *, published_at=None, status="published") -> Product:
    item = Product.objects.create(
        supplier=supplier,
        handle=spec.handle,
        status=status,
        title_en=spec.title_en,
        title_zh=spec.title_zh,
        description_en=spec.description_en,
        category=tree.get(spec.category) if spec.category else None,
        origin_country=spec.origin,
        certifications=list(spec.certifications),
        attributes=spec.attributes,
        currency=spec.currency,
        moq=spec.moq,
        lead_time_days=spec.lead_time_days,
        sample_available=spec.sample,
        published_at=published_at if status == "published" else None,
    )
    Variant.objects.create(product=item, supplier=supplier, sku=f"{spec.handle}-1")
    price = Decimal(spec.price)
    PriceTier.objects.create(product=item, min_quantity=1, unit_price=price)
    PriceTier.objects.create(product=item, min_quantity=spec.moq * 10, unit_price=price * Decimal("0.8"))
    return item


def catalog() -> dict[str, Product]:
    """The SPECS as published products (and one draft), indexed."""
    tree = categories()
    companies = suppliers()
    start = timezone.now() - dt.timedelta(days=30)
    made = {
        spec.handle: product(spec, companies[spec.supplier], tree, published_at=start + dt.timedelta(days=i))
        for i, spec in enumerate((*SPECS, TAP_KEY))
    }
    made[DRAFT.handle] = product(DRAFT, companies[0], tree, status="draft")
    rebuild_index()
    return made
