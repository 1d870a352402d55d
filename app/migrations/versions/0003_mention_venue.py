"""mention venue

Revision ID: 0003
Revises: 0002
Create Date: 2026-12-04
"""

from alembic import op
import sqlalchemy as sa

revision = '0003'
down_revision = '0002'
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.add_column('mention', sa.Column('venue', sa.String(length=300), nullable=True))


def downgrade() -> None:
    with op.batch_alter_table('mention') as batch:
        batch.drop_column('venue')
