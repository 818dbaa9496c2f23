package com.smbhub.account;

/** The words of SMB Hub's own e-mails about an account; {@code base} is the public address of the app. */
final class AccountMail {

    record Text(String subject, String body) {
    }

    private AccountMail() {
    }

    static Text verify(String base, String name, String business, String token) {
        return new Text("Confirm your e-mail address for SMB Hub", "Hi " + name + ",\n\n"
                + "Welcome to SMB Hub. Confirm that this is your address by opening this link (it works once, for 3 days):\n\n"
                + base + "/app/verify-email/" + token + "\n\n"
                + "Until you do, you can set up " + business + " and draft quotes and invoices, but nothing is sent to"
                + " your clients.\n\nIf you did not sign up, ignore this e-mail: nothing happens without the link.\n");
    }

    static Text alreadyRegistered(String base) {
        return new Text("You already have an SMB Hub account", "Hello,\n\n"
                + "Someone (we hope you) tried to sign up for SMB Hub with this address, which already has an account."
                + "\n\nSign in: " + base + "/app/login\nForgot your password? Choose a new one: " + base
                + "/app/forgot-password\n\nTo start another business, sign in and choose \"Add a business\".\n\n"
                + "If it was not you, ignore this e-mail: nothing was changed.\n");
    }

    static Text reset(String base, String name, String token) {
        return new Text("Choose a new SMB Hub password", "Hi " + name + ",\n\n"
                + "Someone (we hope you) asked to reset the password of your SMB Hub account. Choose a new one here"
                + " (the link works once, for 30 minutes):\n\n" + base + "/app/reset-password/" + token + "\n\n"
                + "Once you do, you are signed out everywhere, and apps using the API sign in again.\n\n"
                + "If it was not you, ignore this e-mail: your password stays as it is.\n");
    }
}
