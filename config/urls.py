from django.conf import settings
from django.contrib import admin
from django.contrib.auth import views as auth_views
from django.http import HttpRequest, HttpResponse
from django.urls import include, path

from samenopweg.accounts.views import LoginView, set_language
from samenopweg.core import views as core_views
from samenopweg.dashboard import views as dashboard_views

urlpatterns = [
    path("", dashboard_views.home, name="home"),
    path("healthz", core_views.healthz, name="healthz"),
    path("taal/", set_language, name="set_language"),
    path("accounts/login/", LoginView.as_view(), name="login"),
    path("accounts/logout/", auth_views.LogoutView.as_view(), name="logout"),
    path("accounts/tweestaps/", include("samenopweg.accounts.urls")),
    path("admin/", admin.site.urls),
    path("audit/", include("samenopweg.audit.urls")),
    path("taalcheck/", include("samenopweg.plainlanguage.urls")),
    path("trajecten/<str:reference>/", include("samenopweg.journal.urls")),
    path("trajecten/<str:reference>/", include("samenopweg.people.urls")),
    path("trajecten/<str:reference>/", include("samenopweg.assessments.urls")),
    path("trajecten/<str:reference>/", include("samenopweg.safety_plans.urls")),
    path("trajecten/<str:reference>/", include("samenopweg.child_voice.urls")),
    path("trajecten/<str:reference>/", include("samenopweg.feedback.urls")),
    path("trajecten/<str:reference>/", include("samenopweg.reviews.urls")),
    path("trajecten/<str:reference>/", include("samenopweg.reports.urls")),
    path("trajecten/<str:reference>/", include("samenopweg.closure.urls")),
    # Registration ("trajecten/nieuw/") before the trajectory page ("trajecten/<reference>/").
    path("", include("samenopweg.people.case_urls")),
    path("", include("samenopweg.dashboard.urls")),
    path("", include("samenopweg.portal.urls")),
    path("", include("samenopweg.cases.urls")),
]

if settings.BENCH_MODE:
    # A bare Django view, served by the same server, as the benchmark's baseline.
    def bare(request: HttpRequest) -> HttpResponse:
        return HttpResponse("ok")

    urlpatterns.append(path("bench/bare/", bare, name="bench_bare"))
