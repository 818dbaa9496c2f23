package com.smbhub.platform.mail;

/** What became of a message handed to a mail server ({@code mail_log.status}). */
public enum MailStatus {
    /** The server took it. */
    SENT,
    /** The server refused it or could not be reached; the reason is kept with it. */
    FAILED
}
