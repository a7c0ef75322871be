from django.urls import path

from samenopweg.feedback import views

app_name = "feedback"
urlpatterns = [
    path("feedback/", views.overview, name="overview"),
    path("feedback/nieuw/", views.round_new, name="round_new"),
    # One path per version, so each version's autosaved draft is its own (drafts go by path).
    path("feedback/nieuw/<str:version>/", views.round_new, name="round_new"),
    path("feedback/rondes/<int:round_id>/intrekken/", views.round_withdraw, name="round_withdraw"),
    path("feedback/signalen/<int:signal_id>/", views.signal_close, name="signal_close"),
    path("feedback/verwachtingen/nieuw/", views.expectation_new, name="expectation_new"),
    path(
        "feedback/verwachtingen/<int:expectation_id>/aanpassen/",
        views.expectation_edit,
        name="expectation_edit",
    ),
    path(
        "feedback/verwachtingen/<int:expectation_id>/intrekken/",
        views.expectation_withdraw,
        name="expectation_withdraw",
    ),
    path("feedback/ritme/", views.cadence, name="cadence"),
]
