from django.urls import path

from tradebridge.payments import views

app_name = "payments"

urlpatterns = [
    path("orders/<int:order_id>/pay/", views.pay_panel, name="pay-panel"),
    path("simulator/<str:public_id>/", views.simulator, name="simulator"),
    path("simulator/<str:public_id>/status/", views.intent_status, name="intent-status"),
]
