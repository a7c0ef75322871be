from django.urls import path

from samenopweg.closure import views

app_name = "closure"
urlpatterns = [
    path("afsluiten/", views.checklist, name="checklist"),
    path("afsluiten/sluiten/", views.close, name="close"),
    path("afsluiten/contactkaarten.pdf", views.contact_cards, name="contact_cards"),
    path("afsluiten/contactkaarten/<int:person_id>.pdf", views.contact_card, name="contact_card"),
]
