"""shard clusters: a heartbeat row per running bot process.

Revision ID: 0007
Revises: 0006
"""
from __future__ import annotations

import sqlalchemy as sa
import sqlmodel
from alembic import op

import bot.models

revision = '0007'
down_revision = '0006'
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        'process_heartbeats',
        sa.Column('id', sqlmodel.sql.sqltypes.AutoString(length=96), nullable=False),
        sa.Column('host', sqlmodel.sql.sqltypes.AutoString(length=64), nullable=False),
        sa.Column('pid', sa.Integer(), nullable=False),
        sa.Column('shards', sqlmodel.sql.sqltypes.AutoString(length=200), nullable=False),
        sa.Column('version', sqlmodel.sql.sqltypes.AutoString(length=32), nullable=False),
        sa.Column('started_at', bot.models.UTCDateTime(timezone=True), nullable=False),
        sa.Column('last_seen_at', bot.models.UTCDateTime(timezone=True), nullable=False),
        sa.PrimaryKeyConstraint('id'),
    )


def downgrade() -> None:
    op.drop_table('process_heartbeats')
