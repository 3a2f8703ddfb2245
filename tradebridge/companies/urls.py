from django.urls import path

from tradebridge.companies import identifier_views, views

app_name = "companies"

urlpatterns = [
    path("companies/<int:company_id>/", views.profile, name="profile"),
    path("company/", views.settings_page, name="settings"),
    path("company/members/", views.members_page, name="members"),
    path(
        "company/invitations/<int:invitation_id>/revoke/",
        views.revoke_invitation,
        name="revoke-invitation",
    ),
    path("company/switch/", views.switch_company, name="switch"),
    path("company/verification/request/", views.request_verification, name="request-verification"),
    path("invitations/<str:secret>/", views.accept_invitation, name="accept-invitation"),
    path("verification/", views.verification_queue, name="verification-queue"),
    path(
        "verification/<int:company_id>/decide/",
        views.decide_verification,
        name="decide-verification",
    ),
    path("directory/", views.directory, name="directory"),
    path("identifiers/check/<str:scheme>/", identifier_views.check_fragment, name="check-identifier"),
]
