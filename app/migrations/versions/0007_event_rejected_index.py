"""an index of events by rejection and id: counting and paging the events served

Revision ID: 0007
Revises: 0006
Create Date: 2026-12-04
"""

from alembic import op

revision = '0007'
down_revision = '0006'
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_index('ix_event_rejected_id', 'event', ['rejected', 'id'])


def downgrade() -> None:
    op.drop_index('ix_event_rejected_id', table_name='event')
