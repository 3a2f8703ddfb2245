from django.urls import path

from tradebridge.ledger import views

app_name = "ledger"

urlpatterns = [path("", views.statement, name="statement")]
