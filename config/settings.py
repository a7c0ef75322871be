"""Settings, read from the environment (see docs/CONFIGURATION.md)."""

from pathlib import Path

import dj_database_url
from csp.constants import NONE, SELF
from django.core.exceptions import ImproperlyConfigured
from django.utils.translation import gettext_lazy as _

from config.env import env_bool, env_int, env_list, env_str

BASE_DIR = Path(__file__).resolve().parent.parent
VAR_DIR = Path(env_str("SAMENOPWEG_VAR_DIR", str(BASE_DIR / "var")))

DEBUG = env_bool("DJANGO_DEBUG", True)
SECRET_KEY = env_str("DJANGO_SECRET_KEY")
if not SECRET_KEY:
    if not DEBUG:
        raise ImproperlyConfigured("DJANGO_SECRET_KEY must be set when DJANGO_DEBUG is off.")
    SECRET_KEY = "dev-only-insecure-key-never-use-in-production"

ALLOWED_HOSTS = env_list("DJANGO_ALLOWED_HOSTS", ["127.0.0.1", "localhost", "testserver"])
CSRF_TRUSTED_ORIGINS = env_list("DJANGO_CSRF_TRUSTED_ORIGINS", [])

# Demo accounts have a known password: the loader refuses to run unless this is on
# (`make run` turns it on; it is never on by default).
DEMO_MODE = env_bool("SAMENOPWEG_DEMO", False)
# Adds the bare baseline view that `make bench` compares against.
BENCH_MODE = env_bool("SAMENOPWEG_BENCH", False)

INSTALLED_APPS = [
    "django.contrib.admin",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "whitenoise.runserver_nostatic",
    "django.contrib.staticfiles",
    "django_htmx",
    "template_partials",
    "axes",
    "csp",
    "django_otp",
    "django_otp.plugins.otp_totp",
    "django_otp.plugins.otp_static",
    "samenopweg.core",
    "samenopweg.plainlanguage",
    "samenopweg.accounts",
    "samenopweg.audit",
    "samenopweg.cases",
    "samenopweg.people",
    "samenopweg.journal",
    "samenopweg.assessments",
    "samenopweg.safety_plans",
    "samenopweg.child_voice",
    "samenopweg.feedback",
    "samenopweg.reviews",
    "samenopweg.reports",
    "samenopweg.closure",
    "samenopweg.dashboard",
    "samenopweg.portal",
    "samenopweg.retention",
    "samenopweg.demo",
]

MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    "csp.middleware.CSPMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.locale.LocaleMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "samenopweg.core.unavailable.DatabaseUnavailableMiddleware",
    "samenopweg.core.headers.PrivateCacheMiddleware",
    "django_otp.middleware.OTPMiddleware",
    "samenopweg.accounts.middleware.UserLanguageMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "samenopweg.accounts.middleware.SecondFactorMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "django_htmx.middleware.HtmxMiddleware",
    "samenopweg.core.middleware.ExpiredSessionFormMiddleware",
    "axes.middleware.AxesMiddleware",
]

ROOT_URLCONF = "config.urls"
WSGI_APPLICATION = "config.wsgi.application"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [BASE_DIR / "templates"],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.request",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
                "django.template.context_processors.i18n",
                "samenopweg.core.middleware.saved_forms",
            ],
        },
    }
]
if not DEBUG:
    # Cache compiled templates in production; in DEBUG Django reloads them.
    TEMPLATES[0]["APP_DIRS"] = False
    TEMPLATES[0]["OPTIONS"]["loaders"] = [  # type: ignore[index]
        (
            "django.template.loaders.cached.Loader",
            [
                "django.template.loaders.filesystem.Loader",
                "django.template.loaders.app_directories.Loader",
            ],
        )
    ]

DATABASE_URL = env_str("DATABASE_URL", f"sqlite:///{VAR_DIR / 'samenopweg.sqlite3'}")
DATABASES = {
    "default": dj_database_url.parse(DATABASE_URL, conn_max_age=env_int("DB_CONN_MAX_AGE", 60))
}
if DATABASES["default"]["ENGINE"] == "django.db.backends.sqlite3":
    Path(DATABASES["default"]["NAME"]).parent.mkdir(parents=True, exist_ok=True)
    # WAL lets readers go on while one writer writes; IMMEDIATE avoids lock upgrades mid-transaction.
    DATABASES["default"]["OPTIONS"] = {
        "transaction_mode": "IMMEDIATE",
        "timeout": 20,
        "init_command": (
            "PRAGMA journal_mode=WAL; PRAGMA synchronous=NORMAL; PRAGMA foreign_keys=ON; "
            "PRAGMA busy_timeout=20000; PRAGMA cache_size=-65536; PRAGMA mmap_size=268435456;"
        ),
    }
    DATABASES["default"]["CONN_MAX_AGE"] = 0 if DEBUG else None
