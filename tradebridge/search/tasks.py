"""Background work of search: reindexing a supplier's listings when its track record changes."""

from __future__ import annotations

from django_tasks import task

from tradebridge.search import services


@task()
def reindex_supplier(company_id: int) -> None:
    services.index_supplier(company_id)
