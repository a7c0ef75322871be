from django.urls import path

from samenopweg.assessments.views import map as map_views
from samenopweg.assessments.views import print as print_views
from samenopweg.assessments.views import scaling, statements

app_name = "assessments"
urlpatterns = [
    path("kaart/", map_views.map_page, name="map"),
    path("kaart/overzicht/", print_views.overview, name="overview"),
    path("kaart/overzicht.pdf", print_views.overview_pdf, name="overview_pdf"),
    path("kaart/gesprek/nieuw/", map_views.session_add, name="map_session_add"),
    path("kaart/samenvoegen/", map_views.merge, name="map_merge"),
    path("kaart/regels/<int:entry_id>/aanpassen/", map_views.entry_edit, name="map_entry_edit"),
    path("kaart/regels/<int:entry_id>/verplaatsen/", map_views.entry_move, name="map_entry_move"),
    path(
        "kaart/regels/<int:entry_id>/intrekken/",
        map_views.entry_withdraw,
        name="map_entry_withdraw",
    ),
    path("wat/", statements.statements, name="statements"),
    path("wat/status/", statements.statement_status, name="statement_status"),
    path("wat/geschiedenis/", statements.statement_history, name="statement_history"),
    path("wat/gedeeld/<int:number>/", statements.statement_shared, name="statement_shared"),
    path("wat/gevaarsboodschappen/nieuw/", statements.statement_create, name="statement_create"),
    path(
        "wat/gevaarsboodschappen/<int:statement_id>/aanpassen/",
        statements.statement_edit,
        name="statement_edit",
    ),
    path(
        "wat/gevaarsboodschappen/<int:statement_id>/intrekken/",
        statements.statement_withdraw,
        name="statement_withdraw",
    ),
    path("wat/doelen/nieuw/", statements.goal_create, name="goal_create"),
    path("wat/doelen/<int:goal_id>/aanpassen/", statements.goal_edit, name="goal_edit"),
    path("wat/doelen/<int:goal_id>/intrekken/", statements.goal_withdraw, name="goal_withdraw"),
    path("wat/bodemeisen/nieuw/", statements.bottom_line_create, name="bottom_line_create"),
    path(
        "wat/bodemeisen/<int:bottom_line_id>/aanpassen/",
        statements.bottom_line_edit,
        name="bottom_line_edit",
    ),
    path(
        "wat/bodemeisen/<int:bottom_line_id>/intrekken/",
        statements.bottom_line_withdraw,
        name="bottom_line_withdraw",
    ),
    path(
        "wat/reactie/<str:target>/<int:target_id>/",
        statements.statement_comment,
        name="statement_comment",
    ),
    path("schaal/", scaling.scaling, name="scaling"),
    path("schaal/nieuw/", scaling.scaling_new, name="scaling_new"),
]
