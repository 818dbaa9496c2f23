package com.smbhub.inbox;

import com.smbhub.file.FileView;
import java.io.Serializable;
import java.time.Instant;
import java.util.List;

/**
 * One message of a thread; {@code html} is sanitised (no scripts, no images: {@code remoteImages} says it had
 * some, which {@code InboxService.original} shows when asked), {@code text} always set; {@code filesComing}: pictures
 * sent by MMS still being fetched from Twilio.
 */
public record MessageView(String id, String conversationId, String direction, String fromAddress, String fromName,
                          String to, String subject, String text, String html, String state, String error,
                          String automatic, Instant at, List<FileView> attachments, boolean remoteImages,
                          int filesComing)
        implements Serializable {

    public boolean is(MessageState s) {
        return s.name().equals(state);
    }

    public boolean inbound() {
        return "INBOUND".equals(direction);
    }
}
