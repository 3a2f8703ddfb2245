"""Django settings, read from the environment through tradebridge.config.

TRADEBRIDGE_ENV is production unless said otherwise; `tradebridge demo` sets demo.
"""

from __future__ import annotations

from pathlib import Path

from django.core.exceptions import ImproperlyConfigured
from django.utils.translation import gettext_lazy as _

from tradebridge import config

try:
    ENV = config.environment()
    DATA_DIR = config.data_dir()
    SECRET_KEY = config.secret_key(ENV, DATA_DIR)
    DATABASES = {"default": config.database(ENV, DATA_DIR)}
    DEBUG = config.env_bool("DEBUG", ENV == "development")
    PRODUCTION = ENV == "production"
    ALLOWED_HOSTS = config.env_list(
        "ALLOWED_HOSTS",
        ["localhost", "127.0.0.1", "[::1]"] + (["testserver"] if ENV == "test" else []),
    )
    CSRF_TRUSTED_ORIGINS = config.env_list("CSRF_TRUSTED_ORIGINS", [])
    HTTPS = config.env_bool("HTTPS", PRODUCTION)
    MAX_REQUEST_BYTES = config.env_int("MAX_REQUEST_BYTES", 10 * 1024 * 1024)
    LOGIN_MAX_FAILURES = config.env_int("LOGIN_MAX_FAILURES", 5)
    LOGIN_LOCKOUT_MINUTES = config.env_int("LOGIN_LOCKOUT_MINUTES", 15)
    INVITATION_DAYS = config.env_int("INVITATION_DAYS", 7)
    JOB_STALE_SECONDS = config.env_int("JOB_STALE_SECONDS", 120)
    TASK_STALE_SECONDS = config.env_int("TASK_STALE_SECONDS", 300)
    FX_MAX_AGE_HOURS = config.env_int("FX_MAX_AGE_HOURS", 72)
    ORDER_UNPAID_CLOSE_DAYS = config.env_int("ORDER_UNPAID_CLOSE_DAYS", 7)
    ORDER_AUTO_CONFIRM_DAYS = config.env_int("ORDER_AUTO_CONFIRM_DAYS", 30)
    ORDER_DISPUTE_DAYS = config.env_int("ORDER_DISPUTE_DAYS", 30)
    COMMISSION_RATE_DEFAULT = config.env_str("COMMISSION_RATE_DEFAULT", "0.03")
    WEBHOOKS_ALLOW_PRIVATE_NETWORKS = config.env_bool("WEBHOOKS_ALLOW_PRIVATE_NETWORKS", ENV != "production")
    PAYMENT_SIMULATOR_SECRET = config.payment_simulator_secret(ENV, DATA_DIR)
except config.ConfigError as exc:
    raise ImproperlyConfigured(str(exc)) from None

INSTALLED_APPS = [
    "tradebridge.core",
    "tradebridge.accounts",
    "tradebridge.companies",
    "tradebridge.catalog",
    "tradebridge.storefront",
    "tradebridge.pricing",
    "tradebridge.search",
    "tradebridge.ledger",
    "tradebridge.webhooks",
    "tradebridge.orders",
    "tradebridge.payments",
    "tradebridge.reviews",
    "django.contrib.admin",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "whitenoise.runserver_nostatic",
    "django.contrib.staticfiles",
    "django.contrib.humanize",
    "ninja",
    "django_tasks",
    "django_tasks_db",
]

# Background work: tasks are rows in the database, run by `tradebridge worker`.
TASKS = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend"}}

MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.locale.LocaleMiddleware",
    "tradebridge.core.middleware.ApiErrorShapeMiddleware",
    "tradebridge.core.middleware.NulInUrlMiddleware",
    "tradebridge.core.middleware.RequestSizeLimitMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "tradebridge.companies.middleware.ActiveCompanyMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "tradebridge.core.middleware.DomainErrorPageMiddleware",
]

