from django.urls import path

from samenopweg.plainlanguage import views

app_name = "plainlanguage"
urlpatterns = [
    path("", views.check_view, name="check"),
]
