from django.urls import path

from tradebridge.reviews import views

app_name = "reviews"

urlpatterns = [path("orders/<int:order_id>/", views.post_review, name="post")]
