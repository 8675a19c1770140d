package org.machi.casework.register;

import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.machi.casework.RegisteredHousehold;
import org.machi.casework.RegisteredPerson;
import org.machi.casework.ResidentRegister;
import org.machi.shared.DataProtection;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * The register's tables: snapshots, their people (personal data sealed per field, looked up by
 * keyed hashes) and households' proxies; and {@link ResidentRegister} answered from the current
 * snapshot.
 */
@Component
class RegisterStore implements ResidentRegister {

    private static final String CURRENT = "(SELECT snapshot_id FROM casework.register_current WHERE only_row = 1)";
    private static final String PERSON = "SELECT register_number, household_number, head, district, name_sealed, birth_date_sealed,"
            + " address_sealed, details_sealed FROM casework.register_person";
    private static final char SEPARATOR = '\u001F';

    private final JdbcClient jdbc;
    private final JdbcTemplate batch;
    private final DataProtection protection;
    private final RegisterKeys keys;

    RegisterStore(JdbcClient jdbc, JdbcTemplate batch, DataProtection protection) {
        this.jdbc = jdbc;
        this.batch = batch;
        this.protection = protection;
        this.keys = new RegisterKeys(protection);
    }

    RegisterKeys keys() {
        return keys;
    }

    // --- reading ---

    @Override
    @Transactional(readOnly = true)
    public Optional<RegisteredPerson> byNumber(String registerNumber) {
        if (registerNumber == null) {
            return Optional.empty();
        }
        return jdbc.sql(PERSON + " WHERE snapshot_id = " + CURRENT + " AND register_number = ?")
                .param(registerNumber.strip()).query((rs, n) -> stored(rs)).optional().map(this::opened);
    }

    @Override
    @Transactional(readOnly = true)
    public List<RegisteredPerson> byNameAndBirthDate(String familyName, String givenName, LocalDate birthDate) {
        if (familyName == null || givenName == null || birthDate == null) {
            return List.of();
        }
        String key = keys.name(familyName, givenName, birthDate);
        return people(jdbc.sql(PERSON + " WHERE snapshot_id = " + CURRENT + " AND (name_hash = ? OR kana_hash = ?) ORDER BY register_number")
                .param(key).param(key).query((rs, n) -> stored(rs)).list());
    }

    @Override
    @Transactional(readOnly = true)
    public List<RegisteredPerson> byAddress(String postcode, String addressLine) {
        if (postcode == null || addressLine == null) {
            return List.of();
        }
        return people(jdbc.sql(PERSON + " WHERE snapshot_id = " + CURRENT + " AND address_hash = ? ORDER BY household_number, head DESC, register_number")
                .param(keys.address(postcode, addressLine)).query((rs, n) -> stored(rs)).list());
    }

    @Override
    @Transactional(readOnly = true)
    public Optional<RegisteredHousehold> household(String householdNumber) {
        if (householdNumber == null) {
            return Optional.empty();
        }
        List<RegisteredPerson> members = new ArrayList<>(people(jdbc.sql(PERSON + " WHERE snapshot_id = " + CURRENT + " AND household_number = ?")
                .param(householdNumber.strip()).query((rs, n) -> stored(rs)).list()));
        if (members.isEmpty()) {
            return Optional.empty();
        }
        members.sort(Comparator.comparing((RegisteredPerson p) -> !p.head()).thenComparing(RegisteredPerson::registerNumber));
        List<String> proxies = jdbc.sql("SELECT register_number FROM casework.register_proxy WHERE snapshot_id = " + CURRENT
                + " AND household_number = ? ORDER BY register_number").param(householdNumber.strip()).query(String.class).list();
        String head = members.get(0).head() ? members.get(0).registerNumber() : null;
        return Optional.of(new RegisteredHousehold(householdNumber.strip(), head, members, proxies));
    }

