"""`aktindsigt user add` and `aktindsigt apikey add`: access for people and systems."""

from __future__ import annotations

import argparse
import getpass
import secrets
import sys

from app.cli.errors import CliError
from app.db import migrate, session_scope
from app.errors import AppError
from app.models.api_key import API_KEY_ROLES
from app.models.user import USER_ROLES
from app.services.api_keys import create_api_key
from app.services.users import create_user
from app.settings import get_settings

CLI_ACTOR = "cli:0:admin"


def register(sub: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    user = sub.add_parser("user", help="manage UI users").add_subparsers(
        dest="user_command", required=True, metavar="ACTION"
    )
    add = user.add_parser("add", help="create a user (clerk, caseworker or admin)")
    add.add_argument("email")
    add.add_argument("--role", required=True, choices=USER_ROLES)
    add.add_argument(
        "--password-stdin", action="store_true", help="read the password from standard input"
    )
    add.set_defaults(handler=add_user)

    apikey = sub.add_parser("apikey", help="manage API keys").add_subparsers(
        dest="apikey_command", required=True, metavar="ACTION"
    )
    key = apikey.add_parser("add", help="create an API key; it is printed once")
    key.add_argument("name")
    key.add_argument("--role", default="integration", choices=API_KEY_ROLES)
    key.add_argument("--webhook-url", default=None, help="POST signed notices here")
    key.set_defaults(handler=add_api_key)


def _password(args: argparse.Namespace) -> tuple[str, bool]:
    """(password, generated)."""
    if args.password_stdin:
        password = sys.stdin.readline().rstrip("\r\n")
        if not password:
            raise CliError("no password on standard input")
        return password, False
    if sys.stdin.isatty():
        first = getpass.getpass("Adgangskode: ")
        if first != getpass.getpass("Gentag adgangskode: "):
            raise CliError("the passwords differ")
        return first, False
    return secrets.token_urlsafe(15), True


def add_user(args: argparse.Namespace) -> int:
    settings = get_settings()
    password, generated = _password(args)
    migrate(settings)
    try:
        with session_scope(settings) as session:
            user = create_user(session, CLI_ACTOR, args.email, args.role, password)
    except AppError as exc:
        raise CliError(f"{args.email}: {exc.detail}") from None
    sys.stdout.write(f"user {user.email} created with role {user.role}\n")
    if generated:
        sys.stdout.write(f"password (shown once): {password}\n")
    return 0


def add_api_key(args: argparse.Namespace) -> int:
    settings = get_settings()
    migrate(settings)
    try:
        with session_scope(settings) as session:
            created = create_api_key(session, CLI_ACTOR, args.name, args.role, args.webhook_url)
    except AppError as exc:
        raise CliError(f"{args.name}: {exc.detail}") from None
    sys.stdout.write(created.key + "\n")
    if created.webhook_secret:
        sys.stderr.write(
            f"webhook signing secret (shown once; verify X-Aktindsigt-Signature with it): "
            f"{created.webhook_secret}\n"
        )
    return 0
