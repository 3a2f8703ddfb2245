"""Form inputs for registration numbers that check themselves as they are typed (htmx)."""

from django import forms
from django.urls import reverse_lazy


def identifier_input(scheme: str) -> forms.TextInput:
    return forms.TextInput(
        attrs={
            "hx-get": reverse_lazy("companies:check-identifier", args=[scheme]),
            "hx-trigger": "input changed delay:400ms, change",
            "hx-target": f"#check-{scheme}",
            "hx_check": "1",
            "autocomplete": "off",
            "spellcheck": "false",
        }
    )
