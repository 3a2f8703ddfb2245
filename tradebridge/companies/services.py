"""Writes for companies: sign-up, profile edits, invitations and verification decisions.

Each function is one transaction. Emails leave only after commit.
"""

from __future__ import annotations

import hashlib
import secrets
from collections.abc import Callable
from datetime import timedelta

from django.conf import settings
from django.contrib.auth.password_validation import validate_password
from django.core.exceptions import ValidationError
from django.core.mail import send_mail
from django.core.validators import validate_email
from django.db import IntegrityError, transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from tradebridge.accounts.models import User
from tradebridge.companies import domain
from tradebridge.companies.domain import Kind, Role, Verification
from tradebridge.companies.models import (
    ROLE_CHOICES,
    Company,
    Invitation,
    Membership,
    VerificationEvent,
)
from tradebridge.companies.registration import clean_identifiers
from tradebridge.core.errors import Conflict, DomainError, FieldError, Forbidden, NotFound

PROFILE_FIELDS = (
    "name",
    "name_zh",
    "country",
    "region",
    "sector",
    "website",
    "description",
    "description_zh",
    "companies_house_number",
    "vat_number",
    "uscc",
)
_MAX_LENGTHS = {"name": 200, "name_zh": 200, "region": 100, "website": 200}


def _clean_profile(kind: Kind, data: dict[str, str]) -> dict[str, str]:
    """Normalise and check profile fields; collect every fault before raising."""
    errors: list[FieldError] = []
    cleaned = {f: (data.get(f) or "").strip() for f in PROFILE_FIELDS}
    cleaned["country"] = cleaned["country"].upper()
    if not cleaned["name"]:
        errors.append(FieldError("required", "Give the company's name.", "name"))
    if len(cleaned["country"]) != 2 or not cleaned["country"].isalpha():
        errors.append(FieldError("country_invalid", "Use a two-letter ISO country code, e.g. GB or CN.", "country"))
    if cleaned["sector"] and cleaned["sector"] not in domain.SECTORS:
        errors.append(FieldError("sector_invalid", "Choose a sector from the list.", "sector"))
    cleaned["sector"] = cleaned["sector"] or "other"
    for field, limit in _MAX_LENGTHS.items():
        if len(cleaned[field]) > limit:
            errors.append(FieldError("too_long", f"Keep this under {limit} characters.", field))
    if cleaned["website"] and not cleaned["website"].startswith(("http://", "https://")):
        errors.append(FieldError("website_invalid", "A website starts with http:// or https://.", "website"))
    try:
        cleaned.update(clean_identifiers(kind, cleaned["country"], cleaned))
    except DomainError as exc:
        errors.extend(exc.errors)
    if errors:
        raise DomainError.many(errors)
    return cleaned


def _check_identifiers_free(cleaned: dict[str, str], *, exclude_pk: int | None = None) -> None:
    errors = []
    for field in ("companies_house_number", "uscc"):
        value = cleaned.get(field)
        if value and Company.objects.filter(**{field: value}).exclude(pk=exclude_pk).exists():
            errors.append(
                FieldError(
                    "identifier_taken",
                    "Another company is already registered with this number.",
                    field,
                )
            )
    if errors:
        raise Conflict.many(errors)


def _check_new_user(email: str, password: str, full_name: str) -> str:
    errors = []
    email = (email or "").strip().lower()
    try:
        validate_email(email)
    except ValidationError:
        errors.append(FieldError("email_invalid", "Enter a valid email address.", "email"))
    if not (full_name or "").strip():
        errors.append(FieldError("required", "Give your full name.", "full_name"))
    try:
        validate_password(password or "", User(email=email, full_name=full_name or ""))
    except ValidationError as exc:
        errors.extend(FieldError("password_weak", str(m), "password") for m in exc.messages)
    if errors:
        raise DomainError.many(errors)
    if User.objects.filter(email=email).exists():
        raise Conflict("email_taken", "An account with this email already exists. Sign in instead.", "email")
    return email