elif DATABASES["default"]["ENGINE"] == "django.db.backends.postgresql":
    # For the app's own sessions (docs/CONFIGURATION.md): JIT off, as every query here is short
    # and PostgreSQL's JIT compiled the dashboard's ranking for 550 ms to save a few; and the
    # cost of a random read as on an SSD or a database held in memory (the default, 4, is for
    # spinning disks and made the planner read every trajectory instead of 2,000 by index).
    DATABASES["default"].setdefault("OPTIONS", {})["options"] = env_str(
        "DB_PG_OPTIONS", "-c jit=off -c random_page_cost=1.1"
    )
DATABASES["default"]["TEST"] = {"NAME": env_str("DJANGO_TEST_DB_NAME") or None}

DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"
AUTH_USER_MODEL = "accounts.User"

AUTHENTICATION_BACKENDS = [
    "axes.backends.AxesStandaloneBackend",
    "django.contrib.auth.backends.ModelBackend",
]
AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {
        "NAME": "django.contrib.auth.password_validation.MinimumLengthValidator",
        "OPTIONS": {"min_length": 10},
    },
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]
LOGIN_URL = "login"
LOGIN_REDIRECT_URL = "home"
LOGOUT_REDIRECT_URL = "login"

# Login rate limiting (django-axes): lock a username+address pair after repeated failures.
AXES_FAILURE_LIMIT = env_int("AXES_FAILURE_LIMIT", 5)
# A flood of wrong passwords from one address locks only that username from that address, for
# a short while: the real user on another device or address still gets in (and then needs the
# second factor). See docs/CONFIGURATION.md, "Two-factor login".
AXES_COOLOFF_TIME = env_int("AXES_COOLOFF_MINUTES", 15) / 60  # hours
AXES_LOCKOUT_PARAMETERS = [["username", "ip_address"]]
AXES_LOCKOUT_TEMPLATE = "registration/locked_out.html"
AXES_RESET_ON_SUCCESS = True
AXES_VERBOSE = False
AXES_ENABLED = env_bool("AXES_ENABLED", True)

# Two-factor login (TOTP with recovery codes, django-otp): required for professionals, admins
# and auditors in production; off by default in development and always off in the demo, whose
# logins use the password "demo" only.
REQUIRE_2FA = env_bool("SAMENOPWEG_REQUIRE_2FA", not DEBUG and not DEMO_MODE)
OTP_TOTP_ISSUER = "Samen op weg"
# Wrong codes wait 1, 2, 4, 8 … seconds (per device) before the next try is checked.
OTP_TOTP_THROTTLE_FACTOR = 1
OTP_STATIC_THROTTLE_FACTOR = 1
# The admin never shows a TOTP key or a recovery code (an admin could log in as that person).
OTP_ADMIN_HIDE_SENSITIVE_DATA = True

# Sessions end after a working day, and when the browser closes.
SESSION_COOKIE_AGE = env_int("SESSION_COOKIE_AGE", 8 * 60 * 60)
SESSION_EXPIRE_AT_BROWSER_CLOSE = True
SESSION_COOKIE_HTTPONLY = True
SESSION_COOKIE_SAMESITE = "Lax"
CSRF_COOKIE_HTTPONLY = True

HTTPS = env_bool("DJANGO_HTTPS", not DEBUG)
SESSION_COOKIE_SECURE = HTTPS
CSRF_COOKIE_SECURE = HTTPS
SECURE_SSL_REDIRECT = env_bool("DJANGO_SSL_REDIRECT", HTTPS)
SECURE_HSTS_SECONDS = env_int("DJANGO_HSTS_SECONDS", 31536000 if HTTPS else 0)
SECURE_HSTS_INCLUDE_SUBDOMAINS = HTTPS
SECURE_HSTS_PRELOAD = HTTPS
SECURE_PROXY_SSL_HEADER = (
    ("HTTP_X_FORWARDED_PROTO", "https") if env_bool("DJANGO_BEHIND_PROXY", False) else None
)
SECURE_CONTENT_TYPE_NOSNIFF = True
SECURE_REFERRER_POLICY = "same-origin"
X_FRAME_OPTIONS = "DENY"
SECURE_REDIRECT_EXEMPT = [r"^healthz$"]
# Only our own files run or style a page: no inline script, style attribute or event handler
# anywhere (tests/test_security_headers.py scans the templates). Pictures may be data: URLs.
# The Django admin works under the same policy (its scripts are files since Django 4).
CONTENT_SECURITY_POLICY = {
    "DIRECTIVES": {
        "default-src": [SELF],
        "script-src": [SELF],
        "style-src": [SELF],
        "img-src": [SELF, "data:"],
        "object-src": [NONE],
        "base-uri": [NONE],
        "frame-ancestors": [NONE],
        "form-action": [SELF],
    }
}

