"""PostgreSQL: the data's revision notifies its listeners at each write's commit

Revision ID: 0010
Revises: 0009
Create Date: 2026-12-05
"""

from alembic import op

from app.data_revision import create_revision_functions

revision = '0010'
down_revision = '0009'
branch_labels = None
depends_on = None

# The bump as 0009 made it: without the notification.
BUMP_WITHOUT_NOTIFY = """
    CREATE OR REPLACE FUNCTION data_revision_bump() RETURNS trigger
    LANGUAGE plpgsql AS $$
    BEGIN
        UPDATE data_revision SET revision = revision + 1 WHERE id = 1;
        RETURN NULL;
    END $$
"""


def upgrade() -> None:
    # The triggers call the function by name: replacing it is enough (SQLite: nothing to do, its
    # caches read the revision themselves).
    create_revision_functions(op.get_bind())


def downgrade() -> None:
    if op.get_bind().dialect.name == "postgresql":
        op.execute(BUMP_WITHOUT_NOTIFY)
