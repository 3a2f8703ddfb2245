"""Reviews: the buyer company's scores for the supplier of one completed order."""

from __future__ import annotations

from decimal import Decimal

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from tradebridge.reviews.domain import DIMENSIONS, rating_from

SCORE = Q(product_quality__range=(1, 5)) & Q(communication__range=(1, 5)) & Q(shipping__range=(1, 5))


class Review(models.Model):
    order = models.OneToOneField("orders.Order", on_delete=models.PROTECT, related_name="review")
    buyer = models.ForeignKey("companies.Company", on_delete=models.PROTECT, related_name="reviews_given")
    supplier = models.ForeignKey("companies.Company", on_delete=models.PROTECT, related_name="reviews_received")
    product_quality = models.PositiveSmallIntegerField(_("product quality"))
    communication = models.PositiveSmallIntegerField(_("communication"))
    shipping = models.PositiveSmallIntegerField(_("shipping"))
    comment = models.TextField(_("comment"), blank=True)
    author = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+")
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["-created_at", "-id"]
        constraints = [models.CheckConstraint(condition=SCORE, name="review_scores_1_to_5")]
        indexes = [models.Index(fields=["supplier", "created_at"])]

    def __str__(self) -> str:
        return f"Review of order {self.order_id}"

    @property
    def overall(self) -> Decimal:
        return rating_from(1, {name: getattr(self, name) for name in DIMENSIONS}).overall
