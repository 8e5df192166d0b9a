"""foundation: installation facts and per-member / per-server settings.

Revision ID: 0001
Revises: 
"""
from __future__ import annotations

import sqlalchemy as sa
import sqlmodel
from alembic import op

import bot.models

revision = '0001'
down_revision = None
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table('bot_meta',
    sa.Column('key', sqlmodel.sql.sqltypes.AutoString(length=64), nullable=False),
    sa.Column('value', sa.Text(), nullable=False),
    sa.Column('updated_at', bot.models.UTCDateTime(timezone=True), nullable=False),
    sa.PrimaryKeyConstraint('key')
    )

    op.create_table('user_settings',
    sa.Column('user_id', sa.BigInteger(), autoincrement=False, nullable=False),
    sa.Column('alerts_enabled', sa.Boolean(), nullable=False),
    sa.Column('alert_time', sqlmodel.sql.sqltypes.AutoString(length=5), nullable=False),
    sa.Column('timezone', sqlmodel.sql.sqltypes.AutoString(length=64), nullable=False),
    sa.Column('lead_days', sa.Integer(), nullable=False),
    sa.Column('dms_closed', sa.Boolean(), nullable=False),
    sa.Column('dms_closed_at', bot.models.UTCDateTime(timezone=True), nullable=True),
    sa.Column('dm_notice_pending', sa.Boolean(), nullable=False),
    sa.Column('updated_at', bot.models.UTCDateTime(timezone=True), nullable=False),
    sa.PrimaryKeyConstraint('user_id')
    )

    op.create_table('server_settings',
    sa.Column('guild_id', sa.BigInteger(), autoincrement=False, nullable=False),
    sa.Column('digest_channel_id', sa.BigInteger(), nullable=True),
    sa.Column('updated_at', bot.models.UTCDateTime(timezone=True), nullable=False),
    sa.PrimaryKeyConstraint('guild_id')
    )


def downgrade() -> None:
    op.drop_table('server_settings')
    op.drop_table('user_settings')
    op.drop_table('bot_meta')
