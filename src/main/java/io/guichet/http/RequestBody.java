package io.guichet.http;

import io.guichet.edge.RawBody;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.DecodeException;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.RoutingContext;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Set;

/** A JSON request body with typed, validated accessors; every refusal names the field and the reason. */
final class RequestBody {
    private static final Set<String> LANGUAGES = Set.of("fr", "en");
    private final JsonObject json;

    private RequestBody(JsonObject json) {
        this.json = json;
    }

    /** The body as a JSON object; an empty body counts as {@code {}} when {@code emptyAllowed}. */
    static RequestBody of(RoutingContext ctx, boolean emptyAllowed) {
        Buffer buffer = RawBody.of(ctx);
        if (buffer.length() == 0 || buffer.toString().isBlank()) {
            if (emptyAllowed) {
                return new RequestBody(new JsonObject());
            }
            throw ApiError.badRequest("the request needs a JSON object body");
        }
        Object parsed;
        try {
            parsed = buffer.toJsonValue();
        } catch (DecodeException e) {
            throw ApiError.badRequest("the body is not valid JSON");
        }
        if (!(parsed instanceof JsonObject object)) {
            throw ApiError.badRequest("the body must be a JSON object");
        }
        return new RequestBody(object);
    }

    /** A field as it was sent, whatever its type; null when absent. */
    Object value(String field) {
        return json.getValue(field);
    }

    /** A required, non-blank string. */
    String text(String field) {
        Object value = json.getValue(field);
        if (value == null) {
            throw ApiError.badRequest("'" + field + "' is required");
        }
        if (!(value instanceof String text)) {
            throw ApiError.badRequest("'" + field + "' must be a string");
        }
        if (text.isBlank()) {
            throw ApiError.badRequest("'" + field + "' must not be empty");
        }
        return text;
    }

    /** An optional string, null when absent. */
    String optionalString(String field) {
        Object value = json.getValue(field);
        if (value == null) {
            return null;
        }
        if (!(value instanceof String text)) {
            throw ApiError.badRequest("'" + field + "' must be a string");
        }
        return text;
    }

    /** "fr", "en" or null when absent. */
    String language(String field) {
        String lang = optionalString(field);
        if (lang != null && !LANGUAGES.contains(lang)) {
            throw ApiError.badRequest("'" + field + "' must be \"fr\" or \"en\"");
        }
        return lang;
    }

    int integer(String field, int fallback, int min, int max) {
        Object value = json.getValue(field);
        if (value == null) {
            return fallback;
        }
        if (!(value instanceof Number number) || number.doubleValue() != Math.rint(number.doubleValue())) {
            throw ApiError.badRequest("'" + field + "' must be a whole number");
        }
        if (number.doubleValue() < min || number.doubleValue() > max) {
            throw ApiError.badRequest("'" + field + "' must be between " + min + " and " + max);
        }
        return number.intValue();
    }

    /** A required array of 1 to {@code max} non-empty strings. */
    List<String> strings(String field, int max) {
        Object value = json.getValue(field);
        if (!(value instanceof JsonArray array) || array.isEmpty() || array.size() > max
                || !array.stream().allMatch(item -> item instanceof String text && !text.isBlank())) {
            throw ApiError.badRequest("'" + field + "' is required: an array of 1 to " + max + " non-empty strings");
        }
        return array.stream().map(String.class::cast).toList();
    }

    boolean bool(String field) {
        Object value = json.getValue(field);
        if (!(value instanceof Boolean flag)) {
            throw ApiError.badRequest("'" + field + "' is required, true or false");
        }
        return flag;
    }

    LocalDate date(String field, LocalDate fallback) {
        String value = optionalString(field);
        if (value == null) {
            return fallback;
        }
        try {
            return LocalDate.parse(value);
        } catch (DateTimeParseException e) {
            throw ApiError.badRequest("'" + field + "' must be a date written YYYY-MM-DD");
        }
    }
}
