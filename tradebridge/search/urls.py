from django.urls import path

from tradebridge.search import views

app_name = "search"

urlpatterns = [
    path("", views.products, name="products"),
    path("suppliers/", views.suppliers, name="suppliers"),
]
