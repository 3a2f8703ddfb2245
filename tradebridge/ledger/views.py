"""The statement page: each party's money movements with a running balance."""

from django.shortcuts import render

from tradebridge.companies.access import company_required
from tradebridge.ledger import selectors
from tradebridge.ledger.access import DEFAULT_CURRENCY, statement_company
from tradebridge.ledger.forms import StatementForm
from tradebridge.ledger.models import ACCOUNT_KIND_CHOICES, LedgerTransaction


def _company_id(request) -> int | None:
    raw = request.GET.get("company", "")
    return int(raw) if raw.isdigit() else None


@company_required()
def statement(request):
    company = statement_company(request.membership, _company_id(request))
    params = request.GET.copy()
    params.setdefault("currency", DEFAULT_CURRENCY.get(company.kind, "GBP"))
    form = StatementForm(params)
    result = None
    if form.is_valid():
        result = selectors.statement(
            company=company,
            currency=form.cleaned_data["currency"],
            date_from=form.cleaned_data["date_from"],
            date_to=form.cleaned_data["date_to"],
        )
    context = {
        "company": company,
        "form": form,
        "statement": result,
        "totals": selectors.totals_by_kind(company=company),
        "account_names": dict(ACCOUNT_KIND_CHOICES),
        "kind_names": dict(LedgerTransaction.Kind.choices),
    }
    return render(request, "ledger/statement.html", context, status=400 if form.errors else 200)
