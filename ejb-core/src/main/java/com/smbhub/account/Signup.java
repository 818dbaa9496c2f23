package com.smbhub.account;

/** What a newcomer gives to start: themselves, their business, and where it is. */
public record Signup(String name, String email, char[] password, String businessName, String profileId,
                     String country, String timezone, String currency) {
}
