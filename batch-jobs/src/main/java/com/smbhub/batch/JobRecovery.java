package com.smbhub.batch;

import jakarta.annotation.PostConstruct;
import jakarta.annotation.Resource;
import jakarta.ejb.EJB;
import jakarta.ejb.SessionContext;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.ejb.Timeout;
import jakarta.ejb.TimerConfig;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;

/**
 * Once the application is up after a start, the runs the server stopped under go on ({@link JobLauncher#recover}), and
 * the temporary files a killed server left in the file store's {@code .incoming/} go ({@link JobLauncher#dropLeftBehind}).
 */
@Singleton
@Startup
public class JobRecovery {

    @Resource SessionContext context;

    @EJB JobLauncher launcher;

    @PostConstruct
    void afterStart() {
        // a moment later: the batch runtime finds the job XML of a deployed application only
        context.getTimerService().createSingleActionTimer(5_000, new TimerConfig(null, false));
    }

    @Timeout
    @TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
    void recover() {
        launcher.recover(); // there: the batch runtime shows a component only the executions it started
        launcher.dropLeftBehind();
    }
}
