from django.urls import path

from samenopweg.cases import views

app_name = "cases"
urlpatterns = [
    path("trajecten/<str:reference>/aanpassen/", views.edit, name="edit"),
    path("trajecten/<str:reference>/fase/", views.change_stage, name="stage"),
    path(
        "trajecten/<str:reference>/team/<int:grant_id>/beeindigen/",
        views.end_grant,
        name="grant_end",
    ),
    path("trajecten/<str:reference>/audit/", views.trajectory_audit, name="audit"),
    path(
        "trajecten/<str:reference>/bestanden/<int:upload_id>/",
        views.upload_file,
        name="upload_file",
    ),
    path("meldingen/<int:alert_id>/gezien/", views.acknowledge_alert, name="alert_ack"),
]
