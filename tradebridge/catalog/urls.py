from django.urls import path

from tradebridge.catalog import views

app_name = "catalog"

urlpatterns = [
    path("products/", views.product_list, name="products"),
    path("products/new/", views.product_new, name="product-new"),
    path("products/<int:product_id>/", views.product_edit, name="product-edit"),
    path("products/<int:product_id>/tiers/", views.product_tiers, name="product-tiers"),
    path("products/<int:product_id>/variants/", views.product_variant_add, name="product-variant-add"),
    path("products/<int:product_id>/images/", views.product_image, name="product-image"),
    path("products/<int:product_id>/publish/", views.product_publish, name="product-publish"),
    path("variants/<int:variant_id>/stock/", views.variant_stock, name="variant-stock"),
    path("imports/", views.imports, name="imports"),
    path("translate/", views.translate_catalog, name="translate"),
    path("imports/template.<str:fmt>", views.import_template, name="import-template"),
    path("imports/<int:job_id>/", views.import_job, name="import-job"),
    path("imports/<int:job_id>/apply/", views.import_apply, name="import-apply"),
    path("imports/<int:job_id>/report.csv", views.import_report, name="import-report"),
]
