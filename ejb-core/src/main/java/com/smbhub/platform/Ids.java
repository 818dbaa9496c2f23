package com.smbhub.platform;

import java.util.regex.Pattern;

/** Ids are lower-case UUID text; anything else from outside is "no such object", never a database error. */
public final class Ids {

    private static final Pattern UUID_TEXT =
            Pattern.compile("^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$");

    private Ids() {
    }

    public static boolean isId(String value) {
        return value != null && UUID_TEXT.matcher(value).matches();
    }
}
