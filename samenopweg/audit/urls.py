from django.urls import path

from samenopweg.audit import views

app_name = "audit"
urlpatterns = [path("", views.log, name="log")]
