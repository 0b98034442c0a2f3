"""Essaim's one settings module: every value comes from the environment.

See docs/configuration.md.
"""

from pathlib import Path

import dj_database_url
from django.core.exceptions import ImproperlyConfigured
from django.utils.csp import CSP

from essaim.env import default_data_dir, env_bool, env_choice, env_int, env_list, env_path, env_str

BASE_DIR = Path(__file__).resolve().parent
DATA_DIR = default_data_dir()

# A key that is only good for development and tests; production refuses it.
DEMO_SECRET_KEY = "essaim-cle-de-demonstration-a-ne-jamais-utiliser-en-production"
DEBUG = env_bool("ESSAIM_DEBUG", False)
SECRET_KEY = env_str("ESSAIM_SECRET_KEY", DEMO_SECRET_KEY)
if not DEBUG and SECRET_KEY == DEMO_SECRET_KEY:
    raise ImproperlyConfigured(
        "ESSAIM_SECRET_KEY n'est pas défini : la clé de démonstration est refusée hors mode "
        "débogage. Générez une clé, par exemple avec « python -c 'import secrets; "
        "print(secrets.token_urlsafe(50))' »."
    )
if len(SECRET_KEY) < 50:
    raise ImproperlyConfigured("ESSAIM_SECRET_KEY doit compter au moins 50 caractères.")

ALLOWED_HOSTS = env_list("ESSAIM_ALLOWED_HOSTS", ["127.0.0.1", "localhost"])
CSRF_TRUSTED_ORIGINS = env_list("ESSAIM_CSRF_TRUSTED_ORIGINS", [])
SITE_URL = env_str("ESSAIM_SITE_URL", "http://127.0.0.1:8000").rstrip("/")

INSTALLED_APPS = [
    "django.contrib.admin",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "whitenoise.runserver_nostatic",
    "django.contrib.staticfiles",
    "django.contrib.humanize",
    "django_htmx",
    "django_tasks_db",
    "axes",
    "ninja",
    "essaim.formatting",
    "essaim.core",
    "essaim.accounts",
    "essaim.mail",
    "essaim.roles",
    "essaim.attachments",
    "essaim.territories",
    "essaim.organisations",
    "essaim.themes",
    "essaim.governance",
    "essaim.experiments",
    "essaim.evaluation",
    "essaim.dossiers",
    "essaim.scaling",
    "essaim.programmes",
    "essaim.library",
    "essaim.trainings",
    "essaim.registrations",
    "essaim.memberships",
    "essaim.attendance",
    "essaim.surveys",
    "essaim.privacy",
    "essaim.dashboard",
    "essaim.demo",
]

MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.locale.LocaleMiddleware",
    "django.middleware.common.CommonMiddleware",
    "essaim.core.middleware.RequestSizeLimitMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "django.middleware.csp.ContentSecurityPolicyMiddleware",
    "django_htmx.middleware.HtmxMiddleware",
    "axes.middleware.AxesMiddleware",
]

ROOT_URLCONF = "essaim.urls"
FORM_RENDERER = "essaim.core.forms.EssaimFormRenderer"
WSGI_APPLICATION = "essaim.wsgi.application"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.request",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
                "essaim.core.context_processors.navigation",
                "essaim.core.context_processors.kept_page_csrf",
            ],
        },
    }
]

# Databases -----------------------------------------------------------------------------------

SQLITE_OPTIONS = {
    # WAL lets readers go on while one writer writes; IMMEDIATE takes the write lock at the start
    # of a transaction so that concurrent writers wait (busy_timeout) instead of failing.
    "init_command": (
        "PRAGMA journal_mode=WAL;PRAGMA synchronous=NORMAL;PRAGMA busy_timeout=5000;"
        "PRAGMA temp_store=MEMORY;PRAGMA cache_size=-20000;PRAGMA mmap_size=134217728"
    ),
    "transaction_mode": "IMMEDIATE",
}
DATABASE_URL = env_str("DATABASE_URL", f"sqlite:///{DATA_DIR / 'essaim.sqlite3'}")
try:
    DATABASES = {"default": dj_database_url.parse(DATABASE_URL, conn_max_age=60)}
