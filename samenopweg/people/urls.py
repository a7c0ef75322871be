from django.urls import path

from samenopweg.people import views

app_name = "people"
urlpatterns = [
    path("personen/", views.person_list, name="list"),
    path("personen/nieuw/", views.person_add, name="add"),
    path("personen/<int:person_id>/aanpassen/", views.person_edit, name="edit"),
    path("netwerk/", views.network, name="network"),
    path("netwerk/genogram/", views.diagrams, name="diagrams"),
    path("netwerk/nieuw/", views.network_member_add, name="network_member_add"),
    path(
        "netwerk/<int:member_id>/aanpassen/", views.network_member_edit, name="network_member_edit"
    ),
    path("netwerk/steun/nieuw/", views.child_support_add, name="child_support_add"),
    path(
        "netwerk/steun/<int:support_id>/", views.child_support_change, name="child_support_change"
    ),
    path(
        "netwerk/steun/<int:support_id>/niet-meer/",
        views.child_support_end,
        name="child_support_end",
    ),
    path("netwerk/niet-toegelaten/nieuw/", views.contact_ban_add, name="contact_ban_add"),
    path(
        "netwerk/niet-toegelaten/<int:ban_id>/opheffen/",
        views.contact_ban_lift,
        name="contact_ban_lift",
    ),
    path("netwerk/overleg/nieuw/", views.network_meeting_add, name="network_meeting_add"),
]
