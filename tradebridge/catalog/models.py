"""Catalog tables: categories, bilingual products, variants (SKUs), price tiers, images."""

from __future__ import annotations

from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from tradebridge.pricing.currencies import CURRENCY_CHOICES

# Unit prices need sub-penny precision: a wholesale unit can cost £0.0035.
UNIT_PRICE = {"max_digits": 20, "decimal_places": 6}
MEASURE = {"max_digits": 12, "decimal_places": 3}
LANGUAGE_CHOICES = [("en", _("English")), ("zh", _("Chinese"))]


class Category(models.Model):
    """A node of the bilingual category tree. `path` is the slugs from the root, so a subtree
    is one `path__startswith` query."""

    parent = models.ForeignKey("self", on_delete=models.CASCADE, null=True, blank=True, related_name="children")
    slug = models.SlugField(max_length=80)
    path = models.CharField(max_length=500, unique=True)
    depth = models.PositiveSmallIntegerField(default=0)
    name_en = models.CharField(_("English name"), max_length=200)
    name_zh = models.CharField(_("Chinese name"), max_length=200, blank=True)
    hs_headings = models.JSONField(_("typical HS headings"), default=list, blank=True)
    google_id = models.PositiveIntegerField(null=True, blank=True, unique=True)
    position = models.PositiveIntegerField(default=0)

    class Meta:
        ordering = ["path"]
        verbose_name = _("category")
        verbose_name_plural = _("categories")
        constraints = [models.UniqueConstraint(fields=["parent", "slug"], name="category_unique_slug_in_parent")]

    def __str__(self) -> str:
        return self.name_en


class Product(models.Model):
    class Status(models.TextChoices):
        DRAFT = "draft", _("Draft")
        PUBLISHED = "published", _("Published")

    supplier = models.ForeignKey("companies.Company", on_delete=models.CASCADE, related_name="products")
    handle = models.SlugField(_("handle"), max_length=200, allow_unicode=True)
    status = models.CharField(_("status"), max_length=16, choices=Status.choices, default=Status.DRAFT)
    # Each text exists in both languages; the *_source fields say which one the supplier wrote,
    # and the *_machine flags mark machine translations, which a human edit replaces for good.
    title_en = models.CharField(_("title (English)"), max_length=300, blank=True)
    title_zh = models.CharField(_("title (Chinese)"), max_length=300, blank=True)
    title_source = models.CharField(max_length=2, choices=LANGUAGE_CHOICES, default="en")
    title_en_machine = models.BooleanField(default=False)
    title_zh_machine = models.BooleanField(default=False)
    description_en = models.TextField(_("description (English)"), blank=True)
    description_zh = models.TextField(_("description (Chinese)"), blank=True)
    description_source = models.CharField(max_length=2, choices=LANGUAGE_CHOICES, default="en")
    description_en_machine = models.BooleanField(default=False)
    description_zh_machine = models.BooleanField(default=False)

    category = models.ForeignKey(Category, on_delete=models.SET_NULL, null=True, blank=True, related_name="products")
    brand = models.CharField(_("brand"), max_length=200, blank=True)
    hs_code = models.CharField(_("HS code"), max_length=10, blank=True)
    origin_country = models.CharField(_("country of origin"), max_length=2, blank=True)
    certifications = models.JSONField(_("certifications"), default=list, blank=True)
    attributes = models.JSONField(_("attributes"), default=dict, blank=True)
    tags = models.JSONField(default=list, blank=True)

    currency = models.CharField(_("currency"), max_length=3, choices=CURRENCY_CHOICES, default="GBP")
    retail_price = models.DecimalField(_("retail price"), **UNIT_PRICE, null=True, blank=True)
    # Wholesale terms; a variant may override MOQ, multiple and lead time.
    moq = models.PositiveIntegerField(_("minimum order quantity"), default=1)
    order_multiple = models.PositiveIntegerField(_("order multiple"), default=1)
    lead_time_days = models.PositiveIntegerField(_("lead time (days)"), null=True, blank=True)
    sample_available = models.BooleanField(_("sample available"), default=False)
    sample_price = models.DecimalField(_("sample price"), **UNIT_PRICE, null=True, blank=True)
    units_per_carton = models.PositiveIntegerField(_("units per carton"), null=True, blank=True)
    carton_weight_kg = models.DecimalField(_("carton weight (kg)"), **MEASURE, null=True, blank=True)
    carton_length_cm = models.DecimalField(_("carton length (cm)"), **MEASURE, null=True, blank=True)
    carton_width_cm = models.DecimalField(_("carton width (cm)"), **MEASURE, null=True, blank=True)
    carton_height_cm = models.DecimalField(_("carton height (cm)"), **MEASURE, null=True, blank=True)

    source_format = models.CharField(max_length=32, blank=True)
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)
    published_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering = ["-updated_at", "-id"]
        verbose_name = _("product")
        verbose_name_plural = _("products")
        constraints = [
            models.UniqueConstraint(fields=["supplier", "handle"], name="product_unique_handle_per_supplier"),
            models.CheckConstraint(condition=Q(moq__gte=1), name="product_moq_positive"),
            models.CheckConstraint(condition=Q(order_multiple__gte=1), name="product_multiple_positive"),
        ]
        indexes = [
            models.Index(fields=["status", "category"]),
            models.Index(fields=["supplier", "status"]),
        ]

    def __str__(self) -> str:
        return self.title_en or self.title_zh or self.handle


