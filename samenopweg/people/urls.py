from django.urls import path

from samenopweg.people import views

app_name = "people"
urlpatterns = [
    path("personen/", views.person_list, name="list"),
    path("personen/nieuw/", views.person_add, name="add"),
    path("personen/<int:person_id>/aanpassen/", views.person_edit, name="edit"),
]
