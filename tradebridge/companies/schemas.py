"""API shapes for companies and memberships."""

from __future__ import annotations

from datetime import datetime

from ninja import Field, Schema


class CompanyPublicOut(Schema):
    id: int
    kind: str
    name: str
    name_zh: str
    country: str
    region: str
    sector: str
    website: str
    description: str
    description_zh: str
    verification_status: str


class CompanyOut(CompanyPublicOut):
    companies_house_number: str
    vat_number: str
    uscc: str
    verification_reason: str
    verification_decided_at: datetime | None
    created_at: datetime


class CompanyPatch(Schema):
    name: str | None = Field(None, max_length=200)
    name_zh: str | None = Field(None, max_length=200)
    country: str | None = Field(None, max_length=2)
    region: str | None = Field(None, max_length=100)
    sector: str | None = None
    website: str | None = Field(None, max_length=200)
    description: str | None = Field(None, max_length=5000)
    description_zh: str | None = Field(None, max_length=5000)
    companies_house_number: str | None = Field(None, max_length=20)
    vat_number: str | None = Field(None, max_length=30)
    uscc: str | None = Field(None, max_length=30)


class SignupIn(Schema):
    kind: str = Field(..., description="supplier or buyer")
    email: str = Field(..., max_length=254)
    password: str = Field(..., max_length=128)
    full_name: str = Field(..., max_length=150)
    name: str = Field(..., max_length=200, description="Company name")
    name_zh: str = Field("", max_length=200)
    country: str = Field(..., max_length=2)
    region: str = Field("", max_length=100)
    sector: str = "other"
    website: str = Field("", max_length=200)
    companies_house_number: str = Field("", max_length=20)
    vat_number: str = Field("", max_length=30)
    uscc: str = Field("", max_length=30)


class MemberOut(Schema):
    id: int
    email: str = Field(..., alias="user.email")
    full_name: str = Field(..., alias="user.full_name")
    role: str
    created_at: datetime


class MembershipOut(Schema):
    company: CompanyPublicOut
    role: str


class InvitationIn(Schema):
    email: str = Field(..., max_length=254)
    role: str


class InvitationOut(Schema):
    id: int
    email: str
    role: str
    expires_at: datetime


class VerificationIn(Schema):
    status: str
    reason: str = Field("", max_length=2000)
