"""Demo products for the demo suppliers, as import records, so they land through the real
import path (validation, machine translation, category guess)."""

from __future__ import annotations

from decimal import Decimal as D

from tradebridge.catalog.importers.records import ImportedProduct, ImportedTier, ImportedVariant


def _tiers(*pairs) -> list[ImportedTier]:
    return [ImportedTier(q, D(p)) for q, p in pairs]


def _product(
    handle,
    title,
    description,
    *,
    category,
    hs,
    moq,
    multiple,
    lead,
    tiers,
    variants,
    certs=(),
    sample=None,
    carton=None,
    grams="500",
    dims=("20", "15", "10"),
    attributes=None,
) -> ImportedProduct:
    return ImportedProduct(
        handle=handle,
        title=title,
        description_html=f"<p>{description}</p>",
        category_hint=category,
        hs_code=hs,
        origin_country="GB",
        certifications=list(certs),
        published=True,
        currency="GBP",
        moq=moq,
        order_multiple=multiple,
        lead_time_days=lead,
        tiers=_tiers(*tiers),
        sample_available=sample is not None,
        sample_price=D(sample) if sample else None,
        units_per_carton=carton,
        attributes=attributes or {},
        variants=[
            ImportedVariant(
                sku=sku,
                options=options,
                stock_on_hand=stock,
                weight_g=D(grams),
                length_cm=D(dims[0]),
                width_cm=D(dims[1]),
                height_cm=D(dims[2]),
            )
            for sku, options, stock in variants
        ],
    )


CATALOGS: dict[str, list[ImportedProduct]] = {
    "Highland Shortbread Company": [
        _product(
            "all-butter-shortbread-fingers-150g",
            "All Butter Shortbread Fingers 150g",
            "Traditional Scottish shortbread fingers baked with butter, in a gift box.",
            category="Biscuits",
            hs="190531",
            moq=240,
            multiple=24,
            lead=14,
            tiers=((240, "1.35"), (1200, "1.22"), (4800, "1.10")),
            sample="4.00",
            carton=24,
            grams="175",
            variants=[("HSC-FING-150", {}, 9600)],
        ),
        _product(
            "shortbread-tin-tartan-400g",
            "Shortbread Tin Tartan 400g",
            "Assorted shortbread rounds and petticoat tails in a tartan gift tin.",
            category="Biscuits",
            hs="190531",
            moq=120,
            multiple=12,
            lead=21,
            tiers=((120, "4.60"), (600, "4.25")),
            carton=12,
            grams="560",
            variants=[("HSC-TIN-400", {}, 2400)],
        ),
    ],
    "Speyside Malt Distillers": [
        _product(
            "single-malt-scotch-whisky-12-year-old-70cl",
            "Single Malt Scotch Whisky 12 Year Old 70cl",
            "Aged twelve years in oak casks on the River Spey.",
            category="Whisky",
            hs="220830",
            moq=60,
            multiple=6,
            lead=30,
            tiers=((60, "21.00"), (600, "18.90")),
            carton=6,
            grams="1450",
            dims=("10", "10", "32"),
            attributes={"litres_per_unit": "0.7"},
            variants=[("SMD-12-70", {}, 1800)],
        ),
    ],
    "Cotswold Wool Mill": [
        _product(
            "lambswool-scarf",
            "Lambswool Scarf",
            "Soft lambswool scarf woven in the Cotswolds.",
            category="Scarves",
            hs="611710",
            moq=50,
            multiple=10,
            lead=28,
            tiers=((50, "9.80"), (500, "8.40")),
            sample="12.00",
            grams="220",
            variants=[("CWM-SCARF-NAVY", {"Colour": "Navy"}, 800), ("CWM-SCARF-BURG", {"Colour": "Burgundy"}, 650)],
        ),
    ],
    "Northampton Bootmakers": [
        _product(
            "leather-chelsea-boots",
            "Leather Chelsea Boots",
            "Goodyear welted leather Chelsea boots.",
            category="Chelsea boots",
            hs="640399",
            moq=24,
            multiple=6,
            lead=45,
            tiers=((24, "68.00"), (120, "61.00")),
            grams="1650",
            variants=[("NB-CHEL-8", {"Size": "UK 8"}, 60), ("NB-CHEL-9", {"Size": "UK 9"}, 72)],
        ),
    ],
    "Bath Botanicals": [
        _product(
            "rose-face-cream-50ml",
            "Rose Face Cream 50ml",
            "Moisturising face cream with British rose oil.",
            category="Face cream",
            hs="330499",
            moq=100,
            multiple=10,
            lead=21,
            tiers=((100, "6.20"), (1000, "5.40")),
            certs=("cruelty_free", "vegan"),
            grams="120",
            attributes={"content_ml_per_unit": "50"},
            variants=[("BB-ROSE-50", {}, 3000)],
        ),
    ],
    "Lakeland Home & Garden": [
        _product(
            "enamel-mug-cream",
            "Enamel Mug Cream",
            "Classic enamel mug for camping and kitchens.",
            category="Mugs",
            hs="732393",
            moq=144,
            multiple=24,
            lead=20,
            tiers=((144, "2.10"), (1440, "1.85"), (14400, "1.60")),
            grams="260",
            variants=[("LHG-MUG-CRM", {}, 5000)],
        ),
    ],
    "Peak Trail Outdoor": [
        _product(
            "waterproof-jacket",
            "Waterproof Jacket",
            "Breathable waterproof jacket for hill walking.",
            category="Waterproof jackets",
            hs="620193",
            moq=20,
            multiple=5,
            lead=40,
            tiers=((20, "38.00"), (200, "33.50")),
            grams="700",
            variants=[("PTO-JKT-M", {"Size": "M"}, 120), ("PTO-JKT-L", {"Size": "L"}, 90)],
        ),
    ],
    "Devon Dairy Nutrition": [
        _product(
            "infant-formula-stage-1-800g",
            "Infant Formula Stage 1 800g",
            "First infant milk from grass-fed Devon herds.",
            category="Infant formula",
            hs="190110",
            moq=480,
            multiple=12,
            lead=35,
            tiers=((480, "11.20"), (4800, "10.10")),
            grams="1000",
            variants=[("DDN-S1-800", {}, 12000)],
        ),
    ],
}