except ValueError as error:
    raise ImproperlyConfigured(
        f"DATABASE_URL n'est pas une adresse de base reconnue : {error}"
    ) from None
if DATABASES["default"]["ENGINE"] == "django.db.backends.sqlite3":
    DATABASES["default"]["CONN_MAX_AGE"] = 0
    DATABASES["default"]["OPTIONS"] = SQLITE_OPTIONS
elif DATABASES["default"]["ENGINE"] != "django.db.backends.postgresql":
    raise ImproperlyConfigured("DATABASE_URL doit désigner une base SQLite ou PostgreSQL.")
else:
    DATABASES["default"]["CONN_HEALTH_CHECKS"] = True
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

# Caches --------------------------------------------------------------------------------------

# Pages kept while their data has not changed (core/page_cache.py), in each process's memory:
# they are checked against the tables' generations in the database, so processes and machines
# never disagree. 0 keeps none.
PAGE_CACHE_ENTRIES = env_int("ESSAIM_PAGE_CACHE_ENTRIES", 300, minimum=0)
CACHES = {
    "default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"},
    "pages": {
        "BACKEND": "django.core.cache.backends.locmem.LocMemCache",
        "LOCATION": "essaim-pages",
        "OPTIONS": {"MAX_ENTRIES": max(PAGE_CACHE_ENTRIES, 1)},
    },
}

# Background tasks ----------------------------------------------------------------------------

TASKS = {
    "default": {
        "BACKEND": env_choice(
            "ESSAIM_TASK_BACKEND",
            "database",
            {
                "database": "django_tasks_db.DatabaseBackend",
                "immediate": "django.tasks.backends.immediate.ImmediateBackend",
            },
        ),
        "QUEUES": ["default"],
    }
}
# The rows of finished tasks hold what they were given (an e-mail's recipient, text and
# attachments): deleted by « essaim scheduled » after these many days.
TASK_RESULTS_KEPT_DAYS = env_int("ESSAIM_TASK_RESULTS_KEPT_DAYS", 7, minimum=1)
FAILED_TASK_RESULTS_KEPT_DAYS = env_int("ESSAIM_FAILED_TASK_RESULTS_KEPT_DAYS", 30, minimum=1)

# Accounts ------------------------------------------------------------------------------------

AUTH_USER_MODEL = "accounts.User"
AUTHENTICATION_BACKENDS = [
    "axes.backends.AxesStandaloneBackend",
    "django.contrib.auth.backends.ModelBackend",
]
PASSWORD_HASHERS = [
    "django.contrib.auth.hashers.Argon2PasswordHasher",
    "django.contrib.auth.hashers.PBKDF2PasswordHasher",
]
AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {"NAME": "django.contrib.auth.password_validation.MinimumLengthValidator"},
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]
# A personal API token works this many days after its creation (and until the password changes).
API_TOKEN_LIFETIME_DAYS = env_int("ESSAIM_API_TOKEN_DAYS", 90, minimum=1)
LOGIN_URL = "accounts:login"
LOGIN_REDIRECT_URL = "core:dashboard"
LOGOUT_REDIRECT_URL = "accounts:login"

# Failed logins: after AXES_FAILURE_LIMIT failures for one address and one account, that pair
# waits AXES_COOLOFF_TIME hours; after LOGIN_ADDRESS_FAILURE_LIMIT failures from one address,
# whatever the accounts tried, that address waits as long (accounts/throttling.py).
AXES_FAILURE_LIMIT = env_int("ESSAIM_LOGIN_FAILURE_LIMIT", 5, minimum=1)
LOGIN_ADDRESS_FAILURE_LIMIT = env_int("ESSAIM_LOGIN_ADDRESS_FAILURE_LIMIT", 30, minimum=1)
AXES_COOLOFF_TIME = 1
AXES_HANDLER = "essaim.accounts.throttling.AccountAndAddressHandler"
AXES_LOCKOUT_PARAMETERS = [["ip_address", "username"], "ip_address"]
AXES_USERNAME_FORM_FIELD = "username"
AXES_LOCKOUT_TEMPLATE = "accounts/lockout.html"
AXES_RESET_ON_SUCCESS = True
AXES_VERBOSE = False
AXES_IPWARE_PROXY_COUNT = env_int("ESSAIM_PROXY_COUNT", 0, minimum=0)

