"""API shapes for the signed-in user."""

from __future__ import annotations

from ninja import Schema

from tradebridge.companies.schemas import MembershipOut


class MeOut(Schema):
    id: int
    email: str
    full_name: str
    preferred_language: str
    active_company_id: int | None
    memberships: list[MembershipOut]
