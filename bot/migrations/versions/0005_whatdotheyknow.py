"""whatdotheyknow: the authority directory's columns, followed WDTK requests, profile claims.

Revision ID: 0005
Revises: 0004
"""
from __future__ import annotations

from alembic import op
import sqlalchemy as sa
import sqlmodel
import bot.models


revision = '0005'
down_revision = '0004'
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table('wdtk_profiles',
    sa.Column('user_id', sa.BigInteger(), autoincrement=False, nullable=False),
    sa.Column('url_name', sqlmodel.sql.sqltypes.AutoString(length=200), nullable=False),
    sa.Column('code', sqlmodel.sql.sqltypes.AutoString(length=32), nullable=False),
    sa.Column('verified_at', bot.models.UTCDateTime(timezone=True), nullable=True),
    sa.Column('created_at', bot.models.UTCDateTime(timezone=True), nullable=False),
    sa.PrimaryKeyConstraint('user_id')
    )
    op.create_table('wdtk_tracks',
    sa.Column('request_id', sa.Integer(), autoincrement=False, nullable=False),
    sa.Column('url_title', sqlmodel.sql.sqltypes.AutoString(length=200), nullable=False),
    sa.Column('wdtk_id', sa.Integer(), nullable=True),
    sa.Column('state', sqlmodel.sql.sqltypes.AutoString(length=16), nullable=False),
    sa.Column('problem', sqlmodel.sql.sqltypes.AutoString(length=16), nullable=True),
    sa.Column('seen', sa.JSON(), nullable=False),
    sa.Column('etag', sqlmodel.sql.sqltypes.AutoString(length=200), nullable=True),
    sa.Column('last_modified', sqlmodel.sql.sqltypes.AutoString(length=100), nullable=True),
    sa.Column('next_poll_at', bot.models.UTCDateTime(timezone=True), nullable=False),
    sa.Column('lease_until', bot.models.UTCDateTime(timezone=True), nullable=True),
    sa.Column('claimed_by', sqlmodel.sql.sqltypes.AutoString(length=64), nullable=True),
    sa.Column('failures', sa.Integer(), nullable=False),
    sa.Column('last_polled_at', bot.models.UTCDateTime(timezone=True), nullable=True),
    sa.Column('last_error', sa.Text(), nullable=True),
    sa.Column('created_at', bot.models.UTCDateTime(timezone=True), nullable=False),
    sa.Column('updated_at', bot.models.UTCDateTime(timezone=True), nullable=False),
    sa.ForeignKeyConstraint(['request_id'], ['requests.id'], ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('request_id')
    )
    with op.batch_alter_table('wdtk_tracks', schema=None) as batch_op:
        batch_op.create_index('ix_wdtk_tracks_state_next_poll', ['state', 'next_poll_at'], unique=False)
        batch_op.create_index(batch_op.f('ix_wdtk_tracks_url_title'), ['url_title'], unique=False)

    with op.batch_alter_table('authorities', schema=None) as batch_op:
        batch_op.add_column(sa.Column('wdtk_id', sa.Integer(), nullable=True))
        batch_op.add_column(sa.Column('wdtk_version', sa.Integer(), nullable=True))
        batch_op.add_column(sa.Column('tags', sa.Text(), nullable=False, server_default=''))
        batch_op.add_column(sa.Column('foi_applies', sa.Boolean(), nullable=False, server_default=sa.true()))
        batch_op.add_column(sa.Column('home_page', sqlmodel.sql.sqltypes.AutoString(length=500), nullable=True))
        batch_op.add_column(sa.Column('publication_scheme', sqlmodel.sql.sqltypes.AutoString(length=500), nullable=True))
        batch_op.add_column(sa.Column('disclosure_log', sqlmodel.sql.sqltypes.AutoString(length=500), nullable=True))
        batch_op.add_column(sa.Column('notes', sa.Text(), nullable=True))
        batch_op.add_column(sa.Column('source', sqlmodel.sql.sqltypes.AutoString(length=8), nullable=False, server_default='member'))
        batch_op.add_column(sa.Column('vanished_at', bot.models.UTCDateTime(timezone=True), nullable=True))
        batch_op.add_column(sa.Column('updated_at', bot.models.UTCDateTime(timezone=True), nullable=True))
        batch_op.alter_column('short_name',
               existing_type=sa.VARCHAR(length=60),
               type_=sqlmodel.sql.sqltypes.AutoString(length=200),
               existing_nullable=True)
        batch_op.create_index(batch_op.f('ix_authorities_wdtk_id'), ['wdtk_id'], unique=False)
        batch_op.create_unique_constraint('uq_authorities_wdtk_url_name', ['wdtk_url_name'])
    # Authorities members typed in before: last changed when they were created.
    op.execute("UPDATE authorities SET updated_at = created_at")
    with op.batch_alter_table('authorities', schema=None) as batch_op:
        batch_op.alter_column('updated_at', existing_type=bot.models.UTCDateTime(timezone=True), nullable=False)



def downgrade() -> None:
    with op.batch_alter_table('authorities', schema=None) as batch_op:
        batch_op.drop_constraint('uq_authorities_wdtk_url_name', type_='unique')
        batch_op.drop_index(batch_op.f('ix_authorities_wdtk_id'))
        batch_op.alter_column('short_name',
               existing_type=sqlmodel.sql.sqltypes.AutoString(length=200),
               type_=sa.VARCHAR(length=60),
               existing_nullable=True)
        batch_op.drop_column('updated_at')
        batch_op.drop_column('vanished_at')
        batch_op.drop_column('source')
        batch_op.drop_column('notes')
        batch_op.drop_column('disclosure_log')
        batch_op.drop_column('publication_scheme')
        batch_op.drop_column('home_page')
        batch_op.drop_column('foi_applies')
        batch_op.drop_column('tags')
        batch_op.drop_column('wdtk_version')
        batch_op.drop_column('wdtk_id')

    with op.batch_alter_table('wdtk_tracks', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_wdtk_tracks_url_title'))
        batch_op.drop_index('ix_wdtk_tracks_state_next_poll')

    op.drop_table('wdtk_tracks')
    op.drop_table('wdtk_profiles')
