package com.smbhub.platform.tenancy;

import jakarta.annotation.Resource;
import jakarta.ejb.AsyncResult;
import jakarta.ejb.Asynchronous;
import jakarta.ejb.SessionContext;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import java.util.concurrent.Future;
import java.util.function.Supplier;

/**
 * Long work (reading a receipt, reading a message) off the request thread: run on a container thread as the same
 * caller in the same business, each service it calls checking the caller again in its own transaction. The screen
 * shows progress and picks the answer up from the {@link Future}.
 */
@Stateless
public class Background {

    @Resource SessionContext self;

    /** Starts {@code work} for the signed-in caller of this request; its exception, if any, comes out of the future. */
    public <T> Future<T> start(Supplier<T> work) {
        RequestContext.Handoff caller = RequestContext.current().orElseThrow(TenantMissingException::new).handoff();
        return self.getBusinessObject(Background.class).run(caller, work);
    }

    @Asynchronous
    @TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
    public <T> Future<T> run(RequestContext.Handoff caller, Supplier<T> work) {
        try (RequestContext.Scope scope = caller.open()) {
            return new AsyncResult<>(work.get());
        }
    }
}
