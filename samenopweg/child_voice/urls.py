from django.urls import path

from samenopweg.child_voice import views

app_name = "child_voice"
urlpatterns = [
    path("kinderen/", views.overview, name="overview"),
    path("kinderen/gesprek/nieuw/", views.session_new, name="session_new"),
    path("kinderen/gesprek/<int:session_id>/", views.session, name="session"),
    path("kinderen/gesprek/<int:session_id>/aanpassen/", views.session_edit, name="session_edit"),
    path(
        "kinderen/gesprek/<int:session_id>/intrekken/",
        views.session_withdraw,
        name="session_withdraw",
    ),
    path("kinderen/gesprek/<int:session_id>/woorden/", views.words_new, name="words_new"),
    path("kinderen/gesprek/<int:session_id>/tekening/", views.drawing_new, name="drawing_new"),
    path("kinderen/woorden/<int:words_id>/aanpassen/", views.words_edit, name="words_edit"),
    path("kinderen/woorden/<int:words_id>/intrekken/", views.words_withdraw, name="words_withdraw"),
    path("kinderen/woorden/<int:words_id>/delen/", views.words_share, name="words_share"),
    path("kinderen/woorden/<int:words_id>/koppelen/", views.words_link, name="words_link"),
    path("kinderen/koppeling/<int:link_id>/weghalen/", views.link_remove, name="link_remove"),
    path("kinderen/tekening/<int:drawing_id>/delen/", views.drawing_share, name="drawing_share"),
    path(
        "kinderen/tekening/<int:drawing_id>/intrekken/",
        views.drawing_withdraw,
        name="drawing_withdraw",
    ),
    path("kinderen/woordvoerder/nieuw/", views.spokesperson_new, name="spokesperson_new"),
    path(
        "kinderen/woordvoerder/<int:spokesperson_id>/stoppen/",
        views.spokesperson_withdraw,
        name="spokesperson_withdraw",
    ),
]
