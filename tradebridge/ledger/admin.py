"""Operators set commission rules here and can read (never edit) the ledger."""

from django.contrib import admin

from tradebridge.ledger.models import CommissionRule, LedgerAccount, LedgerTransaction, Posting


@admin.register(CommissionRule)
class CommissionRuleAdmin(admin.ModelAdmin):
    list_display = ["channel", "category_prefix", "rate"]
    list_filter = ["channel"]
    search_fields = ["category_prefix"]


class ReadOnlyAdmin(admin.ModelAdmin):
    """The ledger is append-only: entries are written by services and corrected by reversals."""

    def has_add_permission(self, request, obj=None):
        return False

    def has_change_permission(self, request, obj=None):
        return False

    def has_delete_permission(self, request, obj=None):
        return False


class PostingInline(admin.TabularInline):
    model = Posting
    fields = ["account", "amount", "currency"]
    readonly_fields = fields
    extra = 0
    can_delete = False

    def has_add_permission(self, request, obj=None):
        return False


@admin.register(LedgerTransaction)
class LedgerTransactionAdmin(ReadOnlyAdmin):
    list_display = ["id", "kind", "reference", "order_id", "created_at", "reverses"]
    list_filter = ["kind"]
    search_fields = ["reference", "memo"]
    date_hierarchy = "created_at"
    inlines = [PostingInline]


@admin.register(LedgerAccount)
class LedgerAccountAdmin(ReadOnlyAdmin):
    list_display = ["kind", "company", "currency", "created_at"]
    list_filter = ["kind", "currency"]
