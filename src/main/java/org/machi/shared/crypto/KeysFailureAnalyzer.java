package org.machi.shared.crypto;

import org.springframework.boot.diagnostics.AbstractFailureAnalyzer;
import org.springframework.boot.diagnostics.FailureAnalysis;

/**
 * A start stopped for want of keys says what is missing and what to do, without a stack trace.
 * Registered in {@code META-INF/spring.factories}.
 */
public class KeysFailureAnalyzer extends AbstractFailureAnalyzer<KeysUnavailableException> {

    @Override
    protected FailureAnalysis analyze(Throwable rootFailure, KeysUnavailableException cause) {
        return new FailureAnalysis(cause.getMessage(), cause.action(), cause);
    }
}
