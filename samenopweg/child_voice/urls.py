from django.urls import path

from samenopweg.child_voice import views

app_name = "child_voice"
urlpatterns: list = []
