package io.guichet.http;

import io.guichet.lead.Lead;
import io.vertx.core.json.JsonObject;
import java.util.List;

/** Leads as CSV (RFC 4180), safe to open in a spreadsheet. */
final class LeadsCsv {
    private static final String HEADER = "id,created_at,journey,team,lang,name,email,phone,conversation_id,request";

    private LeadsCsv() {
    }

    static String of(List<Lead> leads) {
        StringBuilder out = new StringBuilder(HEADER).append("\r\n");
        for (Lead lead : leads) {
            out.append(String.join(",", List.of(String.valueOf(lead.id()), lead.createdAt().toString(),
                    cell(lead.journey()), cell(lead.team()), cell(lead.lang()), cell(lead.name()), cell(lead.email()),
                    cell(lead.phone()), cell(lead.conversationId()), cell(new JsonObject(lead.slots()).encode()))))
                    .append("\r\n");
        }
        return out.toString();
    }

    /**
     * A quoted cell. A value a person typed that starts like a formula ({@code =}, {@code +},
     * {@code -}, {@code @}) is prefixed with an apostrophe, so that a spreadsheet shows it as text
     * instead of running it.
     */
    static String cell(String value) {
        if (value == null) {
            return "";
        }
        String safe = !value.isEmpty() && "=+-@\t\r".indexOf(value.charAt(0)) >= 0 ? "'" + value : value;
        return "\"" + safe.replace("\"", "\"\"") + "\"";
    }
}
