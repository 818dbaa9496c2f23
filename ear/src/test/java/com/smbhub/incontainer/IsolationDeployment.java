package com.smbhub.incontainer;

import java.io.File;
import org.jboss.shrinkwrap.api.ArchivePath;
import org.jboss.shrinkwrap.api.ShrinkWrap;
import org.jboss.shrinkwrap.api.asset.EmptyAsset;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.jboss.shrinkwrap.api.spec.JavaArchive;
import org.jboss.shrinkwrap.api.spec.WebArchive;

/**
 * What the in-container tests deploy: the ejb-core module and libraries of the EAR the build just
 * produced (what ships), plus a small WAR with the test classes. It deploys beside the application
 * on the system-test domain and shares its database.
 */
final class IsolationDeployment {

    private IsolationDeployment() {
    }

    static EnterpriseArchive create(Class<?>... testClasses) {
        EnterpriseArchive built = ShrinkWrap.createFromZipFile(EnterpriseArchive.class, new File("target/smbhub.ear"));
        EnterpriseArchive ear = ShrinkWrap.create(EnterpriseArchive.class, "smbhub-incontainer-tests.ear");
        ear.addAsModule(built.getAsType(JavaArchive.class, "ejb-core.jar"));
        for (ArchivePath path : built.getContent().keySet()) {
            String name = path.get();
            if (name.startsWith("/lib/") && name.endsWith(".jar")) {
                ear.addAsLibrary(built.get(path).getAsset(), name.substring("/lib/".length()));
            }
        }
        WebArchive tests = ShrinkWrap.create(WebArchive.class, "incontainer-tests.war")
                .addClasses(testClasses)
                .addAsWebInfResource(EmptyAsset.INSTANCE, "beans.xml");
        ear.addAsModule(tests);
        return ear;
    }
}
