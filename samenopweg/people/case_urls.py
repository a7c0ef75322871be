"""The case pages that need persons (people.case_views), under their own namespace."""

from django.urls import path

from samenopweg.people import case_views

app_name = "case_people"
urlpatterns = [
    path("trajecten/nieuw/", case_views.register, name="register"),
    path("trajecten/<str:reference>/veiligheid/", case_views.safety, name="safety"),
    path("trajecten/<str:reference>/team/", case_views.case_team, name="team"),
]
