package com.smbhub.aidraft;

import com.smbhub.extract.Extraction;
import java.time.Instant;
import java.util.List;

/**
 * A draft as the AI panel, the QC queue and the API show it: the payload (the extraction, as edited), the
 * intents suggested for it (best first), how sure the reading is and the fields a person changed, its review
 * and what applying it made (and whether that was the business's automation, with no person).
 */
public record AiDraftView(String id, String sourceType, String sourceId, String conversationId, String intent,
        String status, Extraction payload, List<String> suggestedIntents, double confidence, String confidenceBand,
        List<String> editedFields, Instant qcRequestedAt, String reviewerId, String reviewedBy, Instant reviewedAt,
        String reviewNotes, String appliedEntityType, String appliedEntityId, Instant appliedAt, boolean autoApplied,
        Integer parseMillis, Instant createdAt, long version, List<String> allowedActions) {
}
