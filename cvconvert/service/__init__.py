"""cvconvert over HTTP: ``cvconvert serve`` (the ``serve`` extra: FastAPI on uvicorn).

The service is thin over :mod:`cvconvert.api`: it knows no format. Conversions run in a
bounded pool of worker processes (:mod:`cvconvert.service.pool`), never on the event loop;
the web page at ``/`` calls the same ``/v1`` API. Importing this package is cheap: FastAPI is
imported by :func:`create_app` and :func:`run`.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from cvconvert.service.config import ServiceConfig

if TYPE_CHECKING:
    from fastapi import FastAPI


def create_app(config: ServiceConfig | None = None) -> FastAPI:
    """The ASGI application; its lifespan starts and stops the worker pool."""
    from cvconvert.service.app import create_app as create

    return create(config or ServiceConfig())


def run(config: ServiceConfig) -> None:
    """Serve ``config`` with uvicorn until interrupted (what ``cvconvert serve`` calls)."""
    from cvconvert.service.app import run as serve

    serve(config)


__all__ = ["ServiceConfig", "create_app", "run"]
