"""Supplier catalog pages: products, editing in two languages, tiers, SKUs, images, imports."""

from __future__ import annotations

import io

from django.contrib import messages
from django.core.paginator import Paginator
from django.http import Http404, HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from tradebridge.catalog import selectors, services, uploads
from tradebridge.catalog.forms import ImageForm, ImportForm, ProductForm, TierFormSet, VariantForm
from tradebridge.catalog.importers.template import template_csv_bytes, template_xlsx_bytes
from tradebridge.catalog.reports import write_rejections_csv
from tradebridge.catalog.services import EDITOR_ROLES
from tradebridge.companies.access import company_required
from tradebridge.companies.domain import Kind
from tradebridge.core.errors import DomainError
from tradebridge.core.forms import add_domain_errors
from tradebridge.core.htmx import wants_fragment
from tradebridge.core.messages import localize
from tradebridge.core.models import Job
from tradebridge.pricing.money import plain_decimal

supplier_only = company_required(kinds=(Kind.SUPPLIER,), roles=EDITOR_ROLES)
PRODUCT_FIELDS = list(ProductForm.base_fields)


def _posted(request):
    return request.POST if request.method == "POST" else None


@supplier_only
def product_list(request):
    products = selectors.own_products(
        request.membership,
        query=request.GET.get("q", "").strip(),
        status=request.GET.get("status", ""),
        category_id=request.GET.get("category", ""),
    )
    page = Paginator(products, 50).get_page(request.GET.get("page"))
    return render(request, "catalog/product_list.html", {"page": page, "categories": selectors.category_choices()})


@supplier_only
def product_new(request):
    form = ProductForm(_posted(request), category_choices=selectors.category_choices())
    if request.method == "POST" and form.is_valid():
        try:
            product = services.create_product(membership=request.membership, data=form.cleaned_data)
        except DomainError as exc:
            add_domain_errors(form, exc)
        else:
            messages.success(request, _("Product created. Add its SKUs and price tiers, then publish it."))
            return redirect("catalog:product-edit", product.pk)
    return render(request, "catalog/product_new.html", {"form": form}, status=400 if form.errors else 200)


def _plain(value):
    """A stored price as a supplier would type it: 1.350000 -> 1.35, 0.003500 -> 0.0035."""
    return None if value is None else plain_decimal(value, min_places=2)


def _edit_context(request, product, **overrides):
    product = selectors.product_for_edit(product)
    initial = {f: getattr(product, f, None) for f in PRODUCT_FIELDS}
    for name in ("sample_price", "retail_price"):
        initial[name] = _plain(initial[name])
    tiers = [t for t in product.tiers.all() if t.variant_id is None]
    context = {
        "product": product,
        "form": ProductForm(initial=initial, category_choices=selectors.category_choices()),
        "tiers": TierFormSet(
            initial=[{"min_quantity": t.min_quantity, "unit_price": _plain(t.unit_price)} for t in tiers],
            prefix="tiers",
        ),
        "variant_form": VariantForm(),
        "image_form": ImageForm(),
        "publish_problems": [localize(e) for e in services.publish_errors(product)],
    }
    context.update(overrides)
    return context


@supplier_only
def product_edit(request, product_id: int):
    product = services.own_product(request.membership, product_id)
    if request.method != "POST":
        return render(request, "catalog/product_edit.html", _edit_context(request, product))
    form = ProductForm(request.POST, category_choices=selectors.category_choices())
    if form.is_valid():
        try:
            services.update_product(membership=request.membership, product_id=product.pk, data=form.cleaned_data)
        except DomainError as exc:
            add_domain_errors(form, exc)
        else:
            messages.success(request, _("Saved."))
            return redirect("catalog:product-edit", product.pk)
    return render(request, "catalog/product_edit.html", _edit_context(request, product, form=form), status=400)


@supplier_only
@require_POST
def product_tiers(request, product_id: int):
    product = services.own_product(request.membership, product_id)
    formset = TierFormSet(request.POST, prefix="tiers")
    if formset.is_valid():
        rows = [
            (f.cleaned_data["min_quantity"], f.cleaned_data["unit_price"])
            for f in formset.forms
            if f.cleaned_data and not f.cleaned_data.get("DELETE")
        ]
        try:
            services.set_tiers(
                membership=request.membership,
                product_id=product.pk,
                tiers=rows,
                moq=request.POST.get("moq"),
                order_multiple=request.POST.get("order_multiple"),
            )
        except DomainError as exc:
            errors = [localize(e) for e in exc.errors]
        else:
            messages.success(request, _("Price tiers saved."))
            return redirect("catalog:product-edit", product.pk)
    else:
        errors = [_("Check the quantities and prices.")]
    context = _edit_context(request, product, tiers=formset, tier_errors=errors)
    return render(request, "catalog/product_edit.html", context, status=400)


