"""drafts: stored request drafts (/draft).

Revision ID: 0003
Revises: 0002
"""
from __future__ import annotations

import sqlalchemy as sa
import sqlmodel
from alembic import op

import bot.models

revision = '0003'
down_revision = '0002'
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table('drafts',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('public_id', sqlmodel.sql.sqltypes.AutoString(length=8), nullable=False),
    sa.Column('owner_id', sa.BigInteger(), nullable=False),
    sa.Column('guild_id', sa.BigInteger(), nullable=True),
    sa.Column('law', sqlmodel.sql.sqltypes.AutoString(length=8), nullable=False),
    sa.Column('authority_name', sqlmodel.sql.sqltypes.AutoString(length=200), nullable=False),
    sa.Column('subject', sqlmodel.sql.sqltypes.AutoString(length=200), nullable=False),
    sa.Column('questions', sa.Text(), nullable=False),
    sa.Column('requester_name', sqlmodel.sql.sqltypes.AutoString(length=100), nullable=False),
    sa.Column('state', sqlmodel.sql.sqltypes.AutoString(length=16), nullable=False),
    sa.Column('request_id', sa.Integer(), nullable=True),
    sa.Column('sent_on', sa.Date(), nullable=True),
    sa.Column('created_at', bot.models.UTCDateTime(timezone=True), nullable=False),
    sa.Column('updated_at', bot.models.UTCDateTime(timezone=True), nullable=False),
    sa.ForeignKeyConstraint(['request_id'], ['requests.id'], ondelete='SET NULL'),
    sa.PrimaryKeyConstraint('id')
    )
    with op.batch_alter_table('drafts', schema=None) as batch_op:
        batch_op.create_index('ix_drafts_owner_updated', ['owner_id', 'updated_at'], unique=False)
        batch_op.create_index(batch_op.f('ix_drafts_public_id'), ['public_id'], unique=True)
        batch_op.create_index(batch_op.f('ix_drafts_request_id'), ['request_id'], unique=False)


def downgrade() -> None:
    op.drop_table('drafts')
