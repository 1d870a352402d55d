"""place population as a 64-bit integer

Revision ID: 0004
Revises: 0003
Create Date: 2026-12-04
"""

from alembic import op
import sqlalchemy as sa

revision = '0004'
down_revision = '0003'
branch_labels = None
depends_on = None


def upgrade() -> None:
    # A continent's population overflows PostgreSQL's 32-bit integer (SQLite's are 64-bit already).
    with op.batch_alter_table('place') as batch:
        batch.alter_column('population', existing_type=sa.Integer(), type_=sa.BigInteger(), existing_nullable=False)


def downgrade() -> None:
    with op.batch_alter_table('place') as batch:
        batch.alter_column('population', existing_type=sa.BigInteger(), type_=sa.Integer(), existing_nullable=False)