@supplier_only
@require_POST
def product_variant_add(request, product_id: int):
    product = services.own_product(request.membership, product_id)
    form = VariantForm(request.POST)
    if form.is_valid():
        data = form.cleaned_data
        options = {data["option_name"]: data["option_value"]} if data["option_name"] and data["option_value"] else {}
        try:
            services.add_variant(
                membership=request.membership,
                product_id=product.pk,
                sku=data["sku"],
                options=options,
                gtin=data["gtin"],
                stock_on_hand=data["stock_on_hand"],
            )
        except DomainError as exc:
            add_domain_errors(form, exc)
        else:
            messages.success(request, _("SKU added."))
            return redirect("catalog:product-edit", product.pk)
    return render(request, "catalog/product_edit.html", _edit_context(request, product, variant_form=form), status=400)


@supplier_only
@require_POST
def variant_stock(request, variant_id: int):
    """Inline stock edit (htmx): answers with the updated cell."""
    try:
        variant = services.set_stock(
            membership=request.membership, variant_id=variant_id, stock_on_hand=request.POST.get("stock_on_hand")
        )
    except DomainError as exc:
        if exc.status == 404:
            raise Http404 from None
        return render(
            request,
            "catalog/_stock_cell.html",
            {
                "error": localize(exc.errors[0]),
                "variant_id": variant_id,
                "value": request.POST.get("stock_on_hand", ""),
            },
            status=400,
        )
    return render(
        request,
        "catalog/_stock_cell.html",
        {"variant": variant, "variant_id": variant.pk, "value": variant.stock_on_hand, "saved": True},
    )


@supplier_only
@require_POST
def product_image(request, product_id: int):
    product = services.own_product(request.membership, product_id)
    form = ImageForm(request.POST, request.FILES)
    if form.is_valid():
        try:
            uploads.add_image(membership=request.membership, product_id=product.pk, upload=form.cleaned_data["image"])
        except DomainError as exc:
            add_domain_errors(form, exc)
        else:
            messages.success(request, _("Image added."))
            return redirect("catalog:product-edit", product.pk)
    return render(request, "catalog/product_edit.html", _edit_context(request, product, image_form=form), status=400)


@supplier_only
@require_POST
def product_publish(request, product_id: int):
    services.own_product(request.membership, product_id)  # someone else's id: 404, not a message
    publish = request.POST.get("publish") == "1"
    try:
        services.set_published(membership=request.membership, product_id=product_id, published=publish)
    except DomainError as exc:
        for error in exc.errors:
            messages.error(request, localize(error))
    else:
        messages.success(request, _("Published. Buyers can see it now.") if publish else _("Moved back to draft."))
    return redirect("catalog:product-edit", product_id)


@supplier_only
def imports(request):
    form = ImportForm(_posted(request), request.FILES or None)
    if request.method == "POST" and form.is_valid():
        try:
            job = uploads.start_import(
                membership=request.membership, upload=form.cleaned_data["file"], dry_run=form.cleaned_data["dry_run"]
            )
        except DomainError as exc:
            add_domain_errors(form, exc)
        else:
            return redirect("catalog:import-job", job.pk)
    context = {"form": form, "jobs": selectors.import_jobs(request.membership)}
    return render(request, "catalog/imports.html", context, status=400 if form.errors else 200)


def _own_job(request, job_id: int, kinds=("catalog.import", "catalog.translate")) -> Job:
    job = Job.objects.filter(pk=job_id, company_id=request.membership.company_id, kind__in=kinds).first()
    if job is None:
        raise Http404
    return job


@supplier_only
def import_job(request, job_id: int):
    job = _own_job(request, job_id)
    template = "catalog/_import_status.html" if wants_fragment(request) else "catalog/import_job.html"
    return render(request, template, {"job": job, "report": job.result})


@supplier_only
@require_POST
def import_apply(request, job_id: int):
    job = uploads.restart_import_for_real(
        membership=request.membership, job_id=_own_job(request, job_id, kinds=("catalog.import",)).pk
    )
    return redirect("catalog:import-job", job.pk)


@supplier_only
@require_POST
def translate_catalog(request):
    job = uploads.start_translation(membership=request.membership, refresh=request.POST.get("refresh") == "1")
    return redirect("catalog:import-job", job.pk)


@supplier_only
def import_report(request, job_id: int):
    job = _own_job(request, job_id)
    buffer = io.StringIO()
    write_rejections_csv(job.result, buffer)
    response = HttpResponse(buffer.getvalue().encode("utf-8-sig"), content_type="text/csv; charset=utf-8")
    response["Content-Disposition"] = f'attachment; filename="import-{job.pk}-report.csv"'
    return response


@supplier_only
def import_template(request, fmt: str):
    if fmt == "csv":
        response = HttpResponse(template_csv_bytes(), content_type="text/csv; charset=utf-8")
    elif fmt == "xlsx":
        response = HttpResponse(
            template_xlsx_bytes(), content_type="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
        )
    else:
        raise Http404
    response["Content-Disposition"] = f'attachment; filename="tradebridge-catalog-template.{fmt}"'
    return response
