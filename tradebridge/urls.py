"""Top-level routes. Pages get a language from the cookie or browser; the API lives at /api/v1."""

from django.contrib import admin
from django.urls import include, path
from django.utils.translation import gettext_lazy as _
from django.views.i18n import set_language

from tradebridge.api import api
from tradebridge.core import views as core_views

admin.site.site_header = _("TradeBridge operations")
admin.site.site_title = _("TradeBridge admin")
admin.site.index_title = _("Marketplace administration")

urlpatterns = [
    path("", include("tradebridge.core.urls")),
    path("accounts/", include("tradebridge.accounts.urls")),
    path("", include("tradebridge.companies.urls")),
    path("", include("tradebridge.storefront.urls")),
    path("supplier/", include("tradebridge.catalog.urls")),
    path("operator/", include("tradebridge.pricing.urls")),
    path("search/", include("tradebridge.search.urls")),
    path("statements/", include("tradebridge.ledger.urls")),
    path("supplier/webhooks/", include("tradebridge.webhooks.urls")),
    path("payments/", include("tradebridge.payments.urls")),
    path("", include("tradebridge.orders.urls")),
    path("reviews/", include("tradebridge.reviews.urls")),
    path("i18n/setlang/", set_language, name="set_language"),
    path("admin/", admin.site.urls),
    path("api/v1/", api.urls),
]

handler400 = core_views.error_page(400)
handler403 = core_views.error_page(403)
handler404 = core_views.error_page(404)
handler500 = core_views.server_error
