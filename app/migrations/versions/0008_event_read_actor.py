"""events remember the actor the reader found

Revision ID: 0008
Revises: 0007
Create Date: 2026-12-04
"""

from alembic import op
import sqlalchemy as sa

revision = '0008'
down_revision = '0007'
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table('event') as batch:
        batch.add_column(sa.Column('read_actor_id', sa.Integer(), nullable=True))
    # Events stored before are taken as read by the actor they have now (an analyst's change of
    # actor before this revision is not known any more).
    op.execute('UPDATE event SET read_actor_id = actor_id')


def downgrade() -> None:
    with op.batch_alter_table('event') as batch:
        batch.drop_column('read_actor_id')
