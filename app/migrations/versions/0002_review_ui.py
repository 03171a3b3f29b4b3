"""caseworker UI: review decisions, manual boxes, undo log, letter, assignment, approval

Revision ID: 0002_review_ui
Revises: 0001
Create Date: 2026-11-24 20:40:00
"""

from __future__ import annotations

import sqlalchemy as sa
import sqlmodel.sql.sqltypes
from alembic import op

revision = "0002_review_ui"
down_revision = "0001"
branch_labels = None
depends_on = None

_STR = sqlmodel.sql.sqltypes.AutoString
_WHEN = sa.DateTime(timezone=True)


def _document_fk() -> sa.ForeignKeyConstraint:
    return sa.ForeignKeyConstraint(["document_id"], ["document.id"], ondelete="CASCADE")


def _request_fk() -> sa.ForeignKeyConstraint:
    return sa.ForeignKeyConstraint(["request_id"], ["request.id"], ondelete="CASCADE")


def _index(table: str, column: str) -> None:
    with op.batch_alter_table(table, schema=None) as batch_op:
        batch_op.create_index(batch_op.f(f"ix_{table}_{column}"), [column], unique=False)


def upgrade() -> None:
    op.create_table(
        "review_decision",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("document_id", sa.Integer(), nullable=False),
        sa.Column("key", _STR(length=64), nullable=False),
        sa.Column("accepted", sa.Boolean(), nullable=False),
        sa.Column("decided_by", _STR(length=300), nullable=False),
        sa.Column("decided_at", _WHEN, nullable=False),
        _document_fk(),
        sa.PrimaryKeyConstraint("id"),
        sa.UniqueConstraint("document_id", "key"),
    )
    _index("review_decision", "document_id")
    op.create_table(
        "review_manual_box",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("document_id", sa.Integer(), nullable=False),
        sa.Column("page", sa.Integer(), nullable=False),
        sa.Column("x0", sa.Float(), nullable=False),
        sa.Column("top", sa.Float(), nullable=False),
        sa.Column("x1", sa.Float(), nullable=False),
        sa.Column("bottom", sa.Float(), nullable=False),
        sa.Column("label_key", _STR(length=100), nullable=False),
        sa.Column("legal_basis", _STR(length=200), nullable=False),
        sa.Column("deleted", sa.Boolean(), nullable=False),
        sa.Column("created_by", _STR(length=300), nullable=False),
        sa.Column("created_at", _WHEN, nullable=False),
        _document_fk(),
        sa.PrimaryKeyConstraint("id"),
    )
    _index("review_manual_box", "document_id")
    op.create_table(
        "review_action",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("document_id", sa.Integer(), nullable=False),
        sa.Column("kind", _STR(length=30), nullable=False),
        sa.Column("payload", sa.JSON(), nullable=False),
        sa.Column("undone", sa.Boolean(), nullable=False),
        sa.Column("actor", _STR(length=300), nullable=False),
        sa.Column("created_at", _WHEN, nullable=False),
        _document_fk(),
        sa.PrimaryKeyConstraint("id"),
    )
    _index("review_action", "document_id")
    op.create_table(
        "review_letter",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("request_id", sa.Integer(), nullable=False),
        sa.Column("text", _STR(), nullable=False),
        sa.Column("updated_by", _STR(length=300), nullable=False),
        sa.Column("updated_at", _WHEN, nullable=False),
        _request_fk(),
        sa.PrimaryKeyConstraint("id"),
        sa.UniqueConstraint("request_id"),
    )
    op.create_table(
        "review_assignment",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("request_id", sa.Integer(), nullable=False),
        sa.Column("user_email", _STR(length=300), nullable=False),
        sa.Column("assigned_at", _WHEN, nullable=False),
        _request_fk(),
        sa.PrimaryKeyConstraint("id"),
        sa.UniqueConstraint("request_id"),
    )
    op.create_table(
        "review_approval",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("request_id", sa.Integer(), nullable=False),
        sa.Column("recommendation", _STR(length=40), nullable=False),
        sa.Column("approved_by", _STR(length=300), nullable=False),
        sa.Column("approved_at", _WHEN, nullable=False),
        _request_fk(),
        sa.PrimaryKeyConstraint("id"),
        sa.UniqueConstraint("request_id"),
    )
    op.create_table(
        "review_final_document",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("document_id", sa.Integer(), nullable=False),
        sa.Column("output_sha256", _STR(length=64), nullable=True),
        sa.Column("status", _STR(length=20), nullable=False),
        sa.Column("redactions", sa.JSON(), nullable=False),
        sa.Column("built_at", _WHEN, nullable=False),
        _document_fk(),
        sa.PrimaryKeyConstraint("id"),
        sa.UniqueConstraint("document_id"),
    )


def downgrade() -> None:
    for table in ("review_final_document", "review_approval", "review_assignment", "review_letter"):
        op.drop_table(table)
    for table in ("review_action", "review_manual_box", "review_decision"):
        with op.batch_alter_table(table, schema=None) as batch_op:
            batch_op.drop_index(batch_op.f(f"ix_{table}_document_id"))
        op.drop_table(table)
