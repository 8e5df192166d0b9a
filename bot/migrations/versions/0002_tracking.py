"""tracking: authorities, requests and their event timeline.

Revision ID: 0002
Revises: 0001
"""
from __future__ import annotations

import sqlalchemy as sa
import sqlmodel
from alembic import op

import bot.models

revision = '0002'
down_revision = '0001'
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table('authorities',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('name', sqlmodel.sql.sqltypes.AutoString(length=200), nullable=False),
    sa.Column('name_key', sqlmodel.sql.sqltypes.AutoString(length=200), nullable=False),
    sa.Column('short_name', sqlmodel.sql.sqltypes.AutoString(length=60), nullable=True),
    sa.Column('division', sqlmodel.sql.sqltypes.AutoString(length=32), nullable=False),
    sa.Column('default_law', sqlmodel.sql.sqltypes.AutoString(length=8), nullable=False),
    sa.Column('kind', sqlmodel.sql.sqltypes.AutoString(length=32), nullable=True),
    sa.Column('email', sqlmodel.sql.sqltypes.AutoString(length=254), nullable=True),
    sa.Column('wdtk_url_name', sqlmodel.sql.sqltypes.AutoString(length=200), nullable=True),
    sa.Column('created_by', sa.BigInteger(), nullable=True),
    sa.Column('created_at', bot.models.UTCDateTime(timezone=True), nullable=False),
    sa.PrimaryKeyConstraint('id')
    )
    with op.batch_alter_table('authorities', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_authorities_name_key'), ['name_key'], unique=True)

    op.create_table('requests',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('public_id', sqlmodel.sql.sqltypes.AutoString(length=8), nullable=False),
    sa.Column('owner_id', sa.BigInteger(), nullable=False),
    sa.Column('guild_id', sa.BigInteger(), nullable=True),
    sa.Column('visibility', sqlmodel.sql.sqltypes.AutoString(length=8), nullable=False),
    sa.Column('authority_id', sa.Integer(), nullable=False),
    sa.Column('law', sqlmodel.sql.sqltypes.AutoString(length=8), nullable=False),
    sa.Column('title', sqlmodel.sql.sqltypes.AutoString(length=200), nullable=False),
    sa.Column('questions', sa.Text(), nullable=False),
    sa.Column('requester_name', sqlmodel.sql.sqltypes.AutoString(length=100), nullable=True),
    sa.Column('reference', sqlmodel.sql.sqltypes.AutoString(length=100), nullable=True),
    sa.Column('link', sqlmodel.sql.sqltypes.AutoString(length=500), nullable=True),
    sa.Column('sent_on', sa.Date(), nullable=False),
    sa.Column('school', sa.Boolean(), nullable=False),
    sa.Column('status', sqlmodel.sql.sqltypes.AutoString(length=32), nullable=False),
    sa.Column('next_deadline', sa.Date(), nullable=True),
    sa.Column('next_deadline_key', sqlmodel.sql.sqltypes.AutoString(length=40), nullable=True),
    sa.Column('deadlines', sa.JSON(), nullable=False),
    sa.Column('created_at', bot.models.UTCDateTime(timezone=True), nullable=False),
    sa.Column('updated_at', bot.models.UTCDateTime(timezone=True), nullable=False),
    sa.ForeignKeyConstraint(['authority_id'], ['authorities.id'], ),
    sa.PrimaryKeyConstraint('id')
    )
    with op.batch_alter_table('requests', schema=None) as batch_op:
        batch_op.create_index('ix_requests_guild_visibility_next_deadline', ['guild_id', 'visibility', 'next_deadline'], unique=False)
        batch_op.create_index('ix_requests_owner_next_deadline', ['owner_id', 'next_deadline'], unique=False)
        batch_op.create_index(batch_op.f('ix_requests_public_id'), ['public_id'], unique=True)
        batch_op.create_index(batch_op.f('ix_requests_status'), ['status'], unique=False)

    op.create_table('events',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('request_id', sa.Integer(), nullable=False),
    sa.Column('kind', sqlmodel.sql.sqltypes.AutoString(length=32), nullable=False),
    sa.Column('occurred_on', sa.Date(), nullable=False),
    sa.Column('recorded_at', bot.models.UTCDateTime(timezone=True), nullable=False),
    sa.Column('actor_id', sa.BigInteger(), nullable=True),
    sa.Column('note', sa.Text(), nullable=True),
    sa.Column('data', sa.JSON(), nullable=False),
    sa.ForeignKeyConstraint(['request_id'], ['requests.id'], ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('id')
    )
    with op.batch_alter_table('events', schema=None) as batch_op:
        batch_op.create_index('ix_events_request_order', ['request_id', 'occurred_on', 'id'], unique=False)

    # ### end Alembic commands ###


def downgrade() -> None:
    op.drop_table('events')
    op.drop_table('requests')
    op.drop_table('authorities')
