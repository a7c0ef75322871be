from django.urls import path

from samenopweg.feedback import views

app_name = "feedback"
urlpatterns: list = []
