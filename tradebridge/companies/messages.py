"""Translated messages for the error codes raised by companies, identifiers and accounts."""

from django.utils.translation import gettext_lazy as _

from tradebridge.core.messages import register

register(
    {
        "empty:companies_house_number": _("Enter a Companies House number."),
        "empty:vat_number": _("Enter a UK VAT number."),
        "empty:uscc": _("Enter a unified social credit code."),
        "required:companies_house_number": _("UK suppliers must give their Companies House number."),
        "required:uscc": _("Chinese companies must give their unified social credit code."),
        "required:name": _("Give the company's name."),
        "required:full_name": _("Give your full name."),
        "ch_number_format": _(
            "A Companies House number is 8 digits, or 2 letters followed by 6 digits (e.g. 01234567 or SC123456)."
        ),
        "ch_number_prefix": _("That is not a Companies House number prefix."),
        "ch_number_zero": _("The digits of a Companies House number cannot all be zero."),
        "vat_format": _("A UK VAT number is GB followed by 9 digits (e.g. GB123456782)."),
        "vat_gd_range": _("A government department VAT number is GBGD followed by 000 to 499."),
        "vat_ha_range": _("A health authority VAT number is GBHA followed by 500 to 999."),
        "vat_zero": _("A UK VAT number cannot be all zeros."),
        "vat_checksum": _("This is not a valid UK VAT number. Check it for typing mistakes."),
        "uscc_length": _("A unified social credit code is 18 characters long."),
        "uscc_charset": _("A unified social credit code uses digits and capital letters except I, O, S, V and Z."),
        "uscc_region": _("Characters 3 to 8 of a unified social credit code are the region's 6-digit code."),
        "uscc_checksum": _("This is not a valid unified social credit code. Check it for typing mistakes."),
        "prc_id_length": _("A resident identity card number is 18 characters long."),
        "prc_id_format": _("A resident identity card number is 17 digits followed by a digit or X."),
        "prc_id_birth_date": _("The birth date in this identity card number is not a real date."),
        "prc_id_checksum": _("This is not a valid resident identity card number. Check it for typing mistakes."),
        "identifier_taken": _("Another company is already registered with this number."),
        "country_invalid": _("Use a two-letter ISO country code, e.g. GB or CN."),
        "sector_invalid": _("Choose a sector from the list."),
        "website_invalid": _("A website starts with http:// or https://."),
        "kind_invalid": _("Choose supplier or buyer."),
        "email_invalid": _("Enter a valid email address."),
        "email_taken": _("An account with this email already exists. Sign in instead."),
        "already_registered": _("This email or company number was registered just now."),
        "role_invalid": _("Choose a role from the list."),
        "role_forbidden": _("Your role in this company does not allow this."),
        "already_member": _("This person is already a member."),
        "invitation_invalid": _("This invitation link is not valid any more."),
        "invitation_expired": _("This invitation has expired. Ask for a new one."),
        "invitation_other_email": _("This invitation was sent to another email address."),
        "no_company": _("You need to belong to a company to do this."),
        "wrong_company_kind": _("Your company cannot do this."),
        "verification_illegal_move": _("The company cannot move to that verification status from its current one."),
        "verification_forbidden": _("Only operator or programme agency staff can decide verification."),
        "reason_required": _("Give a reason for the rejection."),
        "status_invalid": _("Choose a verification status from the list."),
        "not_found": _("Not found."),
        "invalid_credentials": _("The email or password is not right."),
        "login_locked": _("Too many failed sign-ins. Try again in a few minutes."),
    }
)