def register_company(
    *, kind: str, email: str, password: str, full_name: str, language: str = "en", **profile: str
) -> Membership:
    """Sign-up: a new user, their company and their owner membership, all or nothing."""
    try:
        kind_enum = Kind(kind)
    except ValueError:
        raise DomainError("kind_invalid", "Choose supplier or buyer.", "kind") from None
    if kind_enum not in domain.SELF_SERVICE_KINDS:
        raise DomainError("kind_invalid", "Choose supplier or buyer.", "kind")
    errors: list[FieldError] = []
    cleaned: dict[str, str] = {}
    try:
        email = _check_new_user(email, password, full_name)
    except DomainError as exc:
        errors.extend(exc.errors)
    try:
        cleaned = _clean_profile(kind_enum, profile)
    except DomainError as exc:
        errors.extend(exc.errors)
    if errors:
        raise DomainError.many(errors)
    try:
        with transaction.atomic():
            _check_identifiers_free(cleaned)
            user = User.objects.create_user(
                email=email,
                password=password,
                full_name=full_name.strip(),
                preferred_language=language,
            )
            company = Company.objects.create(kind=kind_enum.value, **cleaned)
            return Membership.objects.create(user=user, company=company, role=Role.OWNER.value)
    except IntegrityError:
        # Two sign-ups raced for the same email or number; the loser gets a clean answer.
        raise Conflict("already_registered", "This email or company number was registered just now.") from None


@transaction.atomic
def update_company(*, membership: Membership, data: dict[str, str]) -> Company:
    if not domain.can_manage(membership.role_enum):
        raise Forbidden("role_forbidden", "Only owners and admins can edit the company.")
    company = Company.objects.select_for_update().get(pk=membership.company_id)
    merged = {f: getattr(company, f) for f in PROFILE_FIELDS} | {k: v for k, v in data.items() if k in PROFILE_FIELDS}
    cleaned = _clean_profile(company.kind_enum, merged)
    _check_identifiers_free(cleaned, exclude_pk=company.pk)
    identity_changed = any(getattr(company, f) != cleaned[f] for f in ("companies_house_number", "vat_number", "uscc"))
    for field, value in cleaned.items():
        setattr(company, field, value)
    if identity_changed and company.verification_status == Verification.VERIFIED.value:
        # A verified badge vouches for specific numbers; new numbers need a new review.
        _record_move(
            company,
            Verification.PENDING,
            actor=membership.user,
            actor_company=company,
            reason="Identity numbers changed",
        )
        company.save()
        _reindex_listings(company)
        return company
    company.save()
    return company


def _digest(secret: str) -> str:
    return hashlib.sha256(secret.encode()).hexdigest()


@transaction.atomic
def invite_colleague(*, membership: Membership, email: str, role: str, accept_url: Callable[[str], str]) -> Invitation:
    """Create an invitation and email its link (after commit). `accept_url(secret)` builds
    the absolute link, since services do not know the site's address."""
    company = membership.company
    try:
        role_enum = Role(role)
    except ValueError:
        raise DomainError("role_invalid", "Choose a role from the list.", "role") from None
    if not domain.can_grant(membership.role_enum, role_enum, company.kind_enum):
        raise Forbidden("role_forbidden", "You cannot invite someone with this role.", "role")
    email = (email or "").strip().lower()
    try:
        validate_email(email)
    except ValidationError:
        raise DomainError("email_invalid", "Enter a valid email address.", "email") from None
    if Membership.objects.filter(company=company, user__email=email).exists():
        raise Conflict("already_member", "This person is already a member.", "email")
    secret = secrets.token_urlsafe(32)
    invitation = Invitation.objects.create(
        company=company,
        email=email,
        role=role_enum.value,
        digest=_digest(secret),
        invited_by=membership.user,
        expires_at=timezone.now() + timedelta(days=settings.INVITATION_DAYS),
    )
    link = accept_url(secret)
    subject = _("%(name)s invites you to TradeBridge") % {"name": company.name}
    body = _(
        "%(inviter)s invites you to join %(company)s on TradeBridge as %(role)s.\n\n"
        "Accept here (the link works for %(days)s days):\n%(link)s\n"
    ) % {
        "inviter": membership.user.full_name,
        "company": company.name,
        "role": dict(ROLE_CHOICES)[role_enum.value],
        "days": settings.INVITATION_DAYS,
        "link": link,
    }
    transaction.on_commit(lambda: send_mail(subject, body, None, [email]))
    return invitation


