from django.urls import path

from samenopweg.dashboard import views

app_name = "dashboard"
urlpatterns = [
    path("dashboard/", views.dashboard, name="dashboard"),
    path("trajecten/<str:reference>/", views.detail, name="detail"),
    path("mijn/", views.family_home, name="family_home"),
    path("mijn/<str:reference>/", views.family_detail, name="family_detail"),
]
