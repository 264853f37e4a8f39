package vn.situationroom;

import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.core.context.SecurityContextHolderStrategy;

/**
 * For a test class with an application context of its own (closed after it with {@code @DirtiesContext}): Spring
 * Security's context holder strategy is one per JVM, and that context (Vaadin's configuration) replaces the suite's,
 * so the suite's is put back after the class.
 */
public final class SuiteSecurityStrategy implements BeforeAllCallback, AfterAllCallback {

    private SecurityContextHolderStrategy suiteStrategy;

    @Override
    public void beforeAll(ExtensionContext context) {
        suiteStrategy = SecurityContextHolder.getContextHolderStrategy();
    }

    @Override
    public void afterAll(ExtensionContext context) {
        SecurityContextHolder.setContextHolderStrategy(suiteStrategy);
    }
}
