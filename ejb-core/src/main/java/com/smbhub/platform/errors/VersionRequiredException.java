package com.smbhub.platform.errors;

import jakarta.ejb.ApplicationException;

/** A change to an existing record did not say which version it was based on: 428, nothing changed. */
@ApplicationException(rollback = true)
public class VersionRequiredException extends RuntimeException {

    public VersionRequiredException() {
        super("Send the version you edited: the If-Match header with the ETag you received, or if_match_version");
    }
}
