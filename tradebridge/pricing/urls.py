from django.urls import path

from tradebridge.pricing import views

app_name = "pricing"

urlpatterns = [path("rates/", views.rates, name="rates")]
