package com.smbhub.inbox;

/** How a conversation reaches its counterpart. */
public enum Channel {
    EMAIL, SMS, WHATSAPP, WEB_PORTAL
}
