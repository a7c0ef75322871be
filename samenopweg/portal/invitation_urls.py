"""Invitation pages, in the portal's namespace (included from portal/urls.py)."""

from django.urls import path

from samenopweg.portal import invitation_views

urlpatterns = [
    path("trajecten/<str:reference>/uitnodigen/", invitation_views.invite, name="invite"),
    path(
        "trajecten/<str:reference>/uitnodigen/<int:invitation_id>/",
        invitation_views.invite_done,
        name="invite_done",
    ),
    path(
        "trajecten/<str:reference>/uitnodigen/<int:invitation_id>/intrekken/",
        invitation_views.invitation_withdraw,
        name="invitation_withdraw",
    ),
    # The code before the link: "code" would otherwise be read as a link's token.
    path("welkom/code/", invitation_views.welcome_code, name="welcome_code"),
    path("welkom/<str:token>/", invitation_views.welcome, name="welcome"),
]
