from django.urls import include, path

from samenopweg.portal import card_views, plan_views, report_views, views

app_name = "portal"
urlpatterns = [
    path("mijn/", views.home, name="home"),
    path("mijn/<str:reference>/", views.trajectory, name="trajectory"),
    # The safety plan: saying how a rule went, the network member's handout (portal.plan).
    path(
        "mijn/<str:reference>/afspraken/<int:rule_id>/opvolgen/",
        plan_views.check_in,
        name="rule_check_in",
    ),
    path("mijn/<str:reference>/veiligheidsplan.pdf", plan_views.handout, name="plan_handout"),
    path(
        "mijn/<str:reference>/netwerkoverleg/nieuw/",
        plan_views.network_meeting,
        name="network_meeting",
    ),
    path(
        "mijn/<str:reference>/wat-ik-denk/<str:kind>/<int:item_id>/",
        views.own_view,
        name="own_view",
    ),
    path("mijn/<str:reference>/verhalen/<int:story_id>/", views.story, name="story"),
    # Whom to call if the worries come back (portal.card_views, closure.cards).
    path("mijn/<str:reference>/contactkaart/", card_views.contact_card, name="contact_card"),
    path(
        "mijn/<str:reference>/contactkaart.pdf",
        card_views.contact_card_pdf,
        name="contact_card_pdf",
    ),
    # What happened, in short: the family summary (portal.card_views, reports.summary).
    path("mijn/<str:reference>/samenvatting/", card_views.summary, name="summary"),
    path(
        "mijn/<str:reference>/samenvatting.pdf",
        card_views.summary_pdf_download,
        name="summary_pdf",
    ),
    # What we write to the youth judge: the parents' version (portal.report_views).
    path("mijn/<str:reference>/jeugdrechter/", report_views.report, name="report"),
    path(
        "mijn/<str:reference>/jeugdrechter/verslag.pdf", report_views.report_pdf, name="report_pdf"
    ),
    path("mijn/<str:reference>/hoe-gaat-het/", views.feedback_round, name="feedback"),
    path(
        "mijn/<str:reference>/verhalen/<int:story_id>/boekje.pdf",
        views.story_booklet,
        name="story_booklet",
    ),
    # Invitations: the professional invites, the family gets in (/welkom/).
    path("", include("samenopweg.portal.invitation_urls")),
]
