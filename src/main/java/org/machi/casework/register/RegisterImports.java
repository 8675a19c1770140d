package org.machi.casework.register;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import org.machi.audit.AuditRecord;
import org.machi.audit.AuditTrail;
import org.machi.shared.CityProfile;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Imports an extract of the resident register (CSV, docs/operations.md) as a new snapshot:
 * every row is checked, and the file is imported whole or not at all. A file with any problem
 * is refused with every problem's line (the first {@value #PROBLEMS_SHOWN} listed) and nothing
 * changes; a good one becomes the current snapshot in the same transaction that fills it, so that
 * look-ups see the old register or the new one, never half of it. Imports are audited with who
 * and the counts, never with personal data.
 */
@Service
public class RegisterImports {

    public static final int PROBLEMS_SHOWN = 200;
    private static final int BATCH = 1000;
    private static final Logger log = LoggerFactory.getLogger(RegisterImports.class);

    private final RegisterStore store;
    private final TransactionTemplate transactions;
    private final AuditTrail audit;
    private final CityProfile city;
    private final Clock clock;

    RegisterImports(RegisterStore store, TransactionTemplate transactions, AuditTrail audit, CityProfile city, Clock clock) {
        this.store = store;
        this.transactions = transactions;
        this.audit = audit;
        this.city = city;
        this.clock = clock;
    }

    /** The current snapshot, if an extract was ever imported. */
    public Optional<RegisterSnapshot> current() {
        return store.current();
    }

    /** One import, by its id. */
    public Optional<RegisterSnapshot> snapshot(UUID id) {
        return store.snapshot(id);
    }

    /** The latest imports, newest first. */
    public List<RegisterSnapshot> latest(int limit) {
        return store.latest(limit);
    }

    /**
     * Reads the extract to its end and imports it, or refuses it whole.
     *
     * @param actor the account reference of who imports, or {@code system}
     */
    public ImportResult importCsv(InputStream csv, String actor) {
        long started = System.nanoTime();
        ImportResult result = transactions.execute(status -> {
            Run run = new Run(actor);
            run.read(csv);
            if (run.problemCount > 0) {
                status.setRollbackOnly();
                List<RowProblem> inOrder = new ArrayList<>(run.problems);
                inOrder.sort(java.util.Comparator.comparingInt(RowProblem::line));
                return new ImportResult.Refused(inOrder, run.problemCount);
            }
            return new ImportResult.Imported(run.complete());
        });
        long millis = (System.nanoTime() - started) / 1_000_000;
        if (result instanceof ImportResult.Imported imported) {
            RegisterSnapshot s = imported.snapshot();
            int pruned = store.prune();
            audit.record(AuditRecord.of(actor, "casework.register.imported").about(null, "casework.register_snapshot")
                    .withDetail("snapshot %s: %d people, %d households; %d added, %d changed, %d removed"
                            .formatted(s.id(), s.people(), s.households(), s.added(), s.changed(), s.removed())));
            log.info("Register extract imported as snapshot {} in {} ms: {} people, {} households; {} added, {} changed, {} removed; {} rows of earlier snapshots deleted",
                    s.id(), millis, s.people(), s.households(), s.added(), s.changed(), s.removed(), pruned);
        } else if (result instanceof ImportResult.Refused refused) {
            audit.record(AuditRecord.of(actor, "casework.register.import-refused").about(null, "casework.register_snapshot")
                    .withDetail("%d problems, first on line %d".formatted(refused.problemCount(),
                            refused.problems().isEmpty() ? 0 : refused.problems().get(0).line())));
            log.info("Register extract refused after {} ms: {} problems", millis, refused.problemCount());
        }
        return result;
    }

    /** One import, in its transaction. */
    private final class Run {

        final String actor;
        final UUID snapshot = UUID.randomUUID();
        final Instant at = clock.instant().truncatedTo(java.time.temporal.ChronoUnit.MICROS);
        final LocalDate today = LocalDate.now(clock.withZone(city.timeZone()));
        final List<RowProblem> problems = new ArrayList<>();
        int problemCount;
        Map<String, String> before;
        final Map<String, Integer> lineOf = new HashMap<>();
        /** Per household: the line it first appears on, and its heads. */
        final Map<String, int[]> households = new HashMap<>();
        final List<String[]> proxies = new ArrayList<>();
        final List<int[]> proxyLines = new ArrayList<>();
        final List<ExtractRow> pending = new ArrayList<>(BATCH);
        CompletableFuture<List<RegisterStore.Sealed>> sealing;
        int added;
        int changed;

        Run(String actor) {
            this.actor = actor;
        }

        void problem(RowProblem problem) {
            problemCount++;
            if (problems.size() < PROBLEMS_SHOWN) {
                problems.add(problem);
            }
        }

