package org.machi.testing;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import java.nio.file.Files;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.extension.ConditionEvaluationResult;
import org.junit.jupiter.api.extension.ExecutionCondition;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.ExtensionContext;

/** Marks a test that drives the system Chromium through {@link Browser}. */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Tag("browser")
@ExtendWith(RequiresChromium.Condition.class)
public @interface RequiresChromium {

    class Condition implements ExecutionCondition {

        @Override
        public ConditionEvaluationResult evaluateExecutionCondition(ExtensionContext context) {
            return Files.isExecutable(Browser.CHROMIUM)
                    ? ConditionEvaluationResult.enabled("Chromium found")
                    : RealPart.missing("Chromium", Browser.CHROMIUM + " is missing (apt-get install chromium)");
        }
    }
}
