"""The two-factor login pages, under /accounts/tweestaps/."""

from django.urls import path

from samenopweg.accounts import mfa_views

app_name = "mfa"

urlpatterns = [
    path("", mfa_views.status, name="status"),
    path("code/", mfa_views.verify, name="verify"),
    path("instellen/", mfa_views.setup, name="setup"),
    path("herstelcodes/", mfa_views.recovery_codes, name="recovery_codes"),
    path("herstelcodes/nieuw/", mfa_views.new_codes, name="new_codes"),
    path("uitzetten/", mfa_views.turn_off, name="turn_off"),
]
