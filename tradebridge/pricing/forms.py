from django import forms
from django.utils.translation import gettext_lazy as _


class RatesUploadForm(forms.Form):
    file = forms.FileField(label=_("Rates file (CSV)"), help_text=_("Columns: base, quote, rate, valid_from, source."))

    def clean_file(self):
        upload = self.cleaned_data["file"]
        if upload.size > 2 * 1024 * 1024:
            raise forms.ValidationError(_("The file is larger than 2 MB."))
        try:
            return upload.read().decode("utf-8-sig")
        except UnicodeDecodeError:
            raise forms.ValidationError(_("The file is not UTF-8 text.")) from None
