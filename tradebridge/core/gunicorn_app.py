"""Runs gunicorn in-process with our WSGI app, so `tradebridge serve` needs no config file."""

from __future__ import annotations

from gunicorn.app.base import BaseApplication


class _Server(BaseApplication):
    def __init__(self, options: dict):
        self.options = options
        super().__init__()

    def load_config(self):
        for key, value in self.options.items():
            self.cfg.set(key, value)

    def load(self):
        from tradebridge.wsgi import application

        return application


def run(*, bind: str, workers: int, timeout: int) -> None:
    _Server(
        {
            "bind": bind,
            "workers": workers,
            "timeout": timeout,
            "accesslog": "-",
            "errorlog": "-",
            # Recycle workers now and then so a slow leak never takes the site down.
            "max_requests": 2000,
            "max_requests_jitter": 200,
            # Bodies above this are refused by our middleware; headers beyond it are refused here.
            "limit_request_field_size": 8190,
        }
    ).run()