class Variant(models.Model):
    """A SKU. `supplier` is copied from the product so SKUs are unique per supplier in SQL."""

    product = models.ForeignKey(Product, on_delete=models.CASCADE, related_name="variants")
    supplier = models.ForeignKey("companies.Company", on_delete=models.CASCADE, related_name="+")
    sku = models.CharField(_("SKU"), max_length=100)
    options = models.JSONField(_("options"), default=dict, blank=True)
    gtin = models.CharField(_("GTIN"), max_length=14, blank=True)
    weight_g = models.DecimalField(_("weight (g)"), **MEASURE, null=True, blank=True)
    length_cm = models.DecimalField(_("length (cm)"), **MEASURE, null=True, blank=True)
    width_cm = models.DecimalField(_("width (cm)"), **MEASURE, null=True, blank=True)
    height_cm = models.DecimalField(_("height (cm)"), **MEASURE, null=True, blank=True)
    stock_on_hand = models.IntegerField(_("stock on hand"), default=0)
    moq = models.PositiveIntegerField(_("minimum order quantity"), null=True, blank=True)
    order_multiple = models.PositiveIntegerField(_("order multiple"), null=True, blank=True)
    lead_time_days = models.PositiveIntegerField(_("lead time (days)"), null=True, blank=True)
    retail_price = models.DecimalField(_("retail price"), **UNIT_PRICE, null=True, blank=True)
    position = models.PositiveIntegerField(default=0)

    class Meta:
        ordering = ["position", "id"]
        constraints = [
            models.UniqueConstraint(fields=["supplier", "sku"], name="variant_unique_sku_per_supplier"),
            models.CheckConstraint(condition=Q(stock_on_hand__gte=0), name="variant_stock_not_negative"),
        ]

    def __str__(self) -> str:
        return self.sku


class PriceTier(models.Model):
    """From `min_quantity` units up, each unit costs `unit_price` (in the product's currency).
    Tiers with a variant override the product's tiers for that variant."""

    product = models.ForeignKey(Product, on_delete=models.CASCADE, related_name="tiers")
    variant = models.ForeignKey(Variant, on_delete=models.CASCADE, null=True, blank=True, related_name="tiers")
    min_quantity = models.PositiveIntegerField()
    unit_price = models.DecimalField(**UNIT_PRICE)

    class Meta:
        ordering = ["min_quantity"]
        constraints = [
            # Two partial constraints, since NULLs are distinct in SQL unique indexes.
            models.UniqueConstraint(
                fields=["product", "min_quantity"],
                condition=Q(variant__isnull=True),
                name="tier_unique_quantity_per_product",
            ),
            models.UniqueConstraint(
                fields=["variant", "min_quantity"],
                condition=Q(variant__isnull=False),
                name="tier_unique_quantity_per_variant",
            ),
            models.CheckConstraint(condition=Q(min_quantity__gte=1), name="tier_quantity_positive"),
            models.CheckConstraint(condition=Q(unit_price__gte=0), name="tier_price_not_negative"),
        ]

    def __str__(self) -> str:
        return f"{self.min_quantity}+ @ {self.unit_price}"


class ProductImage(models.Model):
    product = models.ForeignKey(Product, on_delete=models.CASCADE, related_name="images")
    variant = models.ForeignKey(Variant, on_delete=models.SET_NULL, null=True, blank=True, related_name="images")
    source_url = models.URLField(max_length=1000, blank=True)
    file = models.ImageField(upload_to="products/%Y/%m/", blank=True)
    thumbnail = models.ImageField(upload_to="products/thumbs/%Y/%m/", blank=True)
    alt_text = models.CharField(max_length=300, blank=True)
    position = models.PositiveIntegerField(default=0)

    class Meta:
        ordering = ["position", "id"]

    def __str__(self) -> str:
        return self.source_url or self.file.name

    @property
    def display_url(self) -> str:
        if self.thumbnail:
            return self.thumbnail.url
        if self.file:
            return self.file.url
        return self.source_url
