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
        # Runs once in the master (preload_app): what every worker would otherwise load on its
        # first requests (every app's URLs and API schemas, jieba's dictionary with the glossary,
        # pypinyin's tables) is loaded here and shared copy-on-write by the forked workers, so a
        # worker started after max_requests answers at full speed at once. Connections are closed
        # so no worker inherits the master's socket.
        from django.db import connections
        from django.urls import get_resolver

        from tradebridge.search.text import warm_up
        from tradebridge.wsgi import application

        get_resolver().reverse_dict  # noqa: B018  imports every URLconf and fills the reverse map
        warm_up()
        connections.close_all()
        return application


def run(*, bind: str, workers: int, timeout: int) -> None:
    _Server(
        {
            "bind": bind,
            "workers": workers,
            "timeout": timeout,
            "accesslog": "-",
            "errorlog": "-",
            # The app loads once in the master (see load) and the workers fork from it.
            "preload_app": True,
            # Recycle workers now and then so a slow leak never takes the site down.
            "max_requests": 2000,
            "max_requests_jitter": 200,
            # Bodies above this are refused by our middleware; headers beyond it are refused here.
            "limit_request_field_size": 8190,
        }
    ).run()
