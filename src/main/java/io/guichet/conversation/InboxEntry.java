package io.guichet.conversation;

import java.time.Instant;

/**
 * A message a webhook delivered (Messenger, WhatsApp), kept until a turn has answered it.
 *
 * @param id        the entry's number, in the order received; 0 before it is stored
 * @param messageId the channel's id of the message ({@code mid}, {@code wamid}): a redelivery has the same
 * @param sender    the channel's id of the person (a PSID, a phone number)
 * @param sentAt    when the person sent it, as the channel says; null when it does not say
 */
public record InboxEntry(long id, String channel, String messageId, String sender, String text, Instant sentAt) {
}
