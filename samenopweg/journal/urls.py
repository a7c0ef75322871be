from django.urls import path

from samenopweg.journal import views

app_name = "journal"
urlpatterns = [
    path("logboek/", views.journal_list, name="list"),
    path("logboek/<int:entry_id>/corrigeren/", views.journal_edit, name="edit"),
    path("logboek/<int:entry_id>/intrekken/", views.journal_withdraw, name="withdraw"),
    path("logboek/<int:entry_id>/geschiedenis/", views.journal_history, name="history"),
    path("taken/", views.task_list, name="tasks"),
    path("taken/<int:task_id>/aanpassen/", views.task_edit, name="task_edit"),
    path("taken/<int:task_id>/gedaan/", views.task_done, name="task_done"),
]