def pending_invitation(secret: str) -> Invitation:
    invitation = Invitation.objects.select_related("company").filter(digest=_digest(secret or "")).first()
    if invitation is None or invitation.revoked_at or invitation.accepted_at:
        raise NotFound("invitation_invalid", "This invitation link is not valid any more.", None)
    if invitation.expires_at < timezone.now():
        raise DomainError("invitation_expired", "This invitation has expired. Ask for a new one.", None)
    return invitation


@transaction.atomic
def accept_invitation(*, secret: str, user: User) -> Membership:
    invitation = pending_invitation(secret)
    invitation = Invitation.objects.select_for_update().get(pk=invitation.pk)
    if invitation.accepted_at:
        raise NotFound("invitation_invalid", "This invitation link is not valid any more.", None)
    if invitation.email != user.email:
        raise Forbidden("invitation_other_email", "This invitation was sent to another email address.", None)
    membership, _created = Membership.objects.get_or_create(
        user=user, company=invitation.company, defaults={"role": invitation.role}
    )
    invitation.accepted_at = timezone.now()
    invitation.accepted_by = user
    invitation.save(update_fields=["accepted_at", "accepted_by"])
    return membership


@transaction.atomic
def accept_invitation_as_new_user(*, secret: str, full_name: str, password: str, language: str = "en") -> Membership:
    invitation = pending_invitation(secret)
    email = _check_new_user(invitation.email, password, full_name)
    user = User.objects.create_user(
        email=email, password=password, full_name=full_name.strip(), preferred_language=language
    )
    return accept_invitation(secret=secret, user=user)


@transaction.atomic
def revoke_invitation(*, membership: Membership, invitation_id: int) -> Invitation:
    if not domain.can_manage(membership.role_enum):
        raise Forbidden("role_forbidden", "Only owners and admins can revoke invitations.")
    invitation = Invitation.objects.filter(company_id=membership.company_id, pk=invitation_id).first()
    if invitation is None:
        raise NotFound("not_found", "No such invitation.", None)
    if invitation.revoked_at is None and invitation.accepted_at is None:
        invitation.revoked_at = timezone.now()
        invitation.save(update_fields=["revoked_at"])
    return invitation


def _record_move(company: Company, target: Verification, *, actor: User, actor_company: Company, reason: str) -> None:
    now = timezone.now()
    VerificationEvent.objects.create(
        company=company,
        from_status=company.verification_status,
        to_status=target.value,
        actor=actor,
        actor_company=actor_company,
        reason=reason,
        at=now,
    )
    company.verification_status = target.value
    company.verification_decided_by = actor
    company.verification_decided_at = now
    company.verification_reason = reason


@transaction.atomic
def move_verification(*, membership: Membership, company_id: int, status: str, reason: str = "") -> Company:
    """Request (own company) or decide (operator/agency) a verification move."""
    company = Company.objects.select_for_update().filter(pk=company_id).first()
    if company is None:
        raise NotFound("not_found", "No such company.", None)
    try:
        target = Verification(status)
    except ValueError:
        raise DomainError("status_invalid", "Choose a verification status from the list.", "status") from None
    domain.verification_move(
        Verification(company.verification_status),
        target,
        actor_kind=membership.company.kind_enum,
        actor_role=membership.role_enum,
        acting_on_own_company=membership.company_id == company.pk,
        reason=reason or "",
    )
    _record_move(
        company,
        target,
        actor=membership.user,
        actor_company=membership.company,
        reason=(reason or "").strip(),
    )
    company.save()
    _reindex_listings(company)
    return company


def _reindex_listings(company: Company) -> None:
    """Search filters and ranks by supplier verification: its listings follow in this transaction."""
    if company.kind_enum == Kind.SUPPLIER:
        from tradebridge.search.services import index_supplier

        index_supplier(company.pk)
