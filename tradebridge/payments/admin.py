"""Operators read payments and the webhook log here (read-only: money changes only through a
gateway's signed callback). A `refused` event with a captured charge is money to send back."""

from django.contrib import admin

from tradebridge.payments.models import PaymentIntent, WebhookEvent


class ReadOnlyAdmin(admin.ModelAdmin):
    def has_add_permission(self, request) -> bool:
        return False

    def has_change_permission(self, request, obj=None) -> bool:
        return False

    def has_delete_permission(self, request, obj=None) -> bool:
        return False


@admin.register(PaymentIntent)
class PaymentIntentAdmin(ReadOnlyAdmin):
    list_display = ["public_id", "order_id", "buyer", "part", "amount", "currency", "method", "provider", "status"]
    list_filter = ["status", "method", "provider", "part"]
    search_fields = ["public_id", "provider_reference", "=order_id"]
    date_hierarchy = "created_at"


@admin.register(WebhookEvent)
class WebhookEventAdmin(ReadOnlyAdmin):
    list_display = ["received_at", "provider", "event_id", "event_type", "outcome", "error_code", "deliveries"]
    list_filter = ["outcome", "signature_valid", "provider", "error_code"]
    search_fields = ["event_id", "body_digest", "intent__public_id"]
    date_hierarchy = "received_at"