# Internationalisation ------------------------------------------------------------------------

LANGUAGE_CODE = "fr"
LANGUAGES = [("fr", "Français")]
TIME_ZONE = "Europe/Paris"
USE_I18N = True
USE_TZ = True
USE_THOUSAND_SEPARATOR = True

# Static and media files ----------------------------------------------------------------------

STATIC_URL = "/static/"
STATIC_ROOT = env_path("ESSAIM_STATIC_ROOT", DATA_DIR / "static")
MEDIA_URL = "/media/"
MEDIA_ROOT = env_path("ESSAIM_MEDIA_ROOT", DATA_DIR / "media")
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {"BACKEND": "whitenoise.storage.CompressedManifestStaticFilesStorage"},
}
FILE_UPLOAD_MAX_MEMORY_SIZE = 5 * 1024 * 1024
# What a page or the API accepts besides files, and so the whole of a request to a view that
# receives no file; the views that receive files say how much (core/uploads.py, enforced by
# core/middleware.py before the body is read).
DATA_UPLOAD_MAX_MEMORY_SIZE = int(2.5 * 1024 * 1024)

# Mail ----------------------------------------------------------------------------------------

EMAIL_TRANSPORT = env_choice("ESSAIM_EMAIL_BACKEND", "smtp", {"smtp": "smtp", "console": "console"})
if EMAIL_TRANSPORT == "console":
    MAILERS = {"default": {"BACKEND": "essaim.mail.console.EmailBackend"}}
else:
    use_tls = env_bool("ESSAIM_EMAIL_TLS", False)
    use_ssl = env_bool("ESSAIM_EMAIL_SSL", False)
    if use_tls and use_ssl:
        raise ImproperlyConfigured(
            "ESSAIM_EMAIL_TLS et ESSAIM_EMAIL_SSL s'excluent : choisissez-en un."
        )
    MAILERS = {
        "default": {
            "BACKEND": "django.core.mail.backends.smtp.EmailBackend",
            "OPTIONS": {
                "host": env_str("ESSAIM_EMAIL_HOST", "localhost"),
                "port": env_int("ESSAIM_EMAIL_PORT", 25, minimum=1),
                "username": env_str("ESSAIM_EMAIL_USER", ""),
                "password": env_str("ESSAIM_EMAIL_PASSWORD", ""),
                "use_tls": use_tls,
                "use_ssl": use_ssl,
                "timeout": 15,
            },
        }
    }
DEFAULT_FROM_EMAIL = env_str("ESSAIM_DEFAULT_FROM_EMAIL", "Essaim <essaim@example.org>")
SERVER_EMAIL = DEFAULT_FROM_EMAIL
ADMINS = [("Administration", address) for address in env_list("ESSAIM_ADMINS", [])]

# Security ------------------------------------------------------------------------------------

HTTPS = env_bool("ESSAIM_HTTPS", True)
SESSION_COOKIE_SECURE = HTTPS
CSRF_COOKIE_SECURE = HTTPS
SECURE_SSL_REDIRECT = HTTPS
SECURE_HSTS_SECONDS = 31536000 if HTTPS else 0
SECURE_HSTS_INCLUDE_SUBDOMAINS = HTTPS
SECURE_HSTS_PRELOAD = HTTPS
SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https") if HTTPS else None
SECURE_REFERRER_POLICY = "same-origin"
SESSION_COOKIE_AGE = 14 * 24 * 3600
X_FRAME_OPTIONS = "DENY"
# Everything the pages load comes from Essaim itself: no CDN, no inline script.
SECURE_CSP = {
    "default-src": [CSP.SELF],
    "script-src": [CSP.SELF],
    "style-src": [CSP.SELF],
    "img-src": [CSP.SELF, "data:"],
    "font-src": [CSP.SELF],
    "connect-src": [CSP.SELF],
    "object-src": [CSP.NONE],
    "base-uri": [CSP.SELF],
    "form-action": [CSP.SELF],
    "frame-ancestors": [CSP.NONE],
}

LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "handlers": {"console": {"class": "logging.StreamHandler"}},
    "root": {"handlers": ["console"], "level": env_str("ESSAIM_LOG_LEVEL", "INFO").upper()},
}
