"""POST /staff: replace the staff register (CSV body or multipart file)."""

from __future__ import annotations

from fastapi import APIRouter, Request

from app.api.deps import SessionDep, StaffWriter
from app.api.examples import STAFF_CSV_EXAMPLE, error_responses
from app.errors import BadRequest
from app.models.staff import StaffCountsPublic
from app.services import staff as staff_service

router = APIRouter(tags=["staff"])


async def _csv_from(request: Request) -> tuple[bytes, str]:
    content_type = request.headers.get("content-type", "")
    if content_type.startswith("multipart/form-data"):
        form = await request.form()
        upload = form.get("file")
        if upload is None or isinstance(upload, str):
            raise BadRequest("feltet 'file' med CSV-filen mangler")
        return await upload.read(), upload.filename or "staff.csv"
    return await request.body(), "staff.csv"


@router.post(
    "/staff",
    summary="Erstat medarbejderregistret",
    description="Erstatter hele registret (CONTRACT.md: staff CSV) i én transaktion. Fejl i "
    "rækker giver 422 med linjenumre; så bevares det gamle register.",
    response_model=StaffCountsPublic,
    responses={
        200: {
            "content": {
                "application/json": {"example": {"staff": 42, "leading": 5, "replaced": 40}}
            }
        },
        **error_responses(400, 401, 403, 413, 422),
    },
    openapi_extra={
        "requestBody": {
            "required": True,
            "content": {
                "text/csv": {"schema": {"type": "string"}, "example": STAFF_CSV_EXAMPLE},
                "multipart/form-data": {
                    "schema": {
                        "type": "object",
                        "properties": {"file": {"type": "string", "format": "binary"}},
                        "required": ["file"],
                    }
                },
            },
        }
    },
)
async def replace_staff(
    request: Request, session: SessionDep, principal: StaffWriter
) -> StaffCountsPublic:
    data, filename = await _csv_from(request)
    counts = staff_service.replace_register(session, principal, data, filename)
    return StaffCountsPublic(staff=counts.staff, leading=counts.leading, replaced=counts.replaced)
