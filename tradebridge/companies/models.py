"""Company, Membership, Invitation and the verification history."""

from __future__ import annotations

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils.text import slugify
from django.utils.translation import gettext_lazy as _

from tradebridge.companies.domain import Kind, Role, Verification


def unique_slug(name: str, others) -> str:
    base = slugify(name)[:70] or "company"
    slug, n = base, 1
    while others.filter(slug=slug).exists():
        n += 1
        slug = f"{base}-{n}"
    return slug


KIND_CHOICES = [
    (Kind.SUPPLIER.value, _("Supplier")),
    (Kind.BUYER.value, _("Buyer")),
    (Kind.AGENCY.value, _("Programme agency")),
    (Kind.OPERATOR.value, _("Marketplace operator")),
]
ROLE_CHOICES = [
    (Role.OWNER.value, _("Owner")),
    (Role.ADMIN.value, _("Admin")),
    (Role.STAFF.value, _("Staff")),
    (Role.ADVISER.value, _("Adviser")),
]
VERIFICATION_CHOICES = [
    (Verification.UNVERIFIED.value, _("Unverified")),
    (Verification.PENDING.value, _("Pending review")),
    (Verification.VERIFIED.value, _("Verified")),
    (Verification.REJECTED.value, _("Rejected")),
]
SECTOR_CHOICES = [
    ("food_drink", _("Food and drink")),
    ("alcoholic_drinks", _("Alcoholic drinks")),
    ("infant_nutrition", _("Infant nutrition")),
    ("health_supplements", _("Health supplements")),
    ("beauty", _("Beauty and personal care")),
    ("fashion", _("Fashion and accessories")),
    ("footwear", _("Footwear")),
    ("home_garden", _("Home and garden")),
    ("toys_baby", _("Toys and baby")),
    ("sports_outdoor", _("Sports and outdoor")),
    ("pet_care", _("Pet care")),
    ("electronics_accessories", _("Electronics accessories")),
    ("other", _("Other")),
]


class Company(models.Model):
    kind = models.CharField(_("kind"), max_length=16, choices=KIND_CHOICES)
    name = models.CharField(_("name"), max_length=200)
    name_zh = models.CharField(_("Chinese name"), max_length=200, blank=True)
    # Names operators type on the command line (`import-catalog --supplier highland-shortbread`).
    slug = models.SlugField(_("short name"), max_length=80, unique=True, null=True, blank=True)
    country = models.CharField(_("country"), max_length=2, help_text=_("ISO 3166-1 alpha-2 code"))
    region = models.CharField(_("region or city"), max_length=100, blank=True)
    sector = models.CharField(_("sector"), max_length=32, choices=SECTOR_CHOICES, default="other")
    website = models.URLField(_("website"), blank=True)
    description = models.TextField(_("description"), blank=True)
    description_zh = models.TextField(_("Chinese description"), blank=True)
    companies_house_number = models.CharField(_("Companies House number"), max_length=8, blank=True)
    vat_number = models.CharField(_("VAT number"), max_length=16, blank=True)
    uscc = models.CharField(_("unified social credit code"), max_length=18, blank=True)
    verification_status = models.CharField(
        _("verification"),
        max_length=16,
        choices=VERIFICATION_CHOICES,
        default=Verification.UNVERIFIED.value,
    )
    verification_decided_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    verification_decided_at = models.DateTimeField(null=True, blank=True)
    verification_reason = models.TextField(blank=True)
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["name", "id"]
        verbose_name = _("company")
        verbose_name_plural = _("companies")
        constraints = [
            models.UniqueConstraint(
                fields=["companies_house_number"],
                condition=~Q(companies_house_number=""),
                name="company_unique_companies_house_number",
            ),
            models.UniqueConstraint(fields=["uscc"], condition=~Q(uscc=""), name="company_unique_uscc"),
            models.CheckConstraint(condition=Q(kind__in=[k.value for k in Kind]), name="company_kind_valid"),
            models.CheckConstraint(
                condition=Q(verification_status__in=[v.value for v in Verification]),
                name="company_verification_valid",
            ),
        ]

    def __str__(self) -> str:
        return self.name

    def save(self, *args, **kwargs):
        if not self.slug:
            self.slug = unique_slug(self.name, Company.objects.exclude(pk=self.pk))
        super().save(*args, **kwargs)

    @property
    def kind_enum(self) -> Kind:
        return Kind(self.kind)

    @property
    def display_name_zh(self) -> str:
        return self.name_zh or self.name


class Membership(models.Model):
    user = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="memberships")
    company = models.ForeignKey(Company, on_delete=models.CASCADE, related_name="memberships")
    role = models.CharField(_("role"), max_length=16, choices=ROLE_CHOICES)
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["company__name", "id"]
        constraints = [
            models.UniqueConstraint(fields=["user", "company"], name="membership_unique_user_company"),
            models.CheckConstraint(condition=Q(role__in=[r.value for r in Role]), name="membership_role_valid"),
        ]

    def __str__(self) -> str:
        return f"{self.user} @ {self.company} ({self.role})"

    @property
    def role_enum(self) -> Role:
        return Role(self.role)


class Invitation(models.Model):
    """An emailed link to join a company. Only the token's digest is stored."""

    company = models.ForeignKey(Company, on_delete=models.CASCADE, related_name="invitations")
    email = models.EmailField(_("email"))
    role = models.CharField(_("role"), max_length=16, choices=ROLE_CHOICES)
    digest = models.CharField(max_length=64, unique=True)
    invited_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+")
    created_at = models.DateTimeField(auto_now_add=True)
    expires_at = models.DateTimeField()
    accepted_at = models.DateTimeField(null=True, blank=True)
    accepted_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    revoked_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering = ["-created_at", "-id"]

    def __str__(self) -> str:
        return f"{self.email} → {self.company}"


class VerificationEvent(models.Model):
    """Append-only history of verification moves: who, when, from, to and why."""

    company = models.ForeignKey(Company, on_delete=models.CASCADE, related_name="verification_events")
    from_status = models.CharField(max_length=16, choices=VERIFICATION_CHOICES)
    to_status = models.CharField(max_length=16, choices=VERIFICATION_CHOICES)
    actor = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+")
    actor_company = models.ForeignKey(Company, on_delete=models.SET_NULL, null=True, related_name="+")
    reason = models.TextField(blank=True)
    at = models.DateTimeField()

    class Meta:
        ordering = ["-at", "-id"]

    def __str__(self) -> str:
        return f"{self.company}: {self.from_status} → {self.to_status}"
