package io.guichet.channels.meta;

import java.util.LinkedHashMap;
import java.util.Map;

/** The ids of the last messages seen, to drop a webhook's redeliveries (Meta retries until it gets a 200). */
public final class RecentIds {
    private final Map<String, Boolean> seen;

    public RecentIds(int capacity) {
        this.seen = new LinkedHashMap<>(capacity, 0.75f, false) {
            @Override
            protected boolean removeEldestEntry(Map.Entry<String, Boolean> eldest) {
                return size() > capacity;
            }
        };
    }

    /** True the first time an id is offered, false for a redelivery. */
    public synchronized boolean firstTime(String id) {
        return seen.putIfAbsent(id, Boolean.TRUE) == null;
    }
}