LANGUAGE_CODE = "nl-be"
# French is for the family's pages (portal) and their PDFs and mails; professionals work in Dutch
# or English.
LANGUAGES = [("nl-be", _("Nederlands")), ("en", _("English")), ("fr", _("Français"))]
LOCALE_PATHS = [BASE_DIR / "locale"]
FORMAT_MODULE_PATH = ["config.formats"]
TIME_ZONE = "Europe/Brussels"
USE_I18N = True
USE_TZ = True

STATIC_URL = "static/"
STATIC_ROOT = BASE_DIR / "staticfiles"
STATICFILES_DIRS = [BASE_DIR / "static"]
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {
        "BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"
        if DEBUG
        else "whitenoise.storage.CompressedManifestStaticFilesStorage"
    },
}
WHITENOISE_USE_FINDERS = DEBUG

EMAIL_BACKEND = env_str(
    "DJANGO_EMAIL_BACKEND",
    "django.core.mail.backends.console.EmailBackend"
    if DEBUG
    else "django.core.mail.backends.smtp.EmailBackend",
)
EMAIL_HOST = env_str("DJANGO_EMAIL_HOST", "localhost")
EMAIL_PORT = env_int("DJANGO_EMAIL_PORT", 25)
# Where the app is reached; used for links in e-mails. Required in production. Unset (in
# development), a link follows the address the request came in on (cases.services.site_link).
SITE_URL = env_str("SAMENOPWEG_SITE_URL").strip().rstrip("/")
if SITE_URL and not SITE_URL.startswith(("https://", "http://")):
    raise ImproperlyConfigured("SAMENOPWEG_SITE_URL must start with https:// (or http://).")
if not SITE_URL and not DEBUG:
    raise ImproperlyConfigured(
        "SAMENOPWEG_SITE_URL must be set when DJANGO_DEBUG is off (e.g. https://samenopweg.example.org)."
    )
SITE_URL_FOLLOWS_REQUEST = not SITE_URL
SITE_URL = SITE_URL or "http://127.0.0.1:8000"
DEFAULT_FROM_EMAIL = env_str(
    "DJANGO_DEFAULT_FROM_EMAIL", "Samen op weg <noreply@samenopweg.invalid>"
)

# Every record is printed once, by the root's handler. Django's own defaults give the "django"
# logger a console handler (when DEBUG) and an admin mail handler and let it propagate to the
# root, so each Django line came out twice; here "django" keeps its level (INFO) and has no
# handler of its own (ADMINS is not set: the mail handler sent nothing). Configuring "django"
# resets its children, so "django.server" (runserver's request lines) gets Django's own
# handler and format back explicitly, without propagating.
LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "formatters": {
        "django.server": {
            "()": "django.utils.log.ServerFormatter",
            "format": "[{server_time}] {message}",
            "style": "{",
        }
    },
    "handlers": {
        "console": {"class": "logging.StreamHandler"},
        "django.server": {
            "class": "logging.StreamHandler",
            "formatter": "django.server",
            "level": "INFO",
        },
    },
    "root": {"handlers": ["console"], "level": env_str("DJANGO_LOG_LEVEL", "WARNING")},
    "loggers": {
        "django": {"handlers": [], "level": "INFO", "propagate": True},
        "django.server": {"handlers": ["django.server"], "level": "INFO", "propagate": False},
    },
}

# After a trajectory closes, its workers (hulpverleners) keep read access this many days (to
# finish their own notes and hand over), then it ends (cases.services.change_stage).
WORKER_ACCESS_AFTER_CLOSURE_DAYS = env_int("SAMENOPWEG_WORKER_ACCESS_AFTER_CLOSURE_DAYS", 30)

# How long a draft of a long text is kept after its last autosave.
DRAFT_RETENTION_DAYS = env_int("SAMENOPWEG_DRAFT_RETENTION_DAYS", 30)

# Uploaded pictures (Words and Pictures): outside the web root, served only through the item
# rule (cases.views.upload_file). Pillow checks, shrinks and re-encodes every one.
UPLOAD_ROOT = Path(env_str("SAMENOPWEG_UPLOAD_DIR", str(VAR_DIR / "uploads")))
MAX_UPLOAD_BYTES = env_int("SAMENOPWEG_MAX_UPLOAD_BYTES", 8 * 1024 * 1024)
# `manage.py backup` (samenopweg.core.backup): where archives go without --output, and where
# pg_dump/pg_restore are when they are not on PATH.
BACKUP_DIR = Path(env_str("SAMENOPWEG_BACKUP_DIR", str(VAR_DIR / "backups")))
PG_BIN_DIR = env_str("SAMENOPWEG_PG_BIN_DIR", "")
# Bigger uploads go to a temporary file instead of memory while they are checked.
FILE_UPLOAD_MAX_MEMORY_SIZE = 2 * 1024 * 1024
