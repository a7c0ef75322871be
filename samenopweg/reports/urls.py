from django.urls import path

from samenopweg.reports import views

app_name = "reports"
urlpatterns = [
    path("jeugdrechter/", views.overview, name="overview"),
    path("jeugdrechter/nieuw/", views.report_new, name="report_new"),
    path("jeugdrechter/<int:report_id>/", views.detail, name="detail"),
    path("jeugdrechter/<int:report_id>/aanpassen/", views.report_edit, name="report_edit"),
    path("jeugdrechter/<int:report_id>/delen/", views.share, name="share"),
    path("jeugdrechter/<int:report_id>/afronden/", views.finish, name="finish"),
    path("jeugdrechter/<int:report_id>/verslag.pdf", views.report_pdf, name="pdf"),
    # The family summary at the parents' level (reports.summary); the family's own is on /mijn/.
    path("samenvatting/", views.family_summary, name="family_summary"),
    path("samenvatting.pdf", views.family_summary_pdf, name="family_summary_pdf"),
]
