package org.machi.procedures.bundles;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.machi.procedures.LifeEvent;
import org.machi.procedures.applying.Answers;
import org.machi.shared.DataProtection;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/**
 * Bundles in the database, always looked up by owner as well as id: another account's bundle is
 * not found. The facts are sealed, bound to the bundle's id.
 */
@Repository
class BundleStore {

    private static final String CONTEXT = "procedures.bundle:";
    private static final TypeReference<LinkedHashMap<String, String>> MAP = new TypeReference<>() {
    };

    private final JdbcClient jdbc;
    private final DataProtection protection;
    private final JsonMapper json;

    BundleStore(JdbcClient jdbc, DataProtection protection, JsonMapper json) {
        this.jdbc = jdbc;
        this.protection = protection;
        this.json = json;
    }

    void insert(UUID id, UUID owner, LifeEvent event, List<String> procedures, List<Bundle.Skipped> skipped, Instant now) {
        jdbc.sql("""
                        INSERT INTO procedures.bundle (id, owner, life_event, procedures, skipped, created_at, updated_at)
                        VALUES (:id, :owner, :event, :procedures, :skipped, :now, :now)""")
                .param("id", id).param("owner", owner).param("event", event.name()).param("procedures", String.join("\n", procedures))
                .param("skipped", String.join("\n", skipped.stream().map(s -> s.slug() + ":" + s.reason().name()).toList()))
                .param("now", Timestamp.from(now)).update();
    }

    Optional<Bundle> find(UUID id, UUID owner) {
        return jdbc.sql("SELECT * FROM procedures.bundle WHERE id = :id AND owner = :owner").param("id", id).param("owner", owner)
                .query(this::bundle).optional().map(b -> withDrafts(b));
    }

    /** Keeps the facts, once: false when they were entered already (a second tab, a double click), and then nothing changes. */
    boolean enterFacts(UUID id, UUID owner, Answers facts, Instant now) {
        return jdbc.sql("""
                        UPDATE procedures.bundle SET facts_sealed = :facts, updated_at = :now
                        WHERE id = :id AND owner = :owner AND facts_sealed IS NULL""")
                .param("facts", protection.seal(json.writeValueAsString(facts.values()), CONTEXT + id)).param("now", Timestamp.from(now))
                .param("id", id).param("owner", owner).update() == 1;
    }

    void addDraft(UUID bundle, int order, String procedure, UUID applicationId, Set<String> fromBundle) {
        jdbc.sql("""
                        INSERT INTO procedures.bundle_draft (bundle_id, item_order, procedure_slug, application_id, from_bundle)
                        VALUES (:bundle, :order, :slug, :application, :fields)""")
                .param("bundle", bundle).param("order", order).param("slug", procedure).param("application", applicationId)
                .param("fields", String.join("\n", fromBundle)).update();
    }

    /** The owner's bundle that started this application, if one did. */
    Optional<UUID> bundleOf(UUID applicationId, UUID owner) {
        return jdbc.sql("""
                        SELECT b.id FROM procedures.bundle b JOIN procedures.bundle_draft d ON d.bundle_id = b.id
                        WHERE d.application_id = :application AND b.owner = :owner""")
                .param("application", applicationId).param("owner", owner).query((rs, n) -> rs.getObject(1, UUID.class)).optional();
    }

    private Bundle withDrafts(Bundle bundle) {
        List<Bundle.BundleDraft> drafts = jdbc.sql("SELECT * FROM procedures.bundle_draft WHERE bundle_id = :id ORDER BY item_order")
                .param("id", bundle.id()).query((rs, n) -> new Bundle.BundleDraft(rs.getInt("item_order"), rs.getString("procedure_slug"),
                        rs.getObject("application_id", UUID.class), lines(rs.getString("from_bundle")))).list();
        return new Bundle(bundle.id(), bundle.owner(), bundle.event(), bundle.procedures(), bundle.skipped(), bundle.facts(), drafts,
                bundle.createdAt(), bundle.updatedAt());
    }

    private Bundle bundle(ResultSet rs, int row) throws SQLException {
        UUID id = rs.getObject("id", UUID.class);
        String sealed = rs.getString("facts_sealed");
        Answers facts = sealed == null ? null : new Answers(json.readValue(protection.open(sealed, CONTEXT + id), MAP));
        List<Bundle.Skipped> skipped = lines(rs.getString("skipped")).stream().map(line -> line.split(":", 2))
                .map(parts -> new Bundle.Skipped(parts[0], Bundle.Reason.valueOf(parts[1]))).toList();
        return new Bundle(id, rs.getObject("owner", UUID.class), LifeEvent.valueOf(rs.getString("life_event")),
                List.copyOf(lines(rs.getString("procedures"))), skipped, facts, List.of(), rs.getTimestamp("created_at").toInstant(),
                rs.getTimestamp("updated_at").toInstant());
    }

    private static Set<String> lines(String text) {
        return text == null || text.isEmpty() ? Set.of() : new LinkedHashSet<>(Arrays.asList(text.split("\n")));
    }
}
