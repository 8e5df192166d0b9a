"""community: server settings, follows, the board's card outbox, digests; alerts keyed per member.

Revision ID: 0006
Revises: 0005
"""
from __future__ import annotations

import sqlalchemy as sa
import sqlmodel
from alembic import op

import bot.models

revision = '0006'
down_revision = '0005'
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table('server_settings', schema=None) as batch_op:
        batch_op.add_column(sa.Column('board_channel_id', sa.BigInteger(), nullable=True))
        batch_op.add_column(sa.Column('digest_rhythm', sqlmodel.sql.sqltypes.AutoString(length=8), nullable=False, server_default='weekly'))
        batch_op.add_column(sa.Column('digest_weekday', sa.Integer(), nullable=False, server_default='0'))
        batch_op.add_column(sa.Column('digest_time', sqlmodel.sql.sqltypes.AutoString(length=5), nullable=False, server_default='09:00'))
        batch_op.add_column(sa.Column('timezone', sqlmodel.sql.sqltypes.AutoString(length=64), nullable=False, server_default='Europe/London'))
        batch_op.add_column(sa.Column('sharing_allowed', sa.Boolean(), nullable=False, server_default=sa.true()))
    with op.batch_alter_table('server_settings', schema=None) as batch_op:
        for column in ('digest_rhythm', 'digest_weekday', 'digest_time', 'timezone', 'sharing_allowed'):
            batch_op.alter_column(column, server_default=None)

    with op.batch_alter_table('user_settings', schema=None) as batch_op:
        batch_op.add_column(sa.Column('board_name', sqlmodel.sql.sqltypes.AutoString(length=40), nullable=True))

    # A follower's alerts are their own rows: the member joins the alert's unique key. The
    # owner's rows keep their key values, so the owner's alerts behave as before.
    with op.batch_alter_table('alerts', schema=None) as batch_op:
        batch_op.drop_constraint('uq_alerts_request_kind_deadline', type_='unique')
        batch_op.create_unique_constraint('uq_alerts_request_user_kind_deadline', ['request_id', 'user_id', 'kind', 'deadline_on'])

    op.create_table('follows',
    sa.Column('request_id', sa.Integer(), autoincrement=False, nullable=False),
    sa.Column('user_id', sa.BigInteger(), autoincrement=False, nullable=False),
    sa.Column('created_at', bot.models.UTCDateTime(timezone=True), nullable=False),
    sa.ForeignKeyConstraint(['request_id'], ['requests.id'], ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('request_id', 'user_id')
    )
    with op.batch_alter_table('follows', schema=None) as batch_op:
        batch_op.create_index('ix_follows_user_id', ['user_id'], unique=False)

    op.create_table('board_cards',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('request_id', sa.Integer(), nullable=False),
    sa.Column('guild_id', sa.BigInteger(), nullable=False),
    sa.Column('occasion', sqlmodel.sql.sqltypes.AutoString(length=16), nullable=False),
    sa.Column('occasion_key', sqlmodel.sql.sqltypes.AutoString(length=40), nullable=False),
    sa.Column('fire_at', bot.models.UTCDateTime(timezone=True), nullable=False),
    sa.Column('state', sqlmodel.sql.sqltypes.AutoString(length=16), nullable=False),
    sa.Column('attempts', sa.Integer(), nullable=False),
    sa.Column('lease_until', bot.models.UTCDateTime(timezone=True), nullable=True),
    sa.Column('claimed_by', sqlmodel.sql.sqltypes.AutoString(length=64), nullable=True),
    sa.Column('channel_id', sa.BigInteger(), nullable=True),
    sa.Column('message_id', sa.BigInteger(), nullable=True),
    sa.Column('sent_at', bot.models.UTCDateTime(timezone=True), nullable=True),
    sa.Column('last_error', sa.Text(), nullable=True),
    sa.Column('created_at', bot.models.UTCDateTime(timezone=True), nullable=False),
    sa.Column('updated_at', bot.models.UTCDateTime(timezone=True), nullable=False),
    sa.ForeignKeyConstraint(['request_id'], ['requests.id'], ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('id'),
    sa.UniqueConstraint('request_id', 'occasion', 'occasion_key', name='uq_board_cards_request_occasion')
    )
    with op.batch_alter_table('board_cards', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_board_cards_request_id'), ['request_id'], unique=False)
        batch_op.create_index('ix_board_cards_state_fire_at', ['state', 'fire_at'], unique=False)

    op.create_table('digests',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('guild_id', sa.BigInteger(), nullable=False),
    sa.Column('period', sqlmodel.sql.sqltypes.AutoString(length=16), nullable=False),
    sa.Column('state', sqlmodel.sql.sqltypes.AutoString(length=16), nullable=False),
    sa.Column('claimed_by', sqlmodel.sql.sqltypes.AutoString(length=64), nullable=True),
    sa.Column('lease_until', bot.models.UTCDateTime(timezone=True), nullable=True),
    sa.Column('attempts', sa.Integer(), nullable=False),
    sa.Column('channel_id', sa.BigInteger(), nullable=True),
    sa.Column('message_id', sa.BigInteger(), nullable=True),
    sa.Column('items', sa.Integer(), nullable=False),
    sa.Column('last_error', sa.Text(), nullable=True),
    sa.Column('created_at', bot.models.UTCDateTime(timezone=True), nullable=False),
    sa.Column('updated_at', bot.models.UTCDateTime(timezone=True), nullable=False),
    sa.PrimaryKeyConstraint('id'),
    sa.UniqueConstraint('guild_id', 'period', name='uq_digests_guild_period')
    )


def downgrade() -> None:
    op.drop_table('digests')
    op.drop_table('board_cards')
    op.drop_table('follows')
    with op.batch_alter_table('alerts', schema=None) as batch_op:
        batch_op.drop_constraint('uq_alerts_request_user_kind_deadline', type_='unique')
        batch_op.create_unique_constraint('uq_alerts_request_kind_deadline', ['request_id', 'kind', 'deadline_on'])
    with op.batch_alter_table('user_settings', schema=None) as batch_op:
        batch_op.drop_column('board_name')
    with op.batch_alter_table('server_settings', schema=None) as batch_op:
        for column in ('sharing_allowed', 'timezone', 'digest_time', 'digest_weekday', 'digest_rhythm', 'board_channel_id'):
            batch_op.drop_column(column)
