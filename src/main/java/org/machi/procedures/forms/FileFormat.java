package org.machi.procedures.forms;

/** The kinds of file a FILE field may accept, as the attachments module recognises them by their content. */
public enum FileFormat {
    PDF, JPEG, PNG
}
