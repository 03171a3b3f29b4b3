"""The webhook job: POST a signed notice to the API key's URL; huey retries on failure."""

from __future__ import annotations

import json
import logging
import time

import httpx

from app.db import session_scope
from app.models._base import utcnow
from app.models.api_key import ApiKey
from app.models.document import Document
from app.security import sign_webhook
from app.settings import Settings

log = logging.getLogger(__name__)
SIGNATURE_HEADER = "X-Aktindsigt-Signature"
TIMESTAMP_HEADER = "X-Aktindsigt-Timestamp"


def webhook_body(document: Document, event: str) -> bytes:
    notice = {
        "event": event,
        "document_id": document.id,
        "request_id": document.request_id,
        "status": document.status,
        "release_status": document.release_status,
        "error": document.error,
        "sent_at": utcnow().isoformat(),
    }
    return json.dumps(notice, ensure_ascii=False, sort_keys=True).encode()


def send_webhook(settings: Settings, api_key_id: int, document_id: int, event: str) -> None:
    """Send one notice; an HTTP error or a non-2xx answer raises so huey retries."""
    with session_scope(settings) as session:
        key = session.get(ApiKey, api_key_id)
        document = session.get(Document, document_id)
        if key is None or not key.webhook_url or not key.webhook_secret or document is None:
            return
        url, secret = key.webhook_url, key.webhook_secret
        body = webhook_body(document, event)
    timestamp = str(int(time.time()))
    headers = {
        "Content-Type": "application/json",
        TIMESTAMP_HEADER: timestamp,
        SIGNATURE_HEADER: sign_webhook(secret, timestamp, body),
    }
    response = httpx.post(url, content=body, headers=headers, timeout=settings.webhook_timeout)
    response.raise_for_status()
    log.info("webhook %s for document %s delivered to %s", event, document_id, url)
