"""`aktindsigt serve`: the web service on the configured store."""

from __future__ import annotations

import argparse


def register(sub: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    parser = sub.add_parser("serve", help="start the web service (API and caseworker UI)")
    parser.add_argument("--host", default=None, help="interface to bind (default from settings)")
    parser.add_argument("--port", type=int, default=None, help="port (default from settings)")
    parser.set_defaults(handler=run)


def run(args: argparse.Namespace) -> int:
    import uvicorn

    from app.main import create_app
    from app.settings import get_settings

    settings = get_settings()
    uvicorn.run(
        create_app(settings),
        host=args.host or settings.host,
        port=args.port or settings.port,
        log_level="info",
    )
    return 0
