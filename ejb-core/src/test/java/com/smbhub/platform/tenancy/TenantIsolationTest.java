package com.smbhub.platform.tenancy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.smbhub.aidraft.AiDraft;
import com.smbhub.catalog.CatalogEntry;
import com.smbhub.catalog.CatalogItem;
import com.smbhub.contact.Contact;
import com.smbhub.expense.Expense;
import com.smbhub.file.StoredFile;
import com.smbhub.inbox.Channel;
import com.smbhub.inbox.Conversation;
import com.smbhub.inbox.InboxMessage;
import com.smbhub.invoice.Invoice;
import com.smbhub.job.JobName;
import com.smbhub.job.JobRun;
import com.smbhub.job.JobRunStatus;
import com.smbhub.money.BusinessTaxCode;
import com.smbhub.notification.Notification;
import com.smbhub.payment.Payment;
import com.smbhub.payment.PaymentStatus;
import com.smbhub.platform.analytics.AnalyticsEvent;
import com.smbhub.platform.idempotency.IdempotencyRecord;
import com.smbhub.platform.mail.MessageTemplate;
import com.smbhub.platform.security.Membership;
import com.smbhub.platform.security.Role;
import com.smbhub.portal.PortalToken;
import com.smbhub.profile.TenantProfileOverride;
import com.smbhub.quote.Quote;
import com.smbhub.tenant.IntegrationConnection;
import com.smbhub.tenant.Invitation;
import com.smbhub.tenant.TenantMember;
import com.smbhub.workitem.WorkItem;
import jakarta.persistence.EntityManager;
import jakarta.persistence.EntityManagerFactory;
import jakarta.persistence.Persistence;
import jakarta.persistence.Table;
import jakarta.persistence.metamodel.EntityType;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.function.BiFunction;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The tenant isolation suite (PRD 6.3.2): for every tenant-owned entity type, business B can
 * neither see nor change business A's rows — by list, by id, by bulk update or delete, after A's
 * rows were cached, and through the native queries the code uses. Real EclipseLink, real
 * PostgreSQL, the production mappings and migrations. Every new entity must join {@link #FACTORIES}.
 */
class TenantIsolationTest {

    /** How to make one row of each tenant-owned entity; the suite fails if an entity is missing. */
    static final Map<Class<?>, BiFunction<TenantIsolationTest, String, Object>> FACTORIES = new LinkedHashMap<>();

    static {
        FACTORIES.put(TenantMember.class, (t, tenant) -> new TenantMember(t.newUser(), Role.STAFF));
        FACTORIES.put(Invitation.class, (t, tenant) -> new Invitation(t.newMember(tenant), "new@x.test", Role.STAFF,
                UUID.randomUUID().toString(), Instant.now().plusSeconds(3600)));
        FACTORIES.put(BusinessTaxCode.class, (t, tenant) -> new BusinessTaxCode("T" + UUID.randomUUID().toString()
                .substring(0, 6), "Tax", BigDecimal.TEN));
        FACTORIES.put(CatalogItem.class, (t, tenant) -> new CatalogItem(new CatalogEntry(null, "Item "
                + UUID.randomUUID(), null, BigDecimal.TEN, null, null, 0)));
        FACTORIES.put(Invoice.class, (t, tenant) -> new Invoice("INV-" + UUID.randomUUID().toString().substring(0, 8),
                t.newContact(tenant), LocalDate.now(), LocalDate.now().plusDays(14), "CAD"));
        FACTORIES.put(Quote.class, (t, tenant) -> new Quote("Q-" + UUID.randomUUID().toString()
                .substring(0, 8), t.newContact(tenant), LocalDate.now(), LocalDate.now().plusDays(30), "CAD"));
        FACTORIES.put(Notification.class, (t, tenant) -> new Notification(
                "quote.approved", "Quote Q-1001 was approved", "quote", UUID.randomUUID().toString()));
        FACTORIES.put(IntegrationConnection.class, (t, tenant) -> new IntegrationConnection(
                "P" + UUID.randomUUID().toString().substring(0, 8)));
        FACTORIES.put(MessageTemplate.class, (t, tenant) -> new MessageTemplate(
                "invoice_email", "t" + UUID.randomUUID()));
        FACTORIES.put(Payment.class, (t, tenant) -> new Payment(t.newInvoice(tenant), "CASH", PaymentStatus.SUCCEEDED,
                BigDecimal.TEN, "CAD", Instant.now(), null));
        FACTORIES.put(PortalToken.class, (t, tenant) -> new PortalToken("INVOICE", UUID.randomUUID().toString(), null,
                UUID.randomUUID().toString(), null, "u"));
        FACTORIES.put(Contact.class, (t, tenant) -> new Contact("Jane " + tenant.substring(0, 4), "jane@x.test", null));
        FACTORIES.put(WorkItem.class, (t, tenant) -> new WorkItem("Fix the tap"));
        FACTORIES.put(StoredFile.class, (t, tenant) -> new StoredFile("LOCAL", tenant + "/k", "quote.pdf",
                "application/pdf", 10, "abc", "WORK_ITEM", UUID.randomUUID().toString(), null));
        FACTORIES.put(IdempotencyRecord.class, (t, tenant) -> new IdempotencyRecord("POST /contacts",
                UUID.randomUUID().toString(), "hash", UUID.randomUUID().toString()));
        FACTORIES.put(AnalyticsEvent.class, (t, tenant) -> new AnalyticsEvent("work_item.created",
                Instant.now(), "u", "STAFF", "general", "web", "manual", "req_x", "{}"));
        FACTORIES.put(TenantProfileOverride.class, (t, tenant) -> new TenantProfileOverride("{\"labels\":{\"inbox\":\"Mail\"}}"));
        FACTORIES.put(Conversation.class, (t, tenant) -> new Conversation(Channel.EMAIL, "client@x.test", "Leaking tap"));
        FACTORIES.put(InboxMessage.class, (t, tenant) -> InboxMessage.outgoing(t.newConversation(tenant), "office@x.test",
                "client@x.test", "Re: Leaking tap", "We come at 9", UUID.randomUUID() + "@x.test", null, null, null));
        FACTORIES.put(AiDraft.class, (t, tenant) -> new AiDraft(AiDraft.Source.MANUAL, null, null, "CREATE_WORK_ITEM",
                "{\"intent\":\"CREATE_WORK_ITEM\"}", 0.5, 1));
        FACTORIES.put(Expense.class, (t, tenant) -> new Expense(Expense.Source.MANUAL, "CAD"));
        FACTORIES.put(JobRun.class, (t, tenant) -> new JobRun(JobName.AR_REMINDERS, JobRunStatus.Trigger.SCHEDULE, null,
                Instant.now()));
    }

    /** Types with at most one row per business: the suite clears the row before making a new one. */
    static final Set<Class<?>> ONE_PER_TENANT = Set.of(TenantProfileOverride.class);

    static TestDatabase db;
    static EntityManagerFactory emf;
    static String tenantA;
    static String tenantB;

    @BeforeAll
    static void start() throws Exception {
        db = TestDatabase.fresh("isolation_suite");
        emf = Persistence.createEntityManagerFactory("smbhub-se", db.jpaProperties());
        tenantA = newTenant("a");
        tenantB = newTenant("b");
    }

    @AfterAll
    static void stop() {
        if (emf != null) {
            emf.close();
        }
    }

    static List<Class<?>> entityTypes() {
        return List.copyOf(FACTORIES.keySet());
    }

    @Test
    void everyTenantOwnedEntityIsInTheSuite() {
        Set<Class<?>> tenantOwned = emf.getMetamodel().getEntities().stream()
                .map(EntityType::getJavaType)
                .filter(TenantOwned.class::isAssignableFrom)
                .collect(Collectors.toSet());
        assertEquals(tenantOwned, FACTORIES.keySet(), "add the new entity to FACTORIES");
    }

    /** The server's unit lists its entities too: a tenant-owned one missing from this suite's unit fails here. */
    @Test
    void theSuiteMapsEveryTenantOwnedEntityTheServerMaps() throws Exception {
        Set<Class<?>> served = new java.util.HashSet<>();
        Matcher listed = Pattern.compile("<class>([\\w.]+)</class>").matcher(
                Files.readString(Path.of("src/main/resources/META-INF/persistence.xml")));
        while (listed.find()) {
            Class<?> type = Class.forName(listed.group(1));
            if (TenantOwned.class.isAssignableFrom(type) && type.isAnnotationPresent(jakarta.persistence.Entity.class)) {
                served.add(type);
            }
        }
        assertEquals(served, FACTORIES.keySet(), "list the entity in src/test/resources/META-INF/persistence.xml");
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("entityTypes")
    void listFromAnotherTenantNeverShowsTheRow(Class<?> type) {
        String idA = create(type, tenantA);
        List<String> seenByB = inTenant(tenantB, em -> ids(em, type));
        assertFalse(seenByB.contains(idA));
        assertTrue(inTenant(tenantA, em -> ids(em, type)).contains(idA));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("entityTypes")
    void findByIdFromAnotherTenantFindsNothingEvenAfterTheRowWasCached(Class<?> type) {
        String idA = create(type, tenantA);
        // load it in A through the same factory (warms any shared cache), then ask from B
        assertNotNull(inTenant(tenantA, em -> em.find(type, idA)));
        assertNull(inTenant(tenantB, em -> em.find(type, idA)));
        assertNull(inTenant(tenantB, em -> em.createQuery("select e from " + type.getSimpleName()
                        + " e where e.id = :id").setParameter("id", idA).getResultStream().findFirst().orElse(null)));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("entityTypes")
    void bulkUpdateFromAnotherTenantChangesNothing(Class<?> type) throws Exception {
        String idA = create(type, tenantA);
        String before = stampOf(type, idA);
        int updated = inTenant(tenantB, em -> em.createQuery("update " + type.getSimpleName()
                        + " e set e.createdAt = :t where e.id = :id")
                .setParameter("t", Instant.parse("2000-01-01T00:00:00Z")).setParameter("id", idA).executeUpdate());
        assertEquals(0, updated);
        assertEquals(before, stampOf(type, idA));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("entityTypes")
    void deleteFromAnotherTenantRemovesNothing(Class<?> type) throws Exception {
        String idA = create(type, tenantA);
        int deletedById = inTenant(tenantB, em -> em.createQuery("delete from " + type.getSimpleName()
                + " e where e.id = :id").setParameter("id", idA).executeUpdate());
        assertEquals(0, deletedById);
        inTenant(tenantB, em -> {
            Object row = em.find(type, idA);
            if (row != null) {
                em.remove(row);
            }
            return null;
        });
        assertTrue(exists(type, idA));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("entityTypes")
    void mergingAnotherTenantsRowDoesNotOverwriteIt(Class<?> type) throws Exception {
        String idA = create(type, tenantA);
        Object detached = inTenant(tenantA, em -> em.find(type, idA));
        String before = stampOf(type, idA);
        try {
            inTenant(tenantB, em -> em.merge(detached));
        } catch (RuntimeException expected) {
            // refusing is fine too; what matters is A's row
        }
        assertEquals(before, stampOf(type, idA));
        assertEquals(tenantA, tenantOf(type, idA));
    }

    @Test
    void membershipNativeQueriesStayInsideTheirTenant() {
        String user = newUser();
        inTenant(tenantA, em -> {
            em.persist(new TenantMember(user, Role.OWNER));
            return null;
        });
        assertEquals("OWNER", inTenant(tenantA, em -> Membership.activeRole(em, tenantA, user)).orElseThrow());
        assertTrue(inTenant(tenantB, em -> Membership.activeRole(em, tenantB, user)).isEmpty());
        List<Membership.View> memberships = inTenant(tenantA, em -> Membership.activeOf(em, user));
        assertEquals(List.of(tenantA), memberships.stream().map(Membership.View::tenantId).toList());
    }

    @Test
    void aReadWithoutATenantFailsClosed() {
        EntityManager em = emf.createEntityManager();
        try {
            assertThrows(RuntimeException.class,
                    () -> em.createQuery("select c from Contact c", Contact.class).getResultList());
        } finally {
            em.close();
        }
    }

    @Test
    void blankOrMalformedTenantsAreRefused() {
        EntityManager em = emf.createEntityManager();
        try {
            assertThrows(TenantMissingException.class, () -> Tenancy.apply(em, null));
            assertThrows(TenantMissingException.class, () -> Tenancy.apply(em, ""));
            assertThrows(TenantMissingException.class, () -> Tenancy.apply(em, "northside"));
        } finally {
            em.close();
        }
    }

    @Test
    void aUnitOfWorkCannotSwitchTenant() {
        EntityManager em = emf.createEntityManager();
        try {
            Tenancy.apply(em, tenantA);
            Tenancy.apply(em, tenantA);
            assertThrows(IllegalStateException.class, () -> Tenancy.apply(em, tenantB));
        } finally {
            em.close();
        }
    }

    @Test
    void theTenantColumnIsWrittenFromTheContextNotFromTheEntity() throws Exception {
        String id = create(Contact.class, tenantB);
        assertEquals(tenantB, tenantOf(Contact.class, id));
    }

    @Test
    void contactTagsRoundTripThroughTheTextArrayColumn() {
        String id = inTenant(tenantA, em -> {
            Contact contact = new Contact("Tagged", null, null);
            contact.tag(List.of("vip", "needs \"quote\"", "a,b"));
            em.persist(contact);
            return contact.getId();
        });
        assertEquals(List.of("vip", "needs \"quote\"", "a,b"), inTenant(tenantA, em -> em.find(Contact.class, id).getTags()));
    }

    // --- helpers ---

    private String create(Class<?> type, String tenant) {
        if (ONE_PER_TENANT.contains(type)) {
            execute("delete from " + table(type) + " where tenant_id = ?::uuid", tenant);
        }
        return inTenant(tenant, em -> {
            Object row = FACTORIES.get(type).apply(this, tenant);
            em.persist(row);
            em.flush();
            return ((TenantOwned) row).getId();
        });
    }

    private static <T> T inTenant(String tenant, Function<EntityManager, T> work) {
        EntityManager em = emf.createEntityManager();
        try {
            Tenancy.apply(em, tenant);
            em.getTransaction().begin();
            T result = work.apply(em);
            em.getTransaction().commit();
            return result;
        } finally {
            if (em.getTransaction().isActive()) {
                em.getTransaction().rollback();
            }
            em.close();
        }
    }

    private static List<String> ids(EntityManager em, Class<?> type) {
        return em.createQuery("select e.id from " + type.getSimpleName() + " e", String.class).getResultList();
    }

    private static String table(Class<?> type) {
        return type.getAnnotation(Table.class).name();
    }

    /** created_at and, where the table has one, version: what an update from elsewhere would change. */
    private static String stampOf(Class<?> type, String id) throws Exception {
        String version = TenantRecord.class.isAssignableFrom(type) ? "version::text" : "''";
        return single("select created_at::text || '/' || " + version + " from " + table(type) + " where id = ?::uuid",
                id, rs -> rs.getString(1));
    }

    private static String tenantOf(Class<?> type, String id) throws Exception {
        return single("select tenant_id::text from " + table(type) + " where id = ?::uuid", id, rs -> rs.getString(1));
    }

    private static boolean exists(Class<?> type, String id) throws Exception {
        return single("select count(*) from " + table(type) + " where id = ?::uuid", id, rs -> rs.getInt(1) == 1);
    }

    interface Column<T> {
        T read(ResultSet rs) throws SQLException;
    }

    private static <T> T single(String sql, String id, Column<T> column) throws Exception {
        try (Connection c = db.connect(); PreparedStatement ps = c.prepareStatement(sql)) {
            ps.setString(1, id);
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                return column.read(rs);
            }
        }
    }

    String newUser() {
        String id = UUID.randomUUID().toString();
        execute("insert into users (id, email, display_name) values (?::uuid, ?, 'Test user')", id, id + "@x.test");
        return id;
    }

    String newContact(String tenant) {
        String id = UUID.randomUUID().toString();
        execute("insert into contacts (id, tenant_id, display_name) values (?::uuid, ?::uuid, 'Client')", id, tenant);
        return id;
    }

    String newConversation(String tenant) {
        String id = UUID.randomUUID().toString();
        execute("insert into conversations (id, tenant_id, channel) values (?::uuid, ?::uuid, 'EMAIL')", id, tenant);
        return id;
    }

    String newInvoice(String tenant) {
        String id = UUID.randomUUID().toString();
        execute("insert into invoices (id, tenant_id, invoice_number, contact_id, issue_date, due_date, currency)"
                + " values (?::uuid, ?::uuid, ?, ?::uuid, current_date, current_date, 'CAD')", id, tenant,
                "INV-" + id.substring(0, 8), newContact(tenant));
        return id;
    }

    String newMember(String tenant) {
        String id = UUID.randomUUID().toString();
        execute("insert into tenant_members (id, tenant_id, user_id, role, status) values (?::uuid, ?::uuid, ?::uuid,"
                + " 'STAFF', 'INVITED')", id, tenant, newUser());
        return id;
    }

    private static String newTenant(String name) {
        String id = UUID.randomUUID().toString();
        execute("insert into tenants (id, external_org_id, name) values (?::uuid, ?, ?)", id, name + id, name);
        return id;
    }

    private static void execute(String sql, String... params) {
        try (Connection c = db.connect(); PreparedStatement ps = c.prepareStatement(sql)) {
            for (int i = 0; i < params.length; i++) {
                ps.setString(i + 1, params[i]);
            }
            ps.executeUpdate();
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }
}
