"""Where to send the browser next, without becoming an open redirect."""

from django.utils.http import url_has_allowed_host_and_scheme


def safe_next(request, *names: str) -> str | None:
    for name in names or ("next",):
        target = request.POST.get(name) or request.GET.get(name)
        if target and url_has_allowed_host_and_scheme(target, {request.get_host()}, request.is_secure()):
            return target
    return None
