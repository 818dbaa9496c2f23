package com.smbhub.account;

/** A business to start: its name, kind (a shipped profile) and where it is. */
public record NewBusiness(String name, String profileId, String country, String timezone, String currency) {
}
