package com.smbhub.web.shell;

/** How the back office words a code: {@code NEEDS_APPROVAL} → "Needs approval". */
public final class Words {

    private Words() {
    }

    public static String of(String code) {
        if (code == null || code.isEmpty()) {
            return "";
        }
        String text = code.replace('_', ' ').toLowerCase();
        return Character.toUpperCase(text.charAt(0)) + text.substring(1);
    }
}
