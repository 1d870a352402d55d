"""each actor's revision, and the itineraries' one, bumped by triggers on the writes that reach them

Revision ID: 0011
Revises: 0010
Create Date: 2026-12-05
"""

from alembic import op
import sqlalchemy as sa

from app.actor_revision import create_actor_revision_triggers, drop_actor_revision_triggers
from app.data_revision import create_revision_functions

revision = '0011'
down_revision = '0010'
branch_labels = None
depends_on = None

# The bump as 0010 made it: without the actors' revisions.
BUMP_WITHOUT_ACTORS = """
    CREATE OR REPLACE FUNCTION data_revision_bump() RETURNS trigger
    LANGUAGE plpgsql AS $$
    BEGIN
        UPDATE data_revision SET revision = revision + 1 WHERE id = 1;
        PERFORM pg_notify('itinerant_data_revision', '');
        RETURN NULL;
    END $$
"""


def upgrade() -> None:
    op.create_table('actor_revision',
    sa.Column('actor_id', sa.Integer(), autoincrement=False, nullable=False),
    sa.Column('revision', sa.BigInteger(), nullable=False),
    sa.PrimaryKeyConstraint('actor_id')
    )
    # SQLite adds a column in place (no batch copy): data_revision keeps its rows.
    op.add_column('data_revision', sa.Column('itinerary_revision', sa.BigInteger(), server_default='0', nullable=False))
    bind = op.get_bind()
    # PostgreSQL: the data's bump moves the noted actors' revisions at commit (the triggers call
    # it by name: replacing it is enough).
    create_revision_functions(bind)
    create_actor_revision_triggers(bind)


def downgrade() -> None:
    bind = op.get_bind()
    drop_actor_revision_triggers(bind)
    if bind.dialect.name == "postgresql":
        op.execute(BUMP_WITHOUT_ACTORS)
    # In place on SQLite too (3.35+): a batch copy's rename would fail on the triggers of the
    # other tables, which name data_revision.
    op.drop_column('data_revision', 'itinerary_revision')
    op.drop_table('actor_revision')
