from django.urls import URLPattern

app_name = "closure"
urlpatterns: list[URLPattern] = []
