from django.urls import path

from samenopweg.reviews import views

app_name = "reviews"
urlpatterns = [
    path("evaluaties/", views.overview, name="overview"),
    path("evaluaties/nieuw/", views.review_new, name="review_new"),
    path("evaluaties/ritme/", views.cadence, name="cadence"),
    path("evaluaties/<int:review_id>/", views.detail, name="detail"),
    path("evaluaties/<int:review_id>/aanpassen/", views.review_edit, name="review_edit"),
    path("evaluaties/<int:review_id>/intrekken/", views.review_withdraw, name="review_withdraw"),
]
