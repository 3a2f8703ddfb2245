"""Operators can look at endpoints and deliveries when a supplier asks for help."""

from django.contrib import admin

from tradebridge.webhooks.models import Delivery, DeliveryAttempt, Endpoint


@admin.register(Endpoint)
class EndpointAdmin(admin.ModelAdmin):
    list_display = ["url", "company", "is_active", "created_at"]
    list_filter = ["is_active"]
    search_fields = ["url", "company__name"]
    exclude = ["secret"]
    readonly_fields = ["company", "created_by"]


class AttemptInline(admin.TabularInline):
    model = DeliveryAttempt
    extra = 0
    can_delete = False
    readonly_fields = ["number", "started_at", "duration_ms", "status_code", "error", "response_excerpt"]


@admin.register(Delivery)
class DeliveryAdmin(admin.ModelAdmin):
    list_display = ["event", "endpoint", "status", "attempts", "created_at"]
    list_filter = ["status", "event"]
    readonly_fields = ["endpoint", "uuid", "event", "payload", "attempts", "last_status_code", "last_error"]
    inlines = [AttemptInline]
