"""Google Merchant feeds: TSV weights and prices, RSS/Atom items, broken XML."""

from __future__ import annotations

from decimal import Decimal

from tradebridge.catalog.importers.merchant import base_title
from tradebridge.catalog.importers.reader import open_catalog
from tradebridge.catalog.importers.xml_feed import read_xml_rows

from .conftest import FIXTURES, by_handle, read_all

RSS = """<?xml version="1.0" encoding="UTF-8"?>
<rss version="2.0" xmlns:g="http://base.google.com/ns/1.0">
<channel>
<title>Shop</title>
<language>zh-CN</language>
{items}
</channel>
</rss>
"""
ITEM = """<item>
  <g:id>{id}</g:id>
  <g:title>{title}</g:title>
  <g:description><![CDATA[{description}]]></g:description>
  <g:price>{price}</g:price>
  <g:image_link>https://example.com/{id}.jpg</g:image_link>
  <g:additional_image_link>https://example.com/{id}-2.jpg</g:additional_image_link>
  <g:additional_image_link>https://example.com/{id}-3.jpg</g:additional_image_link>
  <g:shipping><g:country>GB</g:country><g:price>3.50 GBP</g:price></g:shipping>
  <g:shipping_weight>250 g</g:shipping_weight>
</item>
"""


def item(**values) -> str:
    values = {"title": "Tea", "description": "Good tea.", "price": "4.20 GBP", **values}
    return ITEM.format(**values)


def test_tsv_weights_lengths_prices_and_groups():
    products, errors = read_all(FIXTURES / "merchant_weights.tsv")
    assert errors == []
    found = by_handle(products)
    oil = found["oil-250"]
    assert oil.currency == "EUR" and oil.variants[0].price == Decimal("4.20")  # "4,20 €"
    assert oil.variants[0].weight_g == Decimal("2500")  # "2.5 kg"
    assert oil.variants[0].length_cm == Decimal("20")
    assert oil.certifications == ["vegan"]  # from custom_label_0
    assert oil.published is None  # availability says nothing about publishing
    socks = found["socks"]
    assert socks.title == "Wool socks"
    assert socks.currency == "USD" and socks.variants[0].price == Decimal("12.5")
    assert [v.weight_g for v in socks.variants] == [Decimal("340.194"), Decimal("453.592")]  # 12 oz, 1 lb
    assert socks.variants[0].length_cm == Decimal("20.32")  # 8 in
    assert [(w.row, w.column, w.code) for w in socks.warnings] == [(4, "gtin", "gtin_check_digit")]


def test_base_title():
    assert base_title("Glacier Jacket — Black, Size M", ["Black", "M"]) == "Glacier Jacket"
    assert base_title("KEN - Mid Rise Bar - 72cm", ["72cm"]) == "KEN - Mid Rise Bar"
    assert base_title("Plain title", ["Black"]) == "Plain title"


def test_rss_items(write):
    path = write("feed.xml", RSS.format(items=item(id="T1") + item(id="T2", title="Green tea", price="£3")))
    products, errors = read_all(path)
    assert errors == []
    first, second = products
    assert first.rows == [6] and second.rows == [17]  # the lines the items start on
    assert first.language == "zh"  # the channel's <language>
    assert first.image_urls == [
        "https://example.com/T1.jpg",
        "https://example.com/T1-2.jpg",
        "https://example.com/T1-3.jpg",
    ]
    assert first.variants[0].weight_g == Decimal("250")
    assert second.variants[0].price == Decimal("3") and second.currency == "GBP"


def test_atom_feed(write):
    atom = (
        '<?xml version="1.0"?>\n<feed xmlns="http://www.w3.org/2005/Atom" xmlns:g="http://base.google.com/ns/1.0">\n'
        '<entry><g:id>A1</g:id><title>Atom tea</title><link href="https://example.com/a1"/>'
        "<g:price>2.00 EUR</g:price></entry>\n</feed>\n"
    )
    assert open_catalog(write("feed.xml", atom)).format == "merchant_xml"
    [product], _ = read_all(write("feed.xml", atom))
    assert (product.handle, product.title, product.currency) == ("a1", "Atom tea", "EUR")


def test_broken_xml_keeps_what_came_before(write):
    broken = RSS.format(items=item(id="OK1") + "<item><g:id>BAD</g:id><g:title>x</g:titel></item>")
    products, errors = read_all(write("feed.xml", broken))
    assert [p.handle for p in products] == ["ok1"]
    [error] = errors
    assert error.code == "xml_malformed" and error.row == 17


def test_the_parser_itself_refuses_a_dtd(write):
    # Belt and braces: open_catalog refuses a DTD it sees at the start of the file, and the
    # streaming parser refuses one wherever it is (say, after a comment longer than that start).
    feed = (
        '<?xml version="1.0"?><!--' + "x" * 70_000 + '--><!DOCTYPE rss [<!ENTITY a "b">]>'
        '<rss xmlns:g="http://base.google.com/ns/1.0"><channel><item><g:id>&a;</g:id></item></channel></rss>'
    )
    assert [r.code for r in read_xml_rows(write("feed.xml", feed))] == ["unsafe_xml"]


def test_item_priced_in_another_currency_is_refused(write):
    tsv = (
        "id\ttitle\tprice\titem_group_id\tsize\tlink\n"
        "S1\tSock S\t1.00 GBP\tsock\tS\thttps://e.com\n"
        "S2\tSock L\t1.00 EUR\tsock\tL\thttps://e.com\n"
    )
    [product], errors = read_all(write("f.tsv", tsv))
    assert [v.sku for v in product.variants] == ["S1"]
    assert [(e.row, e.column, e.code) for e in errors] == [(3, "price", "currency_mismatch")]
