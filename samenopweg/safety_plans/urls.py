from django.urls import path

from samenopweg.safety_plans import views

app_name = "safety_plans"

urlpatterns = [
    path("plan/", views.plan, name="plan"),
    path("plan/nieuw/", views.plan_create, name="plan_create"),
    path("plan/<int:plan_id>/aanpassen/", views.plan_edit, name="plan_edit"),
    path("plan/<int:plan_id>/status/", views.plan_status, name="plan_status"),
    path("plan/<int:plan_id>/bevestigen/", views.plan_confirm, name="plan_confirm"),
    path("plan/<int:plan_id>/reactie/", views.plan_comment, name="plan_comment"),
    path("plan/<int:plan_id>/versies/<int:number>/", views.plan_version, name="plan_version"),
    path("plan/<int:plan_id>/afspraken/nieuw/", views.rule_create, name="rule_create"),
    path("plan/afspraken/<int:rule_id>/aanpassen/", views.rule_edit, name="rule_edit"),
    path("plan/afspraken/<int:rule_id>/intrekken/", views.rule_withdraw, name="rule_withdraw"),
    path("plan/afspraken/<int:rule_id>/opvolgen/", views.check_in, name="check_in"),
    path("netwerk/<int:member_id>/handout.pdf", views.network_handout, name="network_handout"),
    path("woorden-en-beelden/", views.stories, name="stories"),
    path("woorden-en-beelden/nieuw/", views.story_create, name="story_create"),
    path("woorden-en-beelden/<int:story_id>/", views.story, name="story"),
    path("woorden-en-beelden/<int:story_id>/aanpassen/", views.story_edit, name="story_edit"),
    path("woorden-en-beelden/<int:story_id>/versie/", views.story_keep_version, name="story_keep"),
    path(
        "woorden-en-beelden/<int:story_id>/versies/<int:number>/",
        views.story_version,
        name="story_version",
    ),
    path("woorden-en-beelden/<int:story_id>/boekje.pdf", views.story_booklet, name="story_booklet"),
    path("woorden-en-beelden/<int:story_id>/bladzijde/nieuw/", views.page_add, name="page_add"),
    path(
        "woorden-en-beelden/bladzijde/<int:page_id>/aanpassen/", views.page_edit, name="page_edit"
    ),
    path(
        "woorden-en-beelden/bladzijde/<int:page_id>/weg/", views.page_withdraw, name="page_withdraw"
    ),
]
