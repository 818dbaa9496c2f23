package com.smbhub.aidraft;

import com.smbhub.platform.tenancy.TenantRecord;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Table;
import java.time.Instant;

/** What Text-to-Task read from a message, a file or a person's notes, before a person applies or rejects it (PRD 2.1). */
@Entity
@Table(name = "ai_drafts")
public class AiDraft extends TenantRecord {

    /** Where a draft was read from. */
    public enum Source { MESSAGE, FILE, MANUAL, WORK_ITEM }

    @Column(name = "source_type")
    private String sourceType;
    @Column(name = "source_id")
    private String sourceId;
    @Column(name = "conversation_id")
    private String conversationId;
    private String intent;
    @Column(name = "draft_payload")
    private String payload;
    @Column(name = "suggested_payload")
    private String suggestedPayload;
    private Double confidence;
    private String extractor = "rules";
    @Column(name = "parse_millis")
    private Integer parseMillis;
    private String status = AiDraftStatus.PENDING_QC.name();
    @Column(name = "qc_requested_at")
    private Instant qcRequestedAt;
    @Column(name = "reviewer_id")
    private String reviewerId;
    @Column(name = "reviewed_by")
    private String reviewedBy;
    @Column(name = "reviewed_at")
    private Instant reviewedAt;
    @Column(name = "review_notes")
    private String reviewNotes;
    @Column(name = "applied_entity_type")
    private String appliedEntityType;
    @Column(name = "applied_entity_id")
    private String appliedEntityId;
    @Column(name = "applied_at")
    private Instant appliedAt;
    @Column(name = "auto_applied")
    private boolean autoApplied;

    protected AiDraft() {
    }

    public AiDraft(Source source, String sourceId, String conversationId, String intent, String payload, double confidence, int parseMillis) {
        this.sourceType = source.name();
        this.sourceId = sourceId;
        this.conversationId = conversationId;
        this.intent = intent;
        this.payload = payload;
        this.suggestedPayload = payload;
        this.confidence = confidence;
        this.parseMillis = parseMillis;
    }

    /** Who read it: {@code rules}, or {@code chat} for the optional chat-completions reader. */
    AiDraft readBy(String extractor) {
        this.extractor = extractor;
        return this;
    }

    void edit(String intent, String payload, double confidence) {
        this.intent = intent;
        this.payload = payload;
        this.confidence = confidence;
    }

    void notes(String notes) {
        this.reviewNotes = notes;
    }

    /** Moves by one action of the lifecycle table; a decision records who made it and when. */
    void act(AiDraftStatus.Action action, String userId, Instant at) {
        AiDraftStatus next = getStatus().after(action);
        if (next != getStatus()) {
            reviewedBy = userId;
            reviewedAt = at;
        }
        status = next.name();
    }

    void applied(String entityType, String entityId, Instant at) {
        appliedEntityType = entityType;
        appliedEntityId = entityId;
        appliedAt = at;
    }

    /** Applied by the business's automation (a confident enough reading), not by a person. */
    void autoApplied() {
        autoApplied = true;
    }

    void sentToQc(Instant at) {
        if (qcRequestedAt == null) {
            qcRequestedAt = at;
        }
    }

    void claim(String reviewerId) {
        this.reviewerId = reviewerId;
    }

    public Source getSourceType() { return Source.valueOf(sourceType); }
    public String getSourceId() { return sourceId; }
    public String getConversationId() { return conversationId; }
    public String getIntent() { return intent; }
    public String getPayload() { return payload; }
    public String getSuggestedPayload() { return suggestedPayload; }
    public double getConfidence() { return confidence == null ? 0 : confidence; }
    public String getExtractor() { return extractor; }
    public Integer getParseMillis() { return parseMillis; }
    public AiDraftStatus getStatus() { return AiDraftStatus.valueOf(status); }
    public Instant getQcRequestedAt() { return qcRequestedAt; }
    public String getReviewerId() { return reviewerId; }
    public String getReviewedBy() { return reviewedBy; }
    public Instant getReviewedAt() { return reviewedAt; }
    public String getReviewNotes() { return reviewNotes; }
    public String getAppliedEntityType() { return appliedEntityType; }
    public String getAppliedEntityId() { return appliedEntityId; }
    public Instant getAppliedAt() { return appliedAt; }
    public boolean isAutoApplied() { return autoApplied; }
}
