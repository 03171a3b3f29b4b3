"""GET /requests/{id}/package: the release package as a zip."""

from __future__ import annotations

from fastapi import APIRouter
from fastapi.responses import StreamingResponse
from starlette.background import BackgroundTask

from app.api.deps import IdPath, Reader, RuleBookDep, SessionDep, SettingsDep
from app.api.examples import error_responses
from app.services import packages as package_service
from app.storage import BlobStore

router = APIRouter(tags=["packages"])


@router.get(
    "/requests/{request_id}/package",
    summary="Udleveringspakken (zip: anonymiserede PDF'er, aktliste, afgørelse)",
    description="Kræver en registreret afgørelse og færdigbehandlede dokumenter (ellers 409). "
    "Indhold: `dokumenter/NN-navn.pdf`, `aktliste.pdf`, `afgoerelse.pdf` (og som tekst), "
    "`rapport.json` (CONTRACT.md: redaction report).",
    response_class=StreamingResponse,
    responses={
        200: {"content": {"application/zip": {"schema": {"type": "string", "format": "binary"}}}},
        **error_responses(401, 403, 404, 409, 422),
    },
)
def release_package(
    request_id: IdPath,
    session: SessionDep,
    principal: Reader,
    settings: SettingsDep,
    book: RuleBookDep,
) -> StreamingResponse:
    package = package_service.build_package(
        session, principal, BlobStore(settings.files_dir), request_id, book
    )
    return zip_download(package)


def zip_download(package: package_service.ReleasePackage) -> StreamingResponse:
    """Stream a built package as a zip attachment and close its spool file afterwards."""
    return StreamingResponse(
        iter(lambda: package.file.read(1024 * 1024), b""),
        media_type="application/zip",
        headers={"Content-Disposition": f'attachment; filename="{package.filename}"'},
        background=BackgroundTask(package.file.close),
    )
