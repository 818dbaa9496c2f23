package com.smbhub.extract;

/** Turns a message into a draft. The default, {@link RulesExtractor}, runs on the CPU with no network. */
public interface Extractor {

    Extraction extract(Inbound message);
}
