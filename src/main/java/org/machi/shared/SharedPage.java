package org.machi.shared;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Marks a handler whose answer is the same for every anonymous reader of one language and text
 * size: public pages, feeds, CAP documents and the public API. Such an answer may be kept for a
 * moment and handed to the next anonymous readers instead of being made again (see
 * {@link SharedPages}). Never put it on a handler whose answer holds a form token, a flash message
 * or anything about the reader.
 */
@Target(ElementType.METHOD)
@Retention(RetentionPolicy.RUNTIME)
@Documented
public @interface SharedPage {
}
