package com.smbhub.inbox;

import java.util.List;
import java.util.Map;

/**
 * Where a message is: incoming ones are RECEIVED (or UNREADABLE when their source could not be parsed);
 * outgoing ones are QUEUED, then SENT or FAILED (a failed one may be queued again), SMS later DELIVERED.
 */
public enum MessageState {
    RECEIVED, UNREADABLE, QUEUED, SENT, FAILED, DELIVERED;

    private static final Map<MessageState, List<MessageState>> NEXT = Map.of(
            RECEIVED, List.of(),
            UNREADABLE, List.of(),
            QUEUED, List.of(SENT, FAILED),
            SENT, List.of(DELIVERED, FAILED),
            FAILED, List.of(QUEUED),
            DELIVERED, List.of());

    public List<MessageState> next() {
        return NEXT.get(this);
    }

    public boolean canMoveTo(MessageState to) {
        return NEXT.get(this).contains(to);
    }
}
