"""Company pages: profile, settings, members and invitations, switching, verification."""

from __future__ import annotations

from django.contrib import messages
from django.contrib.auth import login
from django.core.paginator import Paginator
from django.http import Http404
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from tradebridge.accounts.forms import InvitedUserForm
from tradebridge.companies import access, domain, selectors, services
from tradebridge.companies.domain import MANAGER_ROLES, REVIEWER_KINDS, Kind, Verification
from tradebridge.companies.forms import CompanyForm, InvitationForm, VerificationDecisionForm
from tradebridge.companies.services import PROFILE_FIELDS
from tradebridge.core.errors import DomainError
from tradebridge.core.forms import add_domain_errors
from tradebridge.core.messages import localize
from tradebridge.core.navigation import safe_next


def profile(request, company_id: int):
    """The public face of a company: anyone may see it, private numbers stay hidden."""
    company = selectors.public_company(company_id)
    if company is None:
        raise Http404
    reviewer = bool(
        request.user.is_authenticated
        and request.membership
        and domain.is_reviewer(request.membership.company.kind_enum)
    )
    context = {
        "company": company,
        "reviewer": reviewer,
        "history": selectors.verification_history(company)[:20] if reviewer else [],
        "decision_form": VerificationDecisionForm() if reviewer else None,
    }
    return render(request, "companies/profile.html", context)


@access.company_required()
def settings_page(request):
    membership = request.membership
    company = membership.company
    editable = domain.can_manage(membership.role_enum)
    form = CompanyForm(
        request.POST if request.method == "POST" else None,
        initial={f: getattr(company, f) for f in PROFILE_FIELDS},
    )
    status = 200
    if request.method == "POST":
        access.require(membership, roles=MANAGER_ROLES)
        if form.is_valid():
            try:
                services.update_company(membership=membership, data=form.cleaned_data)
            except DomainError as exc:
                add_domain_errors(form, exc)
            else:
                messages.success(request, _("Company details saved."))
                return redirect("companies:settings")
        status = 400
    return render(
        request,
        "companies/settings.html",
        {"form": form, "company": company, "editable": editable},
        status=status,
    )


@access.company_required()
def members_page(request):
    membership = request.membership
    company = membership.company
    allowed = tuple(
        r.value
        for r in domain.roles_for(company.kind_enum)
        if domain.can_grant(membership.role_enum, r, company.kind_enum)
    )
    form = InvitationForm(request.POST if request.method == "POST" else None, allowed_roles=allowed)
    status = 200
    if request.method == "POST":
        access.require(membership, roles=MANAGER_ROLES)
        if form.is_valid():
            try:
                invitation = services.invite_colleague(
                    membership=membership,
                    email=form.cleaned_data["email"],
                    role=form.cleaned_data["role"],
                    accept_url=lambda secret: request.build_absolute_uri(
                        reverse("companies:accept-invitation", args=[secret])
                    ),
                )
            except DomainError as exc:
                add_domain_errors(form, exc)
            else:
                messages.success(request, _("Invitation sent to %(email)s.") % {"email": invitation.email})
                return redirect("companies:members")
        status = 400
    context = {
        "company": company,
        "members": selectors.members(company),
        "invitations": selectors.open_invitations(company) if domain.can_manage(membership.role_enum) else [],
        "form": form if allowed else None,
    }
    return render(request, "companies/members.html", context, status=status)


@access.company_required(roles=MANAGER_ROLES)
@require_POST
def revoke_invitation(request, invitation_id: int):
    services.revoke_invitation(membership=request.membership, invitation_id=invitation_id)
    messages.success(request, _("Invitation revoked."))
    return redirect("companies:members")


def accept_invitation(request, secret: str):
    try:
        invitation = services.pending_invitation(secret)
    except DomainError as exc:
        return render(request, "companies/invitation_invalid.html", {"error": exc}, status=exc.status)
    if request.user.is_authenticated:
        if request.method == "POST":
            membership = services.accept_invitation(secret=secret, user=request.user)
            request.session[access.ACTIVE_COMPANY_SESSION_KEY] = membership.company_id
            messages.success(request, _("You joined %(company)s.") % {"company": membership.company.name})
            return redirect("core:home")
        return render(request, "companies/invitation_accept.html", {"invitation": invitation})
    form = InvitedUserForm(request.POST if request.method == "POST" else None)
    status = 200
    if request.method == "POST" and form.is_valid():
        try:
            membership = services.accept_invitation_as_new_user(
                secret=secret, language=request.LANGUAGE_CODE, **form.cleaned_data
            )
        except DomainError as exc:
            add_domain_errors(form, exc)
            status = 400
        else:
            login(request, membership.user, backend="django.contrib.auth.backends.ModelBackend")
            request.session[access.ACTIVE_COMPANY_SESSION_KEY] = membership.company_id
            return redirect("core:home")
    elif form.errors:
        status = 400
    return render(
        request,
        "companies/invitation_accept.html",
        {"invitation": invitation, "form": form},
        status=status,
    )


@require_POST
def switch_company(request):
    if not request.user.is_authenticated:
        return redirect("accounts:login")
    membership = access.membership_for(request.user, request.POST.get("company_id") or 0)
    if membership is None:
        # Not a member: refuse without saying whether that company exists.
        raise Http404
    request.session[access.ACTIVE_COMPANY_SESSION_KEY] = membership.company_id
    return redirect("core:home")


@access.company_required(roles=MANAGER_ROLES)
@require_POST
def request_verification(request):
    services.move_verification(
        membership=request.membership,
        company_id=request.membership.company_id,
        status=Verification.PENDING.value,
    )
    messages.success(request, _("Thank you. Our team will review your company's details."))
    return redirect("core:home")


@access.company_required(kinds=REVIEWER_KINDS)
def verification_queue(request):
    page = Paginator(selectors.verification_queue(), 25).get_page(request.GET.get("page"))
    return render(
        request,
        "companies/verification_queue.html",
        {"page": page, "form": VerificationDecisionForm()},
    )


@access.company_required(kinds=REVIEWER_KINDS)
@require_POST
def decide_verification(request, company_id: int):
    form = VerificationDecisionForm(request.POST)
    if form.is_valid():
        try:
            company = services.move_verification(
                membership=request.membership, company_id=company_id, **form.cleaned_data
            )
        except DomainError as exc:
            messages.error(request, localize(exc.errors[0]))
        else:
            messages.success(
                request,
                _("%(company)s is now %(status)s.")
                % {"company": company.name, "status": company.get_verification_status_display()},
            )
    else:
        messages.error(request, _("Choose a decision."))
    return redirect(safe_next(request, "back") or reverse("companies:verification-queue"))


@access.company_required(kinds=REVIEWER_KINDS)
def directory(request):
    kind = request.GET.get("kind")
    kind_enum = Kind(kind) if kind in (Kind.SUPPLIER.value, Kind.BUYER.value) else None
    page = Paginator(selectors.directory(kind_enum, request.GET.get("q", "").strip()), 25).get_page(
        request.GET.get("page")
    )
    return render(request, "companies/directory.html", {"page": page, "kind": kind or ""})
