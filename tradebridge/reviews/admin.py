from django.contrib import admin

from tradebridge.reviews.models import Review


@admin.register(Review)
class ReviewAdmin(admin.ModelAdmin):
    list_display = ("order", "supplier", "buyer", "product_quality", "communication", "shipping", "created_at")
    list_filter = ("created_at",)
    search_fields = ("supplier__name", "buyer__name")
    readonly_fields = [f.name for f in Review._meta.fields]

    def has_add_permission(self, request):
        return False