    /** A person's row as stored: sealed fields not yet opened. */
    private record Stored(String registerNumber, String householdNumber, boolean head, String district, String name,
                          String birthDate, String address, String details) {
    }

    private static Stored stored(java.sql.ResultSet rs) throws SQLException {
        return new Stored(rs.getString(1), rs.getString(2), rs.getBoolean(3), rs.getString(4), rs.getString(5), rs.getString(6),
                rs.getString(7), rs.getString(8));
    }

    private List<RegisteredPerson> people(List<Stored> rows) {
        return rows.stream().map(this::opened).toList();
    }

    private RegisteredPerson opened(Stored row) {
        String number = row.registerNumber();
        String[] name = split(protection.open(row.name(), "casework.register.name:" + number), 4);
        LocalDate birthDate = LocalDate.parse(protection.open(row.birthDate(), "casework.register.birth-date:" + number));
        String[] address = split(protection.open(row.address(), "casework.register.address:" + number), 2);
        String[] details = split(protection.open(row.details(), "casework.register.details:" + number), 2);
        return new RegisteredPerson(number, row.householdNumber(), name[0], name[1], name[2], name[3], birthDate, details[0],
                address[0], address[1], row.district(), details[1], row.head());
    }

    private static String[] split(String joined, int parts) {
        String[] split = joined.split(String.valueOf(SEPARATOR), -1);
        if (split.length != parts) {
            throw new IllegalStateException("a sealed register field has " + split.length + " parts, expected " + parts);
        }
        return split;
    }

    private static String join(String... parts) {
        return String.join(String.valueOf(SEPARATOR), parts);
    }

    // --- snapshots ---

    Optional<UUID> currentSnapshotId() {
        return jdbc.sql("SELECT snapshot_id FROM casework.register_current WHERE only_row = 1").query(UUID.class).optional();
    }

    /** Waits for any other import to finish (the current-row lock), so imports follow each other. */
    void lockCurrent() {
        jdbc.sql("SELECT snapshot_id FROM casework.register_current WHERE only_row = 1 FOR UPDATE").query(UUID.class).optional();
    }

    Optional<RegisterSnapshot> current() {
        return jdbc.sql("SELECT s.id, s.imported_at, s.imported_by, s.people, s.households, s.added, s.changed, s.removed"
                + " FROM casework.register_snapshot s JOIN casework.register_current c ON c.snapshot_id = s.id")
                .query((rs, n) -> snapshot(rs)).optional();
    }

    List<RegisterSnapshot> latest(int limit) {
        return jdbc.sql("SELECT id, imported_at, imported_by, people, households, added, changed, removed"
                + " FROM casework.register_snapshot ORDER BY seq DESC LIMIT ?").param(limit)
                .query((rs, n) -> snapshot(rs)).list();
    }

    Optional<RegisterSnapshot> snapshot(UUID id) {
        return jdbc.sql("SELECT id, imported_at, imported_by, people, households, added, changed, removed"
                + " FROM casework.register_snapshot WHERE id = ?").param(id).query((rs, n) -> snapshot(rs)).optional();
    }

    private static RegisterSnapshot snapshot(java.sql.ResultSet rs) throws SQLException {
        return new RegisterSnapshot(rs.getObject(1, UUID.class), rs.getTimestamp(2).toInstant(), rs.getString(3), rs.getInt(4),
                rs.getInt(5), rs.getInt(6), rs.getInt(7), rs.getInt(8));
    }

    /** The register numbers of a snapshot with their row hashes. */
    Map<String, String> rowHashes(UUID snapshot) {
        Map<String, String> hashes = new HashMap<>();
        jdbc.sql("SELECT register_number, row_hash FROM casework.register_person WHERE snapshot_id = ?").param(snapshot)
                .query(rs -> {
                    hashes.put(rs.getString(1), rs.getString(2));
                });
        return hashes;
    }

