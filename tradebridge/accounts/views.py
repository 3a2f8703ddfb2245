"""Sign-up, sign-in and out, and personal API tokens."""

from __future__ import annotations

from django.contrib import messages
from django.contrib.auth import login, logout
from django.contrib.auth.decorators import login_required
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from tradebridge.accounts import services
from tradebridge.accounts.forms import ApiTokenForm, LoginForm, SignupForm
from tradebridge.accounts.models import ApiToken
from tradebridge.companies import access
from tradebridge.companies.services import register_company
from tradebridge.core.errors import DomainError
from tradebridge.core.forms import add_domain_errors
from tradebridge.core.navigation import safe_next

BACKEND = "django.contrib.auth.backends.ModelBackend"


def signup(request):
    if request.user.is_authenticated:
        return redirect("core:home")
    form = SignupForm(
        request.POST if request.method == "POST" else None,
        initial={"kind": request.GET.get("kind", "supplier")},
    )
    if request.method == "POST" and form.is_valid():
        try:
            membership = register_company(language=request.LANGUAGE_CODE, **form.cleaned_data)
        except DomainError as exc:
            add_domain_errors(form, exc)
        else:
            login(request, membership.user, backend=BACKEND)
            request.session[access.ACTIVE_COMPANY_SESSION_KEY] = membership.company_id
            messages.success(request, _("Welcome to TradeBridge. Your company account is ready."))
            return redirect("core:home")
    return render(request, "accounts/signup.html", {"form": form}, status=400 if form.errors else 200)


def sign_in(request):
    form = LoginForm(request.POST if request.method == "POST" else None)
    status = 200
    if request.method == "POST" and form.is_valid():
        try:
            user = services.sign_in(
                request=request,
                email=form.cleaned_data["email"],
                password=form.cleaned_data["password"],
                ip_address=request.META.get("REMOTE_ADDR"),
            )
        except DomainError as exc:
            add_domain_errors(form, exc)
            status = exc.status
        else:
            login(request, user, backend=BACKEND)
            return redirect(safe_next(request) or "core:home")
    if form.errors and status == 200:
        status = 400
    return render(
        request,
        "accounts/login.html",
        {"form": form, "next": safe_next(request) or ""},
        status=status,
    )


@require_POST
def sign_out(request):
    logout(request)
    return redirect("core:home")


@login_required
def tokens(request):
    membership = access.require(request.membership)
    form = ApiTokenForm(request.POST if request.method == "POST" else None)
    new_secret = None
    if request.method == "POST" and form.is_valid():
        try:
            _token, new_secret = services.create_api_token(membership=membership, name=form.cleaned_data["name"])
        except DomainError as exc:
            add_domain_errors(form, exc)
        else:
            form = ApiTokenForm()
    rows = ApiToken.objects.filter(user=request.user).select_related("company")
    return render(request, "accounts/tokens.html", {"form": form, "tokens": rows, "new_secret": new_secret})


@login_required
@require_POST
def revoke_token(request, token_id: int):
    services.revoke_api_token(user=request.user, token_id=token_id)
    messages.success(request, _("The token was revoked. Anything using it can no longer sign in."))
    return redirect("accounts:tokens")
