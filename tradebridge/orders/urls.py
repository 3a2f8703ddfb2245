from django.urls import path

from tradebridge.orders import views

app_name = "orders"

urlpatterns = [
    path("cart/", views.cart, name="cart"),
    path("cart/add/", views.cart_add, name="cart-add"),
    path("cart/lines/<int:line_id>/", views.cart_line, name="cart-line"),
    path("cart/lines/<int:line_id>/remove/", views.cart_remove, name="cart-remove"),
    path("cart/accept-prices/", views.cart_accept_prices, name="cart-accept-prices"),
    path("checkout/", views.checkout, name="checkout"),
    path("orders/", views.order_list, name="list"),
    path("orders/<int:order_id>/", views.order_detail, name="detail"),
    path("orders/<int:order_id>/documents/<str:kind>.pdf", views.shipping_document, name="document"),
    path("orders/<int:order_id>/evidence/<int:evidence_id>/", views.evidence_file, name="evidence"),
    path("orders/<int:order_id>/<slug:move>/", views.order_move, name="move"),
    path("operator/disputes/", views.dispute_queue, name="dispute-queue"),
]
