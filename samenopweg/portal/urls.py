from django.urls import path

from samenopweg.portal import views

app_name = "portal"
urlpatterns = [
    path("mijn/", views.home, name="home"),
    path("mijn/<str:reference>/", views.trajectory, name="trajectory"),
]
