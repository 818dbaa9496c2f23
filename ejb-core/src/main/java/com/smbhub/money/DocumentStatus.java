package com.smbhub.money;

/** What the shared document layer asks of a document's status enum; each enum keeps its own table. */
public interface DocumentStatus {

    /** The stored name. */
    String name();

    /** Whether the document's lines and dates may change (a draft). */
    boolean editable();

    /** The state after the document is sent: a draft becomes sent, a sent one keeps its state. */
    DocumentStatus afterSend();
}
