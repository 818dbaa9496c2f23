package com.smbhub.job;

/** A job run's state: started (running), then completed (whatever it skipped or failed is counted) or failed. */
public enum JobRunStatus {
    STARTED, COMPLETED, FAILED;

    /** What started a run: its schedule, a person's "Run now", or a provider's webhook (POS sync). */
    public enum Trigger {
        SCHEDULE("on schedule"), MANUAL("Run now"), WEBHOOK("on a notice from the provider");

        private final String words;

        Trigger(String words) {
            this.words = words;
        }

        /** How a screen says what started the run. */
        public String words() {
            return words;
        }

        /** The run's source as analytics names it. */
        public String source() {
            return name().toLowerCase(java.util.Locale.ROOT);
        }
    }
}
