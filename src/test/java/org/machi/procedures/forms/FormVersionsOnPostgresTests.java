package org.machi.procedures.forms;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.machi.testing.OnPostgres;
import org.machi.testing.RequiresPostgres;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.jdbc.core.simple.JdbcClient;

/** On PostgreSQL: the forms migration, the seed, drafts and publishing, and the rule of one draft per procedure. */
@RequiresPostgres
class FormVersionsOnPostgresTests extends OnPostgres {

    @Autowired
    FormVersions versions;

    @Autowired
    JdbcClient jdbc;

    @Test
    void aDraftIsNumberedAfterThePublishedVersionAndPublishedOnlyWithoutProblems() throws Exception {
        FormDefinition seeded = versions.current("juminhyo").orElseThrow().definition();
        FormVersion draft = versions.saveDraft("juminhyo", seeded, "account:editor");
        assertThat(draft.version()).isEqualTo(2);
        assertThat(versions.saveDraft("juminhyo", seeded, "account:editor").version()).as("the draft is replaced").isEqualTo(2);
        assertThatThrownBy(() -> jdbc.sql("""
                INSERT INTO procedures.form_version (procedure_slug, version, status, draft_of, definition, created_at, created_by)
                VALUES ('juminhyo', 3, 'DRAFT', 'juminhyo', '{}', CURRENT_TIMESTAMP, 'x')""").update())
                .as("one draft per procedure").isInstanceOf(DataIntegrityViolationException.class);
        FormDefinition broken = new FormDefinition("juminhyo", seeded.steps(), null);
        versions.saveDraft("juminhyo", broken, "account:editor");
        assertThatThrownBy(() -> versions.publishDraft("juminhyo", "account:editor")).isInstanceOf(InvalidFormException.class)
                .hasMessageContaining("declaration: missing");
        versions.saveDraft("juminhyo", seeded, "account:editor");
        FormVersion published = versions.publishDraft("juminhyo", "account:editor");
        assertThat(published.published()).isTrue();
        assertThat(versions.current("juminhyo")).hasValueSatisfying(v -> assertThat(v.version()).isEqualTo(2));
        assertThat(versions.draft("juminhyo")).isEmpty();
        assertThat(versions.publishedDefinition("juminhyo", 1)).as("the old version stays").isPresent();
        assertThat(jdbc.sql("SELECT nextval('procedures.receipt_number_seq')").query(Long.class).single()).isPositive();
    }
}
