package com.smbhub.platform.db;

/** LIKE patterns from user text: the wildcards a user types match themselves (PostgreSQL's default escape "\"). */
public final class Like {

    private Like() {
    }

    public static String contains(String text) {
        return "%" + text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%";
    }
}
