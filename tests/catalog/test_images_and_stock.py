"""Product images (checked, thumbnailed) and inline stock edits, through the supplier pages."""

import io

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from PIL import Image

from tests import factories
from tests.catalog.factories import product as make_product
from tradebridge.catalog.models import ProductImage

pytestmark = pytest.mark.django_db


def _png(width=1200, height=900) -> SimpleUploadedFile:
    buffer = io.BytesIO()
    Image.new("RGB", (width, height), (12, 80, 140)).save(buffer, "PNG")
    return SimpleUploadedFile("photo.png", buffer.getvalue(), content_type="image/png")


def test_an_uploaded_image_gets_a_thumbnail(supplier, client_for):
    item = make_product(supplier.company)
    response = client_for(supplier).post(f"/supplier/products/{item.pk}/images/", {"image": _png()})
    assert response.status_code == 302
    image = ProductImage.objects.get(product=item)
    with Image.open(image.thumbnail.path) as thumb:
        assert max(thumb.size) <= 480 and thumb.format == "JPEG"
    assert image.file.name.endswith(".png")


@pytest.mark.parametrize(
    ("upload", "expected"),
    [
        (SimpleUploadedFile("notes.png", b"this is not an image", content_type="image/png"), "image"),
        (None, "megapixels"),
    ],
)
def test_bad_images_are_refused_with_a_field_error(supplier, client_for, upload, expected):
    if upload is None:
        upload = _png(8000, 6000)  # 48 megapixels: a decompression bomb's shape, refused before decoding
    item = make_product(supplier.company)
    response = client_for(supplier).post(f"/supplier/products/{item.pk}/images/", {"image": upload})
    assert response.status_code == 400
    assert expected in " ".join(response.context["image_form"].errors["image"]).lower()
    assert not ProductImage.objects.exists()


def test_images_cannot_be_added_to_another_suppliers_product(supplier, client_for):
    theirs = make_product(factories.member(kind="supplier").company)
    response = client_for(supplier).post(f"/supplier/products/{theirs.pk}/images/", {"image": _png()})
    assert response.status_code == 404
    assert not ProductImage.objects.exists()


def test_inline_stock_edit_answers_with_the_cell(supplier, client_for):
    variant = make_product(supplier.company).variants.get()
    client = client_for(supplier)
    saved = client.post(f"/supplier/variants/{variant.pk}/stock/", {"stock_on_hand": "120"}, HTTP_HX_REQUEST="true")
    assert saved.status_code == 200 and 'value="120"' in saved.content.decode()
    refused = client.post(f"/supplier/variants/{variant.pk}/stock/", {"stock_on_hand": "-5"}, HTTP_HX_REQUEST="true")
    assert refused.status_code == 400 and "field-error" in refused.content.decode()
    variant.refresh_from_db()
    assert variant.stock_on_hand == 120
