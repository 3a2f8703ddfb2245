"""Countries offered in forms: where TradeBridge's suppliers and buyers are, ISO 3166-1 codes."""

from django.utils.translation import gettext_lazy as _

COUNTRIES = [
    ("GB", _("United Kingdom")),
    ("CN", _("China")),
    ("HK", _("Hong Kong SAR")),
    ("MO", _("Macao SAR")),
    ("IE", _("Ireland")),
    ("FR", _("France")),
    ("DE", _("Germany")),
    ("IT", _("Italy")),
    ("ES", _("Spain")),
    ("NL", _("Netherlands")),
    ("US", _("United States")),
    ("AU", _("Australia")),
    ("NZ", _("New Zealand")),
    ("SG", _("Singapore")),
    ("JP", _("Japan")),
    ("KR", _("South Korea")),
    ("IN", _("India")),
    ("CA", _("Canada")),
    ("CH", _("Switzerland")),
    ("BE", _("Belgium")),
    ("DK", _("Denmark")),
    ("SE", _("Sweden")),
    ("NO", _("Norway")),
    ("AT", _("Austria")),
    ("PT", _("Portugal")),
    ("PL", _("Poland")),
    ("TH", _("Thailand")),
    ("VN", _("Vietnam")),
    ("MY", _("Malaysia")),
    ("ZA", _("South Africa")),
]
COUNTRY_NAMES = dict(COUNTRIES)
