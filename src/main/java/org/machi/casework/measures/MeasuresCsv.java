package org.machi.casework.measures;

import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.function.UnaryOperator;
import java.util.stream.Collectors;
import org.machi.procedures.ProcedureView;

/**
 * The measures as CSV (RFC 4180: comma-separated, CRLF line ends, fields quoted when they hold a
 * comma, a quote or a line break), one header row in the reader's language, then per month the
 * rows of its procedures and a row for all of them (empty procedure code). Numbers are plain: a dot
 * for decimals, no grouping, durations in days with four decimals, shares between 0 and 1 with four
 * decimals, empty where there is no figure (nothing decided yet, no target). An optional byte order
 * mark lets Excel read the file as UTF-8.
 */
final class MeasuresCsv {

    static final String BOM = "\uFEFF";
    static final List<String> COLUMNS = List.of("month", "procedureCode", "procedure", "departmentCode", "online", "counter",
            "applications", "onlineRate", "decided", "medianDays", "p90Days", "decidedWithTarget", "decidedWithinTarget",
            "withinTargetRate", "decidedWithoutTarget", "informationRequests", "requestsPerCase");

    private MeasuresCsv() {
    }

    static String of(MeasuresReport report, List<ProcedureView> procedures, boolean bom, UnaryOperator<String> text) {
        Map<String, ProcedureView> bySlug = procedures.stream().collect(Collectors.toMap(ProcedureView::slug, Function.identity()));
        StringBuilder csv = new StringBuilder(bom ? BOM : "");
        line(csv, COLUMNS.stream().map(column -> text.apply("measures.csv." + column)).toList());
        Map<YearMonth, ProcedureMonth> totals = report.totals().stream()
                .collect(Collectors.toMap(ProcedureMonth::month, Function.identity()));
        YearMonth month = null;
        for (ProcedureMonth row : report.rows()) {
            if (month != null && !month.equals(row.month())) {
                line(csv, fields(totals.get(month), null, text));
            }
            month = row.month();
            line(csv, fields(row, bySlug.get(row.procedureSlug()), text));
        }
        if (month != null) {
            line(csv, fields(totals.get(month), null, text));
        }
        return csv.toString();
    }

    private static List<String> fields(ProcedureMonth row, ProcedureView procedure, UnaryOperator<String> text) {
        List<String> fields = new ArrayList<>();
        fields.add(row.month().toString());
        fields.add(row.total() ? "" : row.procedureSlug());
        fields.add(row.total() ? text.apply("measures.allProcedures") : procedure == null ? row.procedureSlug() : procedure.title());
        fields.add(row.total() || procedure == null || procedure.department() == null ? "" : procedure.department().code());
        fields.add(Integer.toString(row.online()));
        fields.add(Integer.toString(row.counter()));
        fields.add(Integer.toString(row.applications()));
        fields.add(MeasureFormat.plain(row.onlineRate(), 4));
        fields.add(Integer.toString(row.decided()));
        fields.add(row.medianProcessing() == null ? "" : MeasureFormat.plain(MeasureFormat.days(row.medianProcessing(), 4)));
        fields.add(row.p90Processing() == null ? "" : MeasureFormat.plain(MeasureFormat.days(row.p90Processing(), 4)));
        fields.add(Integer.toString(row.decidedWithTarget()));
        fields.add(Integer.toString(row.decidedWithinTarget()));
        fields.add(MeasureFormat.plain(row.withinTargetRate(), 4));
        fields.add(Integer.toString(row.decidedWithoutTarget()));
        fields.add(Integer.toString(row.informationRequests()));
        fields.add(MeasureFormat.plain(row.requestsPerCase(), 4));
        return fields;
    }

    private static void line(StringBuilder csv, List<String> fields) {
        for (int i = 0; i < fields.size(); i++) {
            if (i > 0) {
                csv.append(',');
            }
            csv.append(quoted(fields.get(i)));
        }
        csv.append("\r\n");
    }

    static String quoted(String field) {
        if (field.contains(",") || field.contains("\"") || field.contains("\n") || field.contains("\r")) {
            return '"' + field.replace("\"", "\"\"") + '"';
        }
        return field;
    }
}
