package com.smbhub.account;

import com.smbhub.platform.errors.RateLimitedException;
import com.smbhub.platform.security.RequestLimit;
import java.time.Duration;
import java.time.Instant;

/** Attempts of one kind (sign-up; account e-mails) per client address and per e-mail, each in an hour; beyond: 429. */
final class AccountLimits {

    private final RequestLimit perAddress;
    private final RequestLimit perEmail;

    /** {@code kind} names these counts on the data grid ("signup", "account-mail"). */
    AccountLimits(String kind, int perAddressPerHour, int perEmailPerHour) {
        this.perAddress = new RequestLimit(kind + "-address", perAddressPerHour, Duration.ofHours(1));
        this.perEmail = new RequestLimit(kind + "-email", perEmailPerHour, Duration.ofHours(1));
    }

    void address(String address, Instant now, String refusal) {
        perAddress.attempt(address, now).ifPresent(wait -> {
            throw new RateLimitedException(refusal, wait);
        });
    }

    void email(String email, Instant now, String refusal) {
        perEmail.attempt(email, now).ifPresent(wait -> {
            throw new RateLimitedException(refusal, wait);
        });
    }
}