        void read(InputStream csv) {
            store.lockCurrent();
            before = store.currentSnapshotId().map(store::rowHashes).orElseGet(Map::of);
            before = new HashMap<>(before);
            store.insertSnapshot(snapshot, at, actor);
            var decoder = StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT);
            int line = 0;
            ExtractFormat format = null;
            int rows = 0;
            try (BufferedReader reader = new BufferedReader(new InputStreamReader(csv, decoder), 1 << 16)) {
                for (String text = reader.readLine(); text != null; text = reader.readLine()) {
                    line++;
                    if (line == 1 && text.startsWith("\uFEFF")) {
                        text = text.substring(1);
                    }
                    if (text.startsWith("#")) {
                        continue;
                    }
                    if (format == null) {
                        if (text.isBlank()) {
                            continue;
                        }
                        List<RowProblem> found = new ArrayList<>();
                        format = ExtractFormat.header(line, text, found);
                        found.forEach(this::problem);
                        if (format == null) {
                            return; // without the columns no row can be read
                        }
                        continue;
                    }
                    if (text.isBlank()) {
                        continue;
                    }
                    rows++;
                    row(format, line, text);
                }
            } catch (CharacterCodingException notUtf8) {
                problem(RowProblem.of(line + 1, "encoding"));
                return;
            } catch (IOException e) {
                throw new UncheckedIOException("could not read the register extract", e);
            }
            if (format == null) {
                problem(RowProblem.of(0, "empty"));
                return;
            }
            if (rows == 0) {
                problem(RowProblem.of(0, "noRows"));
                return;
            }
            if (problemCount == 0) {
                acrossRows(); // a household's head or a proxy's household may be on a row that has a problem
            }
            flush(true);
        }

        private void row(ExtractFormat format, int line, String text) {
            List<RowProblem> found = new ArrayList<>();
            ExtractRow row = format.row(line, text, code -> city.district(code).isPresent(), today, found);
            found.forEach(this::problem);
            if (row == null) {
                return;
            }
            Integer first = lineOf.putIfAbsent(row.registerNumber(), line);
            if (first != null) {
                problem(RowProblem.of(line, "duplicate", first));
                return;
            }
            int[] household = households.computeIfAbsent(row.householdNumber(), h -> new int[] {line, 0});
            if (row.head()) {
                household[1]++;
            }
            for (String proxyFor : row.proxyFor()) {
                proxies.add(new String[] {proxyFor, row.registerNumber()});
                proxyLines.add(new int[] {line});
            }
            if (problemCount > 0) {
                return; // the file is refused: the rest is only read for its problems
            }
            pending.add(row);
            if (pending.size() == BATCH) {
                flush(false);
            }
        }

        private void acrossRows() {
            List<RowProblem> found = new ArrayList<>();
            households.values().forEach(h -> {
                if (h[1] != 1) {
                    found.add(RowProblem.of(h[0], "heads", h[1]));
                }
            });
            for (int i = 0; i < proxies.size(); i++) {
                if (!households.containsKey(proxies.get(i)[0])) {
                    found.add(RowProblem.of(proxyLines.get(i)[0], "proxyUnknown"));
                }
            }
            Set<String> seen = new HashSet<>();
            for (int i = 0; i < proxies.size(); i++) {
                if (!seen.add(proxies.get(i)[0] + "/" + proxies.get(i)[1])) {
                    found.add(RowProblem.of(proxyLines.get(i)[0], "proxyTwice"));
                }
            }
            found.sort(java.util.Comparator.comparingInt(RowProblem::line));
            found.forEach(this::problem);
        }

        /**
         * Seals the rows read since the last flush on the other cores while this thread inserts the
         * batch sealed before them (the inserts must stay on the transaction's connection and thread).
         */
        private void flush(boolean last) {
            List<ExtractRow> rows = List.copyOf(pending);
            pending.clear();
            if (problemCount > 0) {
                return;
            }
            CompletableFuture<List<RegisterStore.Sealed>> next = rows.isEmpty() ? null
                    : CompletableFuture.supplyAsync(() -> rows.parallelStream().map(store::seal).toList());
            if (sealing != null) {
                insert(sealing.join());
            }
            sealing = next;
            if (last && sealing != null) {
                insert(sealing.join());
                sealing = null;
            }
        }

        private void insert(List<RegisterStore.Sealed> people) {
            for (RegisterStore.Sealed person : people) {
                String earlier = before.remove(person.registerNumber());
                if (earlier == null) {
                    added++;
                } else if (!earlier.equals(person.rowHash())) {
                    changed++;
                }
            }
            store.insertPeople(snapshot, people);
        }

        RegisterSnapshot complete() {
            store.insertProxies(snapshot, proxies);
            RegisterSnapshot done = new RegisterSnapshot(snapshot, at, actor, lineOf.size(), households.size(), added, changed,
                    before.size());
            store.completeSnapshot(done);
            return done;
        }
    }
}
