from django.urls import path

from tradebridge.storefront import views

app_name = "storefront"

urlpatterns = [
    path("categories/", views.categories, name="categories"),
    path("categories/<path:path>/", views.category, name="category"),
    path("products/<int:product_id>/", views.product, name="product"),
    path("products/<int:product_id>/landed-cost/", views.landed_cost, name="landed-cost"),
]
