"""The HTTP API and dashboard (``warta serve``): ``create_app(db)`` is the ASGI app."""

from __future__ import annotations

from warta.api.app import create_app

__all__ = ["create_app"]
