"""the data's revision, bumped by triggers on every write to the data

Revision ID: 0009
Revises: 0008
Create Date: 2026-12-04
"""

import uuid

from alembic import op
import sqlalchemy as sa

from app.data_revision import create_revision_triggers, drop_revision_triggers

revision = '0009'
down_revision = '0008'
branch_labels = None
depends_on = None

# The tables as they are at this revision (app.data_revision.REVISED_TABLES may grow later).
TABLES = ('article', 'place', 'mention', 'actor', 'actoralias', 'event')


def upgrade() -> None:
    table = op.create_table('data_revision',
    sa.Column('id', sa.Integer(), autoincrement=False, nullable=False),
    sa.Column('generation', sa.String(length=32), nullable=False),
    sa.Column('revision', sa.BigInteger(), nullable=False),
    sa.PrimaryKeyConstraint('id')
    )
    # A generation of its own: another database, even one restored from this one's dump, never
    # shows the same (generation, revision) for other data.
    op.bulk_insert(table, [{'id': 1, 'generation': uuid.uuid4().hex, 'revision': 0}])
    create_revision_triggers(op.get_bind(), TABLES)


def downgrade() -> None:
    drop_revision_triggers(op.get_bind(), TABLES)
    op.drop_table('data_revision')
