"""Shipping documents: the commercial invoice and the packing list as PDF bytes.

Pure: `snapshot.py` holds plain dataclasses, `invoice.py` and `packing_list.py` turn them into
PDFs, and only `from_order.py` knows about the Order model. Not a Django app (no models).
"""
