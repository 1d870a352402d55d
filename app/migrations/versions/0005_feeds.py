"""articles by URL and feeds

Revision ID: 0005
Revises: 0004
Create Date: 2026-12-04
"""

from alembic import op
import sqlalchemy as sa

revision = '0005'
down_revision = '0004'
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table('article') as batch:
        batch.add_column(sa.Column('author', sa.String(length=200), nullable=True))
        batch.add_column(sa.Column('url_key', sa.String(length=2000), nullable=True))
        batch.create_index(batch.f('ix_article_url_key'), ['url_key'], unique=False)

    op.create_table('feed',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('url', sa.String(length=2000), nullable=False),
    sa.Column('url_key', sa.String(length=2000), nullable=False),
    sa.Column('title', sa.String(length=300), nullable=True),
    sa.Column('interval_seconds', sa.Integer(), nullable=False),
    sa.Column('created_at', sa.DateTime(timezone=True), nullable=False),
    sa.Column('etag', sa.String(length=500), nullable=True),
    sa.Column('last_modified', sa.String(length=100), nullable=True),
    sa.Column('last_polled_at', sa.DateTime(timezone=True), nullable=True),
    sa.Column('last_new_item_at', sa.DateTime(timezone=True), nullable=True),
    sa.Column('last_error', sa.Text(), nullable=True),
    sa.Column('errors_in_a_row', sa.Integer(), nullable=False),
    sa.Column('next_poll_at', sa.DateTime(timezone=True), nullable=False),
    sa.Column('lease_owner', sa.String(length=100), nullable=True),
    sa.Column('lease_until', sa.DateTime(timezone=True), nullable=True),
    sa.PrimaryKeyConstraint('id'),
    sa.UniqueConstraint('url_key')
    )
    with op.batch_alter_table('feed') as batch:
        batch.create_index(batch.f('ix_feed_next_poll_at'), ['next_poll_at'], unique=False)

    op.create_table('feed_item',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('feed_id', sa.Integer(), nullable=False),
    sa.Column('item_key', sa.String(length=64), nullable=False),
    sa.Column('url', sa.String(length=2000), nullable=True),
    sa.Column('article_id', sa.Integer(), nullable=True),
    sa.Column('version', sa.String(length=64), nullable=False),
    sa.Column('seen_at', sa.DateTime(timezone=True), nullable=False),
    sa.ForeignKeyConstraint(['article_id'], ['article.id'], ondelete='SET NULL'),
    sa.ForeignKeyConstraint(['feed_id'], ['feed.id'], ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('id'),
    sa.UniqueConstraint('feed_id', 'item_key', name='uq_feed_item_key')
    )
    with op.batch_alter_table('feed_item') as batch:
        batch.create_index(batch.f('ix_feed_item_article_id'), ['article_id'], unique=False)
        batch.create_index(batch.f('ix_feed_item_feed_id'), ['feed_id'], unique=False)


def downgrade() -> None:
    op.drop_table('feed_item')
    op.drop_table('feed')
    with op.batch_alter_table('article') as batch:
        batch.drop_index(batch.f('ix_article_url_key'))
        batch.drop_column('url_key')
        batch.drop_column('author')
