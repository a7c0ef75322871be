import os

from django.core.wsgi import get_wsgi_application

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "config.settings")
# The production entry point: DEBUG stays off unless someone turns it on on purpose,
# and then the settings refuse to start without DJANGO_SECRET_KEY.
os.environ.setdefault("DJANGO_DEBUG", "0")
application = get_wsgi_application()

# Each worker pays WeasyPrint's start-up (imports, fonts: about 3 s) now, not the first user
# who prints a map.
if os.environ.get("SAMENOPWEG_WARM_PDF", "1") != "0":
    from samenopweg.core.pdf import warm_up

    warm_up()
