from django.urls import path

from samenopweg.dashboard import views

app_name = "dashboard"
urlpatterns = [
    path("dashboard/", views.dashboard, name="dashboard"),
    path("trajecten/<str:reference>/", views.detail, name="detail"),
]
