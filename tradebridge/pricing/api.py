"""`POST /api/v1/landed-cost`: the full cost in CNY of buying a product delivered to China."""

from __future__ import annotations

from ninja import Field, Router, Schema

from tradebridge.pricing.landed import breakdown_dict, product_landed_cost

router = Router(tags=["pricing"])


class LandedCostIn(Schema):
    product_id: int
    variant_id: int | None = None
    quantity: int = Field(..., ge=1, le=10**9)
    incoterm: str = Field("FOB", max_length=3, description="EXW, FCA, FOB, CFR, CIF, DAP or DDP")
    mode: str = Field("sea_lcl", max_length=10, description="sea_lcl, air or express")
    destination_city: str = Field("", max_length=100)


@router.post("/landed-cost", auth=None)
def landed_cost(request, payload: LandedCostIn):
    """Goods, freight, insurance, duty, consumption tax and import VAT, each in CNY with the rate
    used and who pays it under the Incoterm. `complete` is false, with `unknowns` saying what is
    missing (a rate, a tariff line, a measure), rather than a wrong total."""
    return breakdown_dict(product_landed_cost(**payload.dict()))
