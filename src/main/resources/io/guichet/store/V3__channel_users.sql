-- A messaging channel's user (a Messenger PSID, a WhatsApp number, a REST sender id) has one
-- conversation per channel.
ALTER TABLE conversations ADD COLUMN channel_user TEXT;

CREATE UNIQUE INDEX conversations_by_channel_user ON conversations (channel, channel_user)
    WHERE channel_user IS NOT NULL;
