package com.smbhub.extract;

/** Turns a message into a draft. The default, {@link RulesExtractor}, runs on the CPU with no network. */
public interface Extractor {

    /** The reading, with the fields of the kind of draft it fits best. */
    default Extraction extract(Inbound message) {
        return extract(message, null);
    }

    /**
     * The reading with the fields of {@code as} (a person's choice in "Turn into…"; null: the best fit); its intent
     * and runners-up stay what the message reads as.
     */
    Extraction extract(Inbound message, Extraction.Intent as);
}
