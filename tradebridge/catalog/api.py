"""Catalog endpoints: a supplier's own products (write) and the category tree (read)."""

from __future__ import annotations

from ninja import File, Form, Router, Status, UploadedFile

from tradebridge.catalog import selectors, services, uploads
from tradebridge.catalog.forms import MAX_UPLOAD_BYTES
from tradebridge.catalog.models import Category
from tradebridge.catalog.schemas import (
    CategoryOut,
    JobOut,
    ProductDetailOut,
    ProductIn,
    ProductOut,
    StockIn,
    TiersIn,
    VariantIn,
    VariantOut,
)
from tradebridge.core.errors import DomainError, NotFound
from tradebridge.core.models import Job
from tradebridge.core.queries import page_of

router = Router(tags=["catalog"])


def _detail(product):
    product = selectors.product_for_edit(product)
    data = ProductOut.from_orm(product).model_dump()
    data["variants"] = list(product.variants.all())
    data["tiers"] = [t for t in product.tiers.all() if t.variant_id is None]
    return data


@router.get("/catalog/products", response=list[ProductOut])
def list_products(request, q: str = "", status: str = "", limit: int = 50, offset: int = 0):
    membership = services.require_supplier(request.membership)
    return page_of(selectors.own_products(membership, query=q, status=status), limit=limit, offset=offset, most=200)


@router.post("/catalog/products", response={201: ProductDetailOut})
def create_product(request, payload: ProductIn):
    product = services.create_product(membership=request.membership, data=payload.dict(exclude_none=True))
    return Status(201, _detail(product))


@router.get("/catalog/products/{product_id}", response=ProductDetailOut)
def get_product(request, product_id: int):
    membership = services.require_supplier(request.membership)
    return _detail(services.own_product(membership, product_id))


@router.patch("/catalog/products/{product_id}", response=ProductDetailOut)
def update_product(request, product_id: int, payload: ProductIn):
    product = services.update_product(
        membership=request.membership, product_id=product_id, data=payload.dict(exclude_unset=True)
    )
    return _detail(product)


@router.put("/catalog/products/{product_id}/tiers", response=ProductDetailOut)
def put_tiers(request, product_id: int, payload: TiersIn):
    product = services.set_tiers(
        membership=request.membership,
        product_id=product_id,
        tiers=[(t.min_quantity, t.unit_price) for t in payload.tiers],
        moq=payload.moq,
        order_multiple=payload.order_multiple,
    )
    return _detail(product)


@router.post("/catalog/products/{product_id}/variants", response={201: VariantOut})
def add_variant(request, product_id: int, payload: VariantIn):
    return Status(201, services.add_variant(membership=request.membership, product_id=product_id, **payload.dict()))


@router.put("/catalog/variants/{variant_id}/stock", response=VariantOut)
def set_stock(request, variant_id: int, payload: StockIn):
    return services.set_stock(membership=request.membership, variant_id=variant_id, stock_on_hand=payload.stock_on_hand)


@router.post("/catalog/products/{product_id}/publish", response=ProductDetailOut)
def publish(request, product_id: int):
    return _detail(services.set_published(membership=request.membership, product_id=product_id, published=True))


@router.post("/catalog/products/{product_id}/unpublish", response=ProductDetailOut)
def unpublish(request, product_id: int):
    return _detail(services.set_published(membership=request.membership, product_id=product_id, published=False))


@router.post("/catalog/imports", response={202: JobOut})
def start_import(request, file: File[UploadedFile], dry_run: Form[bool] = True):
    """Upload a catalog file; the import runs in the background. Poll GET /jobs/{id}."""
    if file.size > MAX_UPLOAD_BYTES:
        raise DomainError("file_too_large", "The file is larger than 50 MB.", "file")
    return Status(202, uploads.start_import(membership=request.membership, upload=file, dry_run=dry_run))


@router.get("/jobs/{job_id}", response=JobOut)
def get_job(request, job_id: int):
    membership = services.require_supplier(request.membership)
    job = Job.objects.filter(pk=job_id, company_id=membership.company_id).first()
    if job is None:
        raise NotFound("not_found", "No such job.")
    return job


@router.get("/categories", response=list[CategoryOut], auth=None)
def categories(request, under: str = ""):
    rows = Category.objects.all()
    if under:
        rows = rows.filter(path__startswith=under.strip("/"))
    else:
        rows = rows.exclude(path__startswith="google")
    return list(rows[:5000])
