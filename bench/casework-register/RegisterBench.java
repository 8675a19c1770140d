import java.io.InputStream;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import javax.sql.DataSource;
import org.machi.MachiApplication;
import org.machi.casework.RegisteredPerson;
import org.machi.casework.ResidentRegister;
import org.machi.casework.register.ImportResult;
import org.machi.casework.register.RegisterImports;
import org.machi.casework.register.RegisterSnapshot;
import org.machi.shared.DataProtection;
import org.springframework.boot.SpringApplication;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * The register at city scale (issue 13, "Scale"): Machi started in this JVM on PostgreSQL imports a
 * register extract of --people rows through RegisterImports (as the staff page does) and then
 * answers look-ups by name + birth date through the ResidentRegister port; beside each, the same
 * work done raw with JDBC: the same rows inserted as they are stored (already sealed, without
 * reading, checking or sealing), and the same look-up query with a precomputed key (rows not
 * opened). Writes a Markdown report to --results.
 */
public class RegisterBench {

    public static void main(String[] args) throws Exception {
        String csv = arg(args, "--csv");
        Path results = Path.of(arg(args, "--results"));
        int lookups = Integer.parseInt(arg(args, "--lookups"));
        int warmup = Integer.parseInt(arg(args, "--warmup"));
        String commit = arg(args, "--commit");
        String label = arg(args, "--label");
        String machine = arg(args, "--machine");
        List<String> appArgs = new ArrayList<>();
        for (int i = 0; i < args.length; i++) {
            if (args[i].equals("--app")) {
                appArgs.addAll(Arrays.asList(args).subList(i + 1, args.length));
                break;
            }
        }
        String loadBefore = Files.readString(Path.of("/proc/loadavg")).trim();
        ConfigurableApplicationContext app = SpringApplication.run(MachiApplication.class, appArgs.toArray(String[]::new));
        RegisterImports imports = app.getBean(RegisterImports.class);
        ResidentRegister register = app.getBean(ResidentRegister.class);
        DataProtection protection = app.getBean(DataProtection.class);
        DataSource data = app.getBean(DataSource.class);
        StringBuilder report = new StringBuilder();
        try {
            // 1. the import, twice: into an empty register, then the same file again (every row compared, the old snapshot deleted)
            long t0 = System.nanoTime();
            RegisterSnapshot first = imported(imports, csv);
            double firstSeconds = (System.nanoTime() - t0) / 1e9;
            t0 = System.nanoTime();
            RegisterSnapshot second = imported(imports, csv);
            double secondSeconds = (System.nanoTime() - t0) / 1e9;
            System.out.printf("import: %.1f s (%d people), again: %.1f s%n", firstSeconds, first.people(), secondSeconds);

            // 1b. raw: the stored rows inserted again with plain JDBC batches into a copy of the table with the same indexes
            double rawSeconds = rawInsert(data);
            System.out.printf("raw insert: %.1f s%n", rawSeconds);

            // 2. look-ups by name + birth date: people drawn at random from the file, half in kanji and half in kana
            List<String[]> people = sample(csv, lookups + warmup, new Random(7));
            for (int i = 0; i < warmup; i++) {
                lookup(register, people.get(lookups + i), i);
            }
            double[] port = new double[lookups];
            int found = 0;
            for (int i = 0; i < lookups; i++) {
                long s = System.nanoTime();
                List<RegisteredPerson> hits = lookup(register, people.get(i), i);
                port[i] = (System.nanoTime() - s) / 1e6;
                String wanted = people.get(i)[0];
                if (hits.stream().anyMatch(p -> p.registerNumber().equals(wanted))) {
                    found++;
                }
            }
            double[] raw = rawLookups(data, protection, people, lookups, warmup);
            Arrays.sort(port);
            Arrays.sort(raw);
            System.out.printf("look-up p50 %.2f p99 %.2f ms; raw p50 %.2f p99 %.2f ms%n", pct(port, 50), pct(port, 99), pct(raw, 50), pct(raw, 99));

            String loadAfter = Files.readString(Path.of("/proc/loadavg")).trim();
            String now = ZonedDateTime.now(ZoneOffset.UTC).format(DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm"));
            report.append("# Resident register at city scale, ").append(now).append(" UTC\n\n")
                    .append("- Machine: ").append(machine).append(". **Shared at the time with the other engineers working on this repository (about seven, building and running tests)**: the numbers are what the machine gave then, not what it gives alone. Load average before: `").append(loadBefore).append("`, after: `").append(loadAfter).append("`.\n")
                    .append("- Machi: ").append(commit).append(", started in the bench's JVM on PostgreSQL (postgres profile, fresh database; the synthetic seed is off there). Settings: `").append(String.join(" ", appArgs).replaceAll("key-encryption-key=\\S+", "key-encryption-key=…")).append("`\n")
                    .append("- Extract: ").append(first.people()).append(" people in ").append(first.households()).append(" households, written by `SyntheticRegister --people` (fictional names, Atsugi addresses), ")
                    .append(Files.size(Path.of(csv)) / 1024 / 1024).append(" MiB of CSV.\n\n")
                    .append("## Import (target: 223,000 rows in under 60 s)\n\n")
                    .append("| | seconds | rows/s |\n| --- | --- | --- |\n")
                    .append(row("**import into an empty register** (read, check every row, seal, hash, insert, switch; one transaction)", firstSeconds, first.people()))
                    .append(row("the same file again (also compares every row with the current snapshot, then deletes the old one)", secondSeconds, second.people()))
                    .append(row("baseline: raw JDBC batch insert of the same stored rows (already sealed) into a copy of the table with the same indexes", rawSeconds, first.people()))
                    .append("\nSecond import: ").append(second.added()).append(" added, ").append(second.changed()).append(" changed, ").append(second.removed()).append(" removed (expected 0, 0, 0).\n")
                    .append("Target ").append(firstSeconds < 60 ? "**met**" : "**not met**").append(" (").append(String.format("%.1f", firstSeconds)).append(" s).\n\n")
                    .append("## Look-up by name + birth date (target: p99 ≤ 20 ms)\n\n")
                    .append(lookups).append(" look-ups one after another after ").append(warmup).append(" not measured; people drawn at random from the extract, alternately by kanji and by kana; found the person drawn: ").append(found).append(" of ").append(lookups).append(".\n\n")
                    .append("| | p50 ms | p90 ms | p99 ms | max ms |\n| --- | --- | --- | --- | --- |\n")
                    .append(latency("**`ResidentRegister.byNameAndBirthDate`** (normalise, keyed hash, query, open every field of each person found)", port))
                    .append(latency("baseline: the same SQL with JDBC, the key computed beforehand, rows read but not opened", raw))
                    .append("\nTarget ").append(pct(port, 99) <= 20 ? "**met**" : "**not met**").append(" (p99 ").append(String.format("%.2f", pct(port, 99))).append(" ms).\n");
            if (!label.isBlank()) {
                report.append("\nLabel: ").append(label).append("\n");
            }
            Files.createDirectories(results);
            Path file = results.resolve(ZonedDateTime.now(ZoneOffset.UTC).format(DateTimeFormatter.ofPattern("yyyy-MM-dd-HHmm"))
                    + (label.isBlank() ? "" : "-" + label) + ".md");
            try (Writer out = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
                out.write(report.toString());
            }
            System.out.println("report: " + file);
        } finally {
            app.close();
        }
    }

    private static RegisterSnapshot imported(RegisterImports imports, String csv) throws Exception {
        try (InputStream in = Files.newInputStream(Path.of(csv))) {
            ImportResult result = imports.importCsv(in, "system");
            if (result instanceof ImportResult.Refused refused) {
                throw new IllegalStateException("the extract was refused: " + refused.problems().subList(0, Math.min(5, refused.problems().size())));
            }
            return ((ImportResult.Imported) result).snapshot();
        }
    }

    private static List<RegisteredPerson> lookup(ResidentRegister register, String[] person, int i) {
        LocalDate born = LocalDate.parse(person[6]);
        return i % 2 == 0 ? register.byNameAndBirthDate(person[2], person[3], born) : register.byNameAndBirthDate(person[4], person[5], born);
    }

    private static double rawInsert(DataSource data) throws Exception {
        try (Connection c = data.getConnection()) {
            c.setAutoCommit(false);
            try (var s = c.createStatement()) {
                s.execute("CREATE TABLE casework.bench_person (LIKE casework.register_person INCLUDING ALL)");
            }
            List<Object[]> rows = new ArrayList<>();
            try (var s = c.createStatement(); ResultSet rs = s.executeQuery("SELECT * FROM casework.register_person")) {
                int n = rs.getMetaData().getColumnCount();
                while (rs.next()) {
                    Object[] row = new Object[n];
                    for (int i = 0; i < n; i++) {
                        row[i] = rs.getObject(i + 1);
                    }
                    rows.add(row);
                }
            }
            c.commit();
            long t0 = System.nanoTime();
            try (PreparedStatement insert = c.prepareStatement("INSERT INTO casework.bench_person VALUES (" + "?, ".repeat(rows.get(0).length - 1) + "?)")) {
                int pending = 0;
                for (Object[] row : rows) {
                    for (int i = 0; i < row.length; i++) {
                        insert.setObject(i + 1, row[i]);
                    }
                    insert.addBatch();
                    if (++pending == 1000) {
                        insert.executeBatch();
                        pending = 0;
                    }
                }
                insert.executeBatch();
            }
            c.commit();
            double seconds = (System.nanoTime() - t0) / 1e9;
            try (var s = c.createStatement()) {
                s.execute("DROP TABLE casework.bench_person");
            }
            c.commit();
            return seconds;
        }
    }

    private static double[] rawLookups(DataSource data, DataProtection protection, List<String[]> people, int lookups, int warmup) throws Exception {
        String[] keys = new String[people.size()];
        for (int i = 0; i < people.size(); i++) {
            String[] p = people.get(i);
            // the same key RegisterKeys makes (kanji and kana give the same hash column pair)
            keys[i] = protection.lookupHash("casework.register.name:" + fold(i % 2 == 0 ? p[2] : p[4]) + "\u0000" + fold(i % 2 == 0 ? p[3] : p[5]) + "\u0000" + p[6]);
        }
        double[] raw = new double[lookups];
        try (Connection c = data.getConnection();
             PreparedStatement q = c.prepareStatement("SELECT register_number, household_number, head, district, name_sealed, birth_date_sealed,"
                     + " address_sealed, details_sealed FROM casework.register_person WHERE snapshot_id = (SELECT snapshot_id FROM"
                     + " casework.register_current WHERE only_row = 1) AND (name_hash = ? OR kana_hash = ?) ORDER BY register_number")) {
            for (int i = 0; i < lookups + warmup; i++) {
                int k = i < warmup ? lookups + i : i - warmup;
                long s = System.nanoTime();
                q.setString(1, keys[k]);
                q.setString(2, keys[k]);
                int n = 0;
                try (ResultSet rs = q.executeQuery()) {
                    while (rs.next()) {
                        rs.getString(1);
                        rs.getString(5);
                        n++;
                    }
                }
                if (i >= warmup) {
                    raw[k] = (System.nanoTime() - s) / 1e6;
                    if (n == 0) {
                        throw new IllegalStateException("the raw query found nobody for sample " + k);
                    }
                }
            }
        }
        return raw;
    }

    /** RegisterKeys.name for the names the generator writes (no spaces or half-width forms): katakana as hiragana. */
    private static String fold(String name) {
        StringBuilder b = new StringBuilder();
        for (char c : java.text.Normalizer.normalize(name, java.text.Normalizer.Form.NFKC).toCharArray()) {
            b.append(c >= '\u30A1' && c <= '\u30F6' ? (char) (c - 0x60) : c);
        }
        return b.toString();
    }

    private static List<String[]> sample(String csv, int n, Random random) throws Exception {
        List<String[]> all = new ArrayList<>();
        for (String line : Files.readAllLines(Path.of(csv), StandardCharsets.UTF_8)) {
            if (!line.startsWith("#") && !line.startsWith("register_number")) {
                all.add(line.split(",", -1));
            }
        }
        List<String[]> picked = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            picked.add(all.get(random.nextInt(all.size())));
        }
        return picked;
    }

    private static String row(String what, double seconds, int rows) {
        return "| " + what + " | " + String.format("%.1f", seconds) + " | " + String.format("%,.0f", rows / seconds) + " |\n";
    }

    private static String latency(String what, double[] sorted) {
        return "| " + what + " | " + String.format("%.2f", pct(sorted, 50)) + " | " + String.format("%.2f", pct(sorted, 90)) + " | "
                + String.format("%.2f", pct(sorted, 99)) + " | " + String.format("%.2f", sorted[sorted.length - 1]) + " |\n";
    }

    private static double pct(double[] sorted, int p) {
        return sorted[Math.min(sorted.length - 1, (int) Math.ceil(p / 100.0 * sorted.length) - 1)];
    }

    private static String arg(String[] args, String name) {
        for (int i = 0; i < args.length - 1; i++) {
            if (args[i].equals(name)) {
                return args[i + 1];
            }
        }
        throw new IllegalArgumentException("missing " + name);
    }
}
