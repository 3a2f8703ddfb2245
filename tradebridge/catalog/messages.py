"""Translated messages for the catalog's error codes (the domain itself speaks English)."""

from django.utils.translation import gettext_lazy as _

from tradebridge.core.messages import register

register(
    {
        "title_required": _("Give the product a title."),
        "title_required:title_en": _("Give the product a title in English or Chinese."),
        "handle_required": _("Give the product a title."),
        "handle_taken": _("You already have a product with this handle."),
        "too_long": _("Keep this under 300 characters."),
        "variant_required": _("Add at least one SKU."),
        "tiers_required": _("Give at least one price tier."),
        "tier_above_moq": _("The first tier must start at or below the minimum order quantity."),
        "tiers_not_monotonic": _("Unit prices must not rise as the quantity grows."),
        "tier_duplicate": _("Two tiers start at the same quantity."),
        "tier_quantity_invalid": _("Tier quantities start at 1 or more."),
        "tier_price_negative": _("A unit price cannot be negative."),
        "moq_invalid": _("The minimum order quantity must be at least 1."),
        "multiple_invalid": _("The order multiple must be at least 1."),
        "hs_code_invalid": _("An HS code is 4, 6, 8 or 10 digits, e.g. 1905.31 or 6117100000."),
        "currency_invalid": _("Choose a currency from the list."),
        "certification_unknown": _("Choose certifications from the list."),
        "category_unknown": _("No such category."),
        "integer_invalid": _("Enter a whole number."),
        "integer_out_of_range": _("Enter a sensible whole number."),
        "number_invalid": _("Enter a number."),
        "number_out_of_range": _("Enter a number between 0 and 1,000,000,000,000."),
        "sku_invalid": _("A SKU is 1 to 100 characters."),
        "sku_taken": _("You already use this SKU."),
        "gtin_invalid": _("This GTIN's check digit is wrong."),
        "stock_invalid": _("Stock is between 0 and 1,000,000,000."),
        "image_invalid": _("This file is not an image we can read."),
        "image_too_large": _("The image has too many pixels (40 megapixels at most)."),
        "image_type": _("Upload a JPEG, PNG or WebP image."),
        "file_too_large": _("The file is larger than 50 MB."),
        "file_empty": _("The file is empty."),
        "file_not_text": _("This file is not a text (CSV or TSV) file."),
        "file_not_xlsx": _("This file is not an Excel workbook (.xlsx)."),
        "file_zip_bomb": _("This workbook unpacks to far more data than it holds; it was refused for safety."),
        "dimensions_missing": _(
            "The supplier has not given this product's size, which freight is priced by. Ask the supplier."
        ),
        "weight_missing": _(
            "The supplier has not given this product's weight, which this mode is priced by. Ask the supplier."
        ),
        "freight_unavailable": _("The operator has no freight rates for this mode yet."),
        "incoterm_invalid": _("Choose an Incoterm: EXW, FCA, FOB, CFR, CIF, DAP or DDP."),
        "mode_invalid": _("Choose sea freight, air freight or express."),
        "below_moq": _("The quantity is below the minimum order."),
        "not_a_multiple": _("Order in multiples of the order multiple."),
        "quantity_invalid": _("Enter a quantity between 1 and 1,000,000,000."),
        "file_unsafe_xml": _("This XML file declares entities or a DTD, which we refuse for safety."),
    }
)
