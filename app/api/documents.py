"""Documents: attach to a request (processed in the background), status, redacted PDF."""

from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, File, UploadFile
from fastapi.responses import FileResponse

from app.api.deps import DocumentWriter, IdPath, OriginalReader, Reader, SessionDep, SettingsDep
from app.api.examples import DOCUMENT_EXAMPLE, error_responses
from app.models.document import DocumentPublic
from app.services import audit
from app.services import documents as document_service
from app.storage import BlobStore

router = APIRouter(tags=["documents"])
PDF_RESPONSE = {"content": {"application/pdf": {"schema": {"type": "string", "format": "binary"}}}}


@router.post(
    "/requests/{request_id}/documents",
    status_code=202,
    summary="Vedhæft et dokument (behandles i baggrunden)",
    description="Multipart-feltet `file` med en PDF. Typen bestemmes af indholdet. Samme fil "
    "to gange til samme anmodning giver det samme dokument.",
    response_model=DocumentPublic,
    responses={
        202: {
            "content": {"application/json": {"example": {**DOCUMENT_EXAMPLE, "status": "queued"}}}
        },
        **error_responses(401, 403, 404, 413, 415, 422),
    },
)
def attach_document(
    request_id: IdPath,
    file: Annotated[UploadFile, File(description="PDF-dokumentet")],
    session: SessionDep,
    principal: DocumentWriter,
    settings: SettingsDep,
) -> DocumentPublic:
    document = document_service.attach_document(
        session,
        principal,
        BlobStore(settings.files_dir),
        request_id,
        file.file,
        file.filename or "dokument.pdf",
        settings.max_upload_bytes,
        settings.job_lease_seconds,
    )
    return document_service.document_public(session, document)


@router.get(
    "/documents/{document_id}",
    summary="Status, fremdrift, sidetal og foreslåede anonymiseringer",
    response_model=DocumentPublic,
    responses={
        200: {"content": {"application/json": {"example": DOCUMENT_EXAMPLE}}},
        **error_responses(401, 403, 404, 422),
    },
)
def read_document(document_id: IdPath, session: SessionDep, _principal: Reader) -> DocumentPublic:
    document = document_service.get_document(session, document_id)
    return document_service.document_public(session, document)


@router.get(
    "/documents/{document_id}/redacted.pdf",
    summary="Den anonymiserede PDF",
    response_class=FileResponse,
    responses={200: PDF_RESPONSE, **error_responses(401, 403, 404, 409, 422)},
)
def redacted_pdf(
    document_id: IdPath, session: SessionDep, _principal: Reader, settings: SettingsDep
) -> FileResponse:
    document = document_service.get_document(session, document_id)
    path = BlobStore(settings.files_dir).path(document_service.redacted_sha256(document))
    return FileResponse(path, media_type="application/pdf", filename=document.filename)


@router.get(
    "/documents/{document_id}/original.pdf",
    summary="Det originale dokument (kun sagsbehandler og administrator; logges)",
    response_class=FileResponse,
    responses={200: PDF_RESPONSE, **error_responses(401, 403, 404, 422)},
)
def original_pdf(
    document_id: IdPath, session: SessionDep, principal: OriginalReader, settings: SettingsDep
) -> FileResponse:
    document = document_service.get_document(session, document_id)
    audit.record(session, principal, "document.original_read", "document", document_id, {})
    path = BlobStore(settings.files_dir).path(document.sha256)
    return FileResponse(path, media_type=document.content_type, filename=document.filename)
