package com.smbhub.inbox;

import java.util.List;
import java.util.Map;

/** Open until someone closes it; a new incoming message opens it again. */
public enum ConversationStatus {
    OPEN, CLOSED;

    private static final Map<ConversationStatus, List<ConversationStatus>> NEXT = Map.of(
            OPEN, List.of(CLOSED),
            CLOSED, List.of(OPEN));

    public List<ConversationStatus> next() {
        return NEXT.get(this);
    }

    public static ConversationStatus of(String name) {
        for (ConversationStatus s : values()) {
            if (s.name().equals(name)) {
                return s;
            }
        }
        return null;
    }
}