ROOT_URLCONF = "tradebridge.urls"
WSGI_APPLICATION = "tradebridge.wsgi.application"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.request",
                "django.template.context_processors.i18n",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
                "tradebridge.companies.context_processors.active_company",
            ],
        },
    },
]

AUTH_USER_MODEL = "accounts.User"
AUTHENTICATION_BACKENDS = ["django.contrib.auth.backends.ModelBackend"]
PASSWORD_HASHERS = [
    "django.contrib.auth.hashers.Argon2PasswordHasher",
    "django.contrib.auth.hashers.PBKDF2PasswordHasher",
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
LOGIN_URL = "accounts:login"
LOGIN_REDIRECT_URL = "core:home"
LOGOUT_REDIRECT_URL = "core:home"

LANGUAGE_CODE = "en"
LANGUAGES = [("en", _("English")), ("zh-hans", _("Simplified Chinese"))]
LOCALE_PATHS = [Path(__file__).resolve().parent / "locale"]
LANGUAGE_COOKIE_NAME = "tb_language"
TIME_ZONE = "UTC"
USE_I18N = True
USE_TZ = True

STATIC_URL = "/static/"
STATIC_ROOT = DATA_DIR / "static"
MEDIA_URL = "/media/"
MEDIA_ROOT = DATA_DIR / "media"
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {
        "BACKEND": (
            "django.contrib.staticfiles.storage.StaticFilesStorage"
            if ENV in {"test", "development"}
            else "whitenoise.storage.CompressedManifestStaticFilesStorage"
        )
    },
}
# Tests and development serve straight from the app folders; demo and production from
# the collected, hashed copies that `demo` and `serve` build first.
WHITENOISE_USE_FINDERS = ENV in {"test", "development"}
WHITENOISE_AUTOREFRESH = ENV in {"test", "development"}

DATA_UPLOAD_MAX_MEMORY_SIZE = MAX_REQUEST_BYTES
FILE_UPLOAD_MAX_MEMORY_SIZE = 2 * 1024 * 1024
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

SESSION_COOKIE_HTTPONLY = True
SESSION_COOKIE_SAMESITE = "Lax"
SESSION_COOKIE_SECURE = HTTPS
CSRF_COOKIE_SECURE = HTTPS
SECURE_SSL_REDIRECT = config.env_bool("SECURE_SSL_REDIRECT", False)
SECURE_HSTS_SECONDS = config.env_int("SECURE_HSTS_SECONDS", 0)
if config.env_bool("BEHIND_TLS_PROXY", False):
    SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")
SECURE_CONTENT_TYPE_NOSNIFF = True
SECURE_REFERRER_POLICY = "same-origin"
X_FRAME_OPTIONS = "DENY"

EMAIL_BACKEND = config.env_str(
    "EMAIL_BACKEND",
    "django.core.mail.backends.smtp.EmailBackend" if PRODUCTION else "django.core.mail.backends.console.EmailBackend",
)
EMAIL_HOST = config.env_str("EMAIL_HOST", "localhost")
EMAIL_PORT = config.env_int("EMAIL_PORT", 25)
EMAIL_HOST_USER = config.env_str("EMAIL_HOST_USER")
EMAIL_HOST_PASSWORD = config.env_str("EMAIL_HOST_PASSWORD")
EMAIL_USE_TLS = config.env_bool("EMAIL_USE_TLS", False)
DEFAULT_FROM_EMAIL = config.env_str("DEFAULT_FROM_EMAIL", "TradeBridge <no-reply@localhost>")

LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "formatters": {"plain": {"format": "%(asctime)s %(levelname)s %(name)s %(message)s"}},
    "handlers": {"console": {"class": "logging.StreamHandler", "formatter": "plain"}},
    "root": {"handlers": ["console"], "level": config.env_str("LOG_LEVEL", "INFO")},
    "loggers": {"django.db.backends": {"level": "WARNING"}},
}