    void insertSnapshot(UUID id, Instant at, String by) {
        jdbc.sql("INSERT INTO casework.register_snapshot (id, imported_at, imported_by, people, households, added, changed, removed)"
                + " VALUES (?, ?, ?, 0, 0, 0, 0, 0)").param(id).param(Timestamp.from(at)).param(by).update();
    }

    void completeSnapshot(RegisterSnapshot snapshot) {
        jdbc.sql("UPDATE casework.register_snapshot SET people = ?, households = ?, added = ?, changed = ?, removed = ? WHERE id = ?")
                .param(snapshot.people()).param(snapshot.households()).param(snapshot.added()).param(snapshot.changed())
                .param(snapshot.removed()).param(snapshot.id()).update();
        int switched = jdbc.sql("UPDATE casework.register_current SET snapshot_id = ? WHERE only_row = 1").param(snapshot.id()).update();
        if (switched == 0) {
            jdbc.sql("INSERT INTO casework.register_current (only_row, snapshot_id) VALUES (1, ?)").param(snapshot.id()).update();
        }
    }

    /** A person ready to insert: keys computed, personal data sealed. */
    record Sealed(String registerNumber, String householdNumber, boolean head, String district, String nameHash, String kanaHash,
                  String addressHash, String rowHash, String name, String birthDate, String address, String details) {
    }

    Sealed seal(ExtractRow row) {
        String number = row.registerNumber();
        return new Sealed(number, row.householdNumber(), row.head(), row.district(),
                keys.name(row.familyName(), row.givenName(), row.birthDate()),
                keys.name(row.familyNameKana(), row.givenNameKana(), row.birthDate()),
                keys.address(row.postcode(), row.addressLine()),
                keys.row(row.canonical()),
                protection.seal(join(row.familyName(), row.givenName(), row.familyNameKana(), row.givenNameKana()), "casework.register.name:" + number),
                protection.seal(row.birthDate().toString(), "casework.register.birth-date:" + number),
                protection.seal(join(row.postcode(), row.addressLine()), "casework.register.address:" + number),
                protection.seal(join(row.sex(), row.relationship()), "casework.register.details:" + number));
    }

    void insertPeople(UUID snapshot, List<Sealed> people) {
        batch.batchUpdate("INSERT INTO casework.register_person (snapshot_id, register_number, household_number, head, district,"
                + " name_hash, kana_hash, address_hash, row_hash, name_sealed, birth_date_sealed, address_sealed, details_sealed)"
                + " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)", people, people.size(), (PreparedStatement ps, Sealed p) -> {
                    ps.setObject(1, snapshot);
                    ps.setString(2, p.registerNumber());
                    ps.setString(3, p.householdNumber());
                    ps.setBoolean(4, p.head());
                    ps.setString(5, p.district());
                    ps.setString(6, p.nameHash());
                    ps.setString(7, p.kanaHash());
                    ps.setString(8, p.addressHash());
                    ps.setString(9, p.rowHash());
                    ps.setString(10, p.name());
                    ps.setString(11, p.birthDate());
                    ps.setString(12, p.address());
                    ps.setString(13, p.details());
                });
    }

    void insertProxies(UUID snapshot, List<String[]> householdAndPerson) {
        batch.batchUpdate("INSERT INTO casework.register_proxy (snapshot_id, household_number, register_number) VALUES (?, ?, ?)",
                householdAndPerson, 1000, (PreparedStatement ps, String[] p) -> {
                    ps.setObject(1, snapshot);
                    ps.setString(2, p[0]);
                    ps.setString(3, p[1]);
                });
    }

    /** Deletes the people of every snapshot but the current one (their counts stay, as history). */
    int prune() {
        Optional<UUID> current = currentSnapshotId();
        if (current.isEmpty()) {
            return 0;
        }
        jdbc.sql("DELETE FROM casework.register_proxy WHERE snapshot_id <> ?").param(current.get()).update();
        return jdbc.sql("DELETE FROM casework.register_person WHERE snapshot_id <> ?").param(current.get()).update();
    }
}
