"""Operator admin for companies, memberships, invitations and verification history."""

from django.contrib import admin

from tradebridge.companies.models import Company, Invitation, Membership, VerificationEvent


class MembershipInline(admin.TabularInline):
    model = Membership
    extra = 0
    autocomplete_fields = ["user"]


class VerificationEventInline(admin.TabularInline):
    model = VerificationEvent
    fk_name = "company"
    extra = 0
    can_delete = False
    readonly_fields = ["at", "from_status", "to_status", "actor", "actor_company", "reason"]

    def has_add_permission(self, request, obj=None):
        # History is written by the verification service only, so it stays trustworthy.
        return False


@admin.register(Company)
class CompanyAdmin(admin.ModelAdmin):
    list_display = [
        "name",
        "name_zh",
        "kind",
        "country",
        "sector",
        "verification_status",
        "created_at",
    ]
    list_filter = ["kind", "verification_status", "country", "sector"]
    search_fields = ["name", "name_zh", "companies_house_number", "vat_number", "uscc"]
    readonly_fields = [
        "verification_status",
        "verification_decided_by",
        "verification_decided_at",
        "verification_reason",
        "created_at",
    ]
    inlines = [MembershipInline, VerificationEventInline]


@admin.register(Membership)
class MembershipAdmin(admin.ModelAdmin):
    list_display = ["user", "company", "role", "created_at"]
    list_filter = ["role", "company__kind"]
    search_fields = ["user__email", "company__name"]
    autocomplete_fields = ["user", "company"]


@admin.register(Invitation)
class InvitationAdmin(admin.ModelAdmin):
    list_display = [
        "email",
        "company",
        "role",
        "created_at",
        "expires_at",
        "accepted_at",
        "revoked_at",
    ]
    search_fields = ["email", "company__name"]
    exclude = ["digest"]
    readonly_fields = [
        "company",
        "email",
        "role",
        "invited_by",
        "expires_at",
        "accepted_at",
        "accepted_by",
    ]
