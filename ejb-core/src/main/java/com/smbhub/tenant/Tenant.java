package com.smbhub.tenant;

import com.smbhub.money.DocumentPdf;
import com.smbhub.platform.PostalAddress;
import com.smbhub.platform.errors.ValidationException;
import com.smbhub.platform.errors.VerificationRequiredException;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.UUID;

/** A business account (global table; its id is every business row's tenant_id). */
@Entity
@Table(name = "tenants")
public class Tenant {

    @Id
    private String id = UUID.randomUUID().toString();
    @Column(name = "external_org_id")
    private String externalOrgId;
    private String name;
    @Column(name = "profile_id")
    private String profileId;
    private String timezone;
    private String currency;
    @Column(name = "stripe_account_id")
    private String stripeAccountId;
    private String country;
    @Column(name = "legal_name")
    private String legalName;
    @Column(name = "address_line1")
    private String addressLine1;
    @Column(name = "address_line2")
    private String addressLine2;
    private String city;
    private String region;
    @Column(name = "postal_code")
    private String postalCode;
    private String phone;
    private String email;
    private String website;
    @Column(name = "tax_numbers")
    private String taxNumbers;
    @Column(name = "default_notes")
    private String defaultNotes;
    @Column(name = "default_terms")
    private String defaultTerms;
    @Column(name = "payment_mail")
    private boolean paymentMail;
    @Column(name = "receipt_mail")
    private boolean receiptMail;
    @Column(name = "verification_pending")
    private boolean verificationPending;
    @Column(name = "ai_auto_draft")
    private boolean aiAutoDraft;
    @Column(name = "ai_auto_apply_at")
    private BigDecimal aiAutoApplyAt;
    @Column(name = "created_at")
    private Instant createdAt = Instant.now();
    @Column(name = "updated_at")
    private Instant updatedAt = Instant.now();
    @Column(name = "deleted_at")
    private Instant deletedAt;
    @Version
    private long version;

    protected Tenant() {
    }

    public Tenant(String externalOrgId, String name, String profileId, String timezone, String currency) {
        this.externalOrgId = externalOrgId;
        this.name = name;
        this.profileId = profileId;
        this.timezone = timezone;
        this.currency = currency;
    }

    /** A business made by sign-up; {@code pending}: nothing goes to a client until its owner verified their e-mail address. */
    public static Tenant signedUp(String slug, String name, String profileId, String timezone, String currency,
                                  String country, boolean pending) {
        Tenant tenant = new Tenant(slug, name, profileId, timezone, currency);
        tenant.country = country;
        tenant.verificationPending = pending;
        return tenant;
    }

    /** The one check before anything goes to a client (a client link is made for every send). */
    public void requireVerified() {
        if (verificationPending) {
            throw new VerificationRequiredException();
        }
    }

    public void ownerVerified() {
        verificationPending = false;
        updatedAt = Instant.now();
    }

    public String getId() { return id; }
    public String getExternalOrgId() { return externalOrgId; }
    public String getName() { return name; }
    public String getProfileId() { return profileId; }
    public String getTimezone() { return timezone; }
    public String getCurrency() { return currency; }
    public String getStripeAccountId() { return stripeAccountId; }
    public String getCountry() { return country; }
    public boolean isVerificationPending() { return verificationPending; }
    public boolean isPaymentMail() { return paymentMail; }
    public boolean isReceiptMail() { return receiptMail; }
    public Instant getDeletedAt() { return deletedAt; }
    public boolean isAiAutoDraft() { return aiAutoDraft; }
    public BigDecimal getAiAutoApplyAt() { return aiAutoApplyAt; }
    public long getVersion() { return version; }

    /** What the business prints on its documents. */
    public BusinessDetails details() {
        return new BusinessDetails(legalName, new PostalAddress(addressLine1, addressLine2, city, region, postalCode, country),
                phone, email, website, taxNumbers, defaultNotes, defaultTerms, version);
    }

    void changeDetails(BusinessDetails d) {
        legalName = d.legalName();
        addressLine1 = d.address().line1();
        addressLine2 = d.address().line2();
        city = d.address().city();
        region = d.address().region();
        postalCode = d.address().postalCode();
        country = d.address().country();
        phone = d.phone();
        email = d.email();
        website = d.website();
        taxNumbers = d.taxNumbers();
        defaultNotes = d.defaultNotes();
        defaultTerms = d.defaultTerms();
        updatedAt = Instant.now();
    }

    /** The top of its invoices and quotes: name, the details under it, logo ({@code logo} may be null). */
    public DocumentPdf.From letterhead(byte[] logo) {
        return details().letterhead(name, logo);
    }

    /** The business's time zone for dates and "today" (UTC if the stored one is unusable). */
    public ZoneId zone() {
        try {
            return ZoneId.of(timezone);
        } catch (RuntimeException e) {
            return ZoneOffset.UTC;
        }
    }

    /** Whether owners and admins get an e-mail when a client pays by card. */
    public void mailPayments(boolean on) {
        this.paymentMail = on;
        this.updatedAt = Instant.now();
    }

    /** Whether a client gets a receipt e-mail by itself after paying by card. */
    public void mailReceipts(boolean on) {
        this.receiptMail = on;
        this.updatedAt = Instant.now();
    }

    public void connectStripe(String accountId) {
        this.stripeAccountId = accountId;
        this.updatedAt = Instant.now();
    }

    /**
     * Text-to-Task automation: new messages drafted by themselves; applied when at least {@code applyAt} sure, from 0.50
     * to 1.00 (null: never, and only with drafting by themselves).
     */
    public void automate(boolean autoDraft, BigDecimal applyAt) {
        if (applyAt != null && (applyAt.compareTo(new BigDecimal("0.50")) < 0 || applyAt.compareTo(BigDecimal.ONE) > 0
                || applyAt.scale() > 2 && applyAt.stripTrailingZeros().scale() > 2)) {
            throw new ValidationException("auto_apply_at", "From 50 % to 100 %, or never");
        }
        if (applyAt != null && !autoDraft) {
            throw new ValidationException("auto_apply_at", "Drafts are applied by themselves only when new messages are drafted by themselves");
        }
        this.aiAutoDraft = autoDraft;
        this.aiAutoApplyAt = applyAt == null ? null : applyAt.setScale(2, RoundingMode.UNNECESSARY);
        this.updatedAt = Instant.now();
    }

    /** The switches an export carries besides the details: mails after card payments, Text-to-Task automation. */
    public record Options(boolean paymentMail, boolean receiptMail, boolean aiAutoDraft, BigDecimal aiAutoApplyAt) {
    }

    public Options options() {
        return new Options(paymentMail, receiptMail, aiAutoDraft, aiAutoApplyAt);
    }

    /**
     * An import brings the exported business's time zone, currency, profile, details and options (null: an export made
     * before they were carried keeps this business's); its name stays this business's.
     */
    public void imported(String timezone, String currency, String profileId, BusinessDetails details, Options options) {
        change(name, timezone, currency, profileId);
        changeDetails(details);
        if (options != null) {
            automate(options.aiAutoDraft(), options.aiAutoApplyAt());
            this.paymentMail = options.paymentMail();
            this.receiptMail = options.receiptMail();
        }
    }

    void change(String name, String timezone, String currency, String profileId) {
        this.name = name;
        this.timezone = timezone;
        this.currency = currency;
        this.profileId = profileId;
        this.updatedAt = Instant.now();
    }
}
