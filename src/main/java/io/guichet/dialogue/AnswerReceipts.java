package io.guichet.dialogue;

import com.fasterxml.jackson.annotation.JsonSubTypes;
import com.fasterxml.jackson.annotation.JsonTypeInfo;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import java.io.UncheckedIOException;
import java.util.List;

/**
 * A turn's answer written down for the store, and read back when its message is sent again: the
 * replies, intent, sources, fallback and status, as they were. The lead stays out (it was passed
 * on once), and so does the rating, whose turn id is only known once the turn is committed.
 */
final class AnswerReceipts {
    /** Tells the replies apart in the stored JSON without annotating the dialogue's own types. */
    @JsonTypeInfo(use = JsonTypeInfo.Id.NAME, property = "type")
    @JsonSubTypes({@JsonSubTypes.Type(value = Reply.Text.class, name = "text"),
            @JsonSubTypes.Type(value = Reply.QuickReplies.class, name = "quick_replies"),
            @JsonSubTypes.Type(value = Reply.Cards.class, name = "cards"),
            @JsonSubTypes.Type(value = Reply.Rating.class, name = "rating")})
    private interface ReplyTypes {
    }

    private static final ObjectMapper JSON = JsonMapper.builder().addModule(new JavaTimeModule())
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS).addMixIn(Reply.class, ReplyTypes.class).build();

    private AnswerReceipts() {
    }

    static String write(Turn turn) {
        List<Reply> replies = turn.replies().stream().filter(reply -> !(reply instanceof Reply.Rating)).toList();
        try {
            return JSON.writeValueAsString(new Turn(replies, turn.intent(), turn.sources(), turn.fallback(),
                    turn.status()));
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }

    static Turn read(String answer) {
        try {
            return JSON.readValue(answer, Turn.class);
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }
}
